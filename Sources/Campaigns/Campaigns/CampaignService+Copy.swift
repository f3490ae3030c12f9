import Foundation
import Postgres

/// One campaign on both platforms: a copy made for another platform's ad account, linked to its original.
extension CampaignService {
    /// A draft copy of campaign `id` on `adAccountID`, an account of the other platform: the same objective, dates,
    /// units (audiences, allocations; keywords when the copy is on Google) and the current version of every
    /// creative (version 1 of the copy), linked to the original. The budget is `budget`, or else the original's
    /// when the account bills in its currency. The copy is a draft like any other: its launch checks it against
    /// its platform's rules (a Google copy of a Meta campaign needs keywords and more headlines, for example).
    public func copy(_ id: UUID, to adAccountID: UUID?, budget: BudgetDraft?, in session: TenantSession) throws -> Campaign {
        let original = try get(id, in: session)
        guard let adAccountID, let account = try ConnectionService().adAccounts(ids: [adAccountID], in: session)[adAccountID], !account.removed else {
            throw CampaignError.validation(field: "adAccountId", message: "Ad account not found.")
        }
        guard account.platform != original.platform else {
            throw CampaignError.validation(
                field: "adAccountId", message: "The campaign is on \(original.platform.displayName) already; choose an ad account of the other platform.")
        }
        let budgetDraft: BudgetDraft
        if let budget {
            budgetDraft = budget
        } else if let current = try budgets(of: [id], in: session)[id] {
            guard current.currency == account.currency else {
                throw CampaignError.validation(
                    field: "budget",
                    message: "The campaign's budget is in \(current.currency); \(account.name) bills in \(account.currency). Give the copy a budget in \(account.currency).")
            }
            budgetDraft = BudgetDraft(type: current.type, amount: current.amount, currency: current.currency)
        } else {
            throw CampaignError.validation(field: "budget", message: "The campaign has no budget: give the copy one.")
        }
        let suffix = " – \(account.platform.displayName)"
        let room = InputLimits.name.maximum - suffix.unicodeScalars.count
        let name = String(String.UnicodeScalarView(original.name.unicodeScalars.prefix(room))) + suffix
        let created = try create(CampaignDraft(adAccountID: account.id, name: name, objective: original.objective, budget: budgetDraft), in: session)
        let copy = try session.connection.query(
            """
            UPDATE campaigns c SET copied_from_campaign_id = \(original.id), start_date = \(original.startDate)::date, end_date = \(original.endDate)::date
            WHERE c.organization_id = \(session.organizationID) AND c.id = \(created.id) RETURNING \(unescaped: Self.columns)
            """
        ).map(Campaign.init(row:))[0]
        let units = try self.units(of: [id], in: session)[id] ?? []
        let creatives = try self.creatives(ofUnits: units.map(\.id), in: session)
        for unit in units {
            let copiedUnit = try createUnit(CampaignUnitDraft(
                campaignID: copy.id, audienceID: unit.audienceID, name: unit.name, budgetAllocation: unit.budgetAllocation,
                keywords: account.platform == .googleAds ? unit.keywords : []), in: session)
            for creative in creatives[unit.id] ?? [] {
                _ = try insertCreative(unitID: copiedUnit.id, creative, version: 1, parentID: nil, in: session)
            }
        }
        return copy
    }

    /// The copies made of each campaign, oldest first.
    public func copies(of campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: [Campaign]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT \(unescaped: Self.columns) FROM campaigns c
            WHERE c.organization_id = \(session.organizationID) AND c.copied_from_campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[]) ORDER BY c.created_at, c.id
            """)
        var result: [UUID: [Campaign]] = [:]
        for campaign in try rows.map(Campaign.init(row:)) {
            if let original = campaign.copiedFromID { result[original, default: []].append(campaign) }
        }
        return result
    }
}
