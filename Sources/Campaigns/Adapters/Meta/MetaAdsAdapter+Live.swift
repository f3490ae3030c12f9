import Foundation
import Integrations

/// A live campaign's changes on Meta, and its ads' review.
extension MetaAdsAdapter {
    /// `POST /{campaign-id}` with `name` (keeping its `LaunchMarker`) and `daily_budget` or `lifetime_budget` in
    /// minor units of the account currency, in one request. Meta refuses a switch between daily and lifetime
    /// budgets and a lifetime budget below what the campaign has spent.
    /// Sources: https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#Updating,
    /// https://developers.facebook.com/docs/marketing-api/bidding/overview/budgets
    public func updateCampaign(_ update: CampaignUpdate, externalCampaignID: String, in account: PlatformAccount) throws {
        var fields: [String: Any] = [:]
        if let name = update.name { fields["name"] = LaunchMarker.name(name, id: update.campaignID) }
        if let amount = update.budgetAmount {
            let minor = try MetaCurrency.minorUnits(amount, currency: update.currency, field: "budget.amount")
            guard minor > 0 else { throw PlatformError.invalidRequest(message: "The budget must be positive.", field: "budget.amount") }
            fields[update.budgetType == .daily ? "daily_budget" : "lifetime_budget"] = minor
        }
        if !fields.isEmpty {
            try provider.update(objectID: externalCampaignID, fields: fields, accessToken: account.accessToken)
        }
        // The schedule is the ad sets': each gets the new end. Setting a value, so a retry changes nothing twice.
        if let end = update.endDate {
            for adSet in update.externalAdGroupIDs {
                try provider.update(objectID: adSet, fields: ["end_time": "\(end)T23:59:59+0000"], accessToken: account.accessToken)
            }
        }
    }

    public func setAdStatus(_ status: DeliveryStatus, externalAdID: String, in account: PlatformAccount) throws {
        try provider.setStatus(MetaLaunchMapping.status(status), objectID: externalAdID, accessToken: account.accessToken)
    }

    public func fetchAdReviews(externalAdIDs: [String], in account: PlatformAccount) throws -> [AdReview] {
        guard !externalAdIDs.isEmpty else { return [] }
        let rows = try provider.adReviews(adIDs: externalAdIDs, accountID: account.externalAccountID, accessToken: account.accessToken)
        return rows.compactMap(MetaReviewMapping.review)
    }
}

/// Meta's `effective_status` and `ad_review_feedback` in our terms.
/// Source: https://developers.facebook.com/docs/marketing-api/reference/adgroup (effective_status values),
/// https://developers.facebook.com/docs/marketing-api/reference/adgroup-review-feedback
enum MetaReviewMapping {
    static func review(_ row: [String: Any]) -> AdReview? {
        guard let id = (row["id"] as? String) ?? (row["id"] as? NSNumber)?.stringValue else { return nil }
        let effective = row["effective_status"] as? String ?? "UNKNOWN"
        var reasons: [String] = []
        if let feedback = row["ad_review_feedback"] as? [String: Any] {
            if let global = feedback["global"] as? [String: Any] {
                reasons += global.sorted { $0.key < $1.key }.map { "\($0.value)" }
            }
            if let placements = feedback["placement_specific"] as? [String: Any] {
                for (placement, value) in placements.sorted(by: { $0.key < $1.key }) {
                    for (_, reason) in (value as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) { reasons.append("\(placement): \(reason)") }
                }
            }
        }
        return AdReview(externalAdID: id, status: status(effective), platformStatus: effective, reasons: reasons)
    }

    static func status(_ effective: String) -> AdReviewStatus {
        switch effective {
        case "PENDING_REVIEW", "IN_PROCESS": return .underReview
        case "DISAPPROVED": return .disapproved
        case "WITH_ISSUES": return .withIssues
        case "ACTIVE", "PAUSED", "CAMPAIGN_PAUSED", "ADSET_PAUSED", "PREAPPROVED": return .approved
        default: return .unknown
        }
    }
}
