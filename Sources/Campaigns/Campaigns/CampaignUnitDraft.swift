import Foundation

public struct CampaignUnitDraft: Sendable, Equatable {
    public var campaignID: UUID?
    public var audienceID: UUID?
    public var name: String
    public var budgetAllocation: Money?
    public var keywords: [Keyword]

    public init(campaignID: UUID?, audienceID: UUID?, name: String, budgetAllocation: Money?, keywords: [Keyword] = []) {
        self.campaignID = campaignID
        self.audienceID = audienceID
        self.name = name
        self.budgetAllocation = budgetAllocation
        self.keywords = keywords
    }
}
