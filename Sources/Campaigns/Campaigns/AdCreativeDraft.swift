import Foundation

/// A creative's content; for a revision, `nil` fields keep the revised version's values.
public struct AdCreativeDraft: Sendable, Equatable {
    public var headline: String?
    public var description: String??
    public var mediaURL: String??
    public var callToAction: CallToAction?
    public var landingURL: String?
    /// Every headline or description at once, the first becoming `headline`/`description`; instead of those.
    public var headlines: [String]?
    public var descriptions: [String]?

    public init(
        headline: String?, description: String??, mediaURL: String??, callToAction: CallToAction?, landingURL: String?,
        headlines: [String]? = nil, descriptions: [String]? = nil
    ) {
        self.headline = headline
        self.description = description
        self.mediaURL = mediaURL
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.headlines = headlines
        self.descriptions = descriptions
    }
}
