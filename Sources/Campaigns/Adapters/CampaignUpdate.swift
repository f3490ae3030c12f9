import Foundation
import Integrations

/// What changes on a campaign that already exists on its platform: only the fields that are set are sent.
///
/// Adding a propagated field is one small change: a property here, its line in `between(_:_:)` (which
/// compares the campaign before and after a local edit), and its line in each adapter's update request
/// (`GoogleAdsAdapter.updateCampaign`, `MetaAdsAdapter.updateCampaign`).
public struct CampaignUpdate: Sendable, Equatable {
    /// Our campaign's id: names on the platform keep their `LaunchMarker`.
    public var campaignID: UUID
    /// The new name, without the marker.
    public var name: String?
    /// The new budget amount, in the account's currency; the budget's type cannot change on a live campaign.
    public var budgetAmount: Decimal?
    public var budgetType: BudgetType
    public var currency: String
    /// The new last day (`YYYY-MM-DD`, through its end): on Google the campaign's `end_date_time`, on Meta every ad
    /// set's `end_time` (Meta ad sets carry the schedule).
    public var endDate: String?
    /// Meta: the campaign's ad sets on the platform, whose end changes with the campaign's.
    public var externalAdGroupIDs: [String] = []

    public init(campaignID: UUID, name: String? = nil, budgetAmount: Decimal? = nil, budgetType: BudgetType, currency: String,
                endDate: String? = nil) {
        self.campaignID = campaignID
        self.name = name
        self.budgetAmount = budgetAmount
        self.budgetType = budgetType
        self.currency = currency
        self.endDate = endDate
    }

    public var isEmpty: Bool { name == nil && budgetAmount == nil && endDate == nil }

    /// The fields that differ, as a human reads them in the execution log.
    public var summary: String {
        var parts: [String] = []
        if let name { parts.append("name \"\(name)\"") }
        if let budgetAmount { parts.append("\(budgetType.rawValue) budget \(budgetAmount) \(currency)") }
        if let endDate { parts.append("end date \(endDate)") }
        return parts.joined(separator: ", ")
    }
}
