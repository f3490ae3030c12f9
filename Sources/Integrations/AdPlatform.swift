/// An ad platform, as stored (`google_ads`, `meta_ads`).
public enum AdPlatform: String, Sendable, CaseIterable, Codable {
    case googleAds = "google_ads"
    case metaAds = "meta_ads"
}
