import Foundation

public struct CampaignUnit: Sendable, Equatable {
    public var id: UUID
    public var campaignID: UUID
    public var audienceID: UUID
    public var name: String
    public var budgetAllocation: Money?
    public var externalID: String?
    /// Google Search keywords (a Meta unit has none).
    public var keywords: [Keyword] = []
}
