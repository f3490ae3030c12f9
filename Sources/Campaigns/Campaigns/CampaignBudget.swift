import Foundation

public struct CampaignBudget: Sendable, Equatable {
    public var campaignID: UUID
    public var type: BudgetType
    public var amount: Money
    public var currency: String
}
