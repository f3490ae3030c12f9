/// The facts of a platform's capability table that a preview needs, per platform.
struct PreviewCapabilities: Sendable {
    var placement: AdPlacement
    var supportsImages: Bool
    var headlineMaximumLength: Int
    var maximumHeadlines: Int?
    /// Meta's card shows only the first headline part; Google Search shows them side by side.
    var showsAllHeadlineParts: Bool
    var descriptionMaximumLength: Int?
    var showsCallToActionButton: Bool
    var acceptedCallsToAction: Set<CallToAction>

    static func of(_ platform: Platform) -> PreviewCapabilities {
        switch platform {
        case .googleAds:
            PreviewCapabilities(
                placement: .googleSearch, supportsImages: false, headlineMaximumLength: 30, maximumHeadlines: 15,
                showsAllHeadlineParts: true, descriptionMaximumLength: 90, showsCallToActionButton: false,
                acceptedCallsToAction: Set(CallToAction.allCases))
        case .metaAds:
            PreviewCapabilities(
                placement: .metaFeed, supportsImages: true, headlineMaximumLength: 40, maximumHeadlines: nil,
                showsAllHeadlineParts: false, descriptionMaximumLength: nil, showsCallToActionButton: true,
                acceptedCallsToAction: Set(CallToAction.allCases))
        }
    }
}
