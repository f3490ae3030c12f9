import Foundation

public struct CampaignDraft: Sendable, Equatable {
    public var adAccountID: UUID?
    public var name: String
    public var objective: Objective?
    public var budget: BudgetDraft

    public init(adAccountID: UUID?, name: String, objective: Objective?, budget: BudgetDraft) {
        self.adAccountID = adAccountID
        self.name = name
        self.objective = objective
        self.budget = budget
    }
}
