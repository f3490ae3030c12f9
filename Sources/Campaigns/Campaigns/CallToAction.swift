public enum CallToAction: String, Sendable, CaseIterable {
    case shopNow = "shop_now", learnMore = "learn_more", signUp = "sign_up", bookNow = "book_now"
    case contactUs = "contact_us", download, getOffer = "get_offer", subscribe
}
