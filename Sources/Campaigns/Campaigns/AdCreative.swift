import Foundation

public struct AdCreative: Sendable, Equatable {
    public var id: UUID
    public var campaignUnitID: UUID
    public var headline: String
    public var description: String?
    public var mediaURL: String?
    public var callToAction: CallToAction
    public var landingURL: String
    public var version: Int
    public var parentID: UUID?
    /// The headlines after the first (`headline`), and the descriptions after the first (`description`).
    public var moreHeadlines: [String] = []
    public var moreDescriptions: [String] = []

    /// Every headline, as the platforms receive them: the first one's " | " parts, then the others.
    public var headlines: [String] { CreativeText.headlineParts(headline) + moreHeadlines }
    /// Every description: the first (when there is one), then the others.
    public var descriptions: [String] { (description.map { [$0] } ?? []) + moreDescriptions }
}
