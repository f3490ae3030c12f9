import Foundation
import Integrations

/// A live campaign's changes on Google Ads, and its ads' review.
extension GoogleAdsAdapter {
    /// One googleAds:mutate holding an update of the campaign's budget (`amount_micros`, or `total_amount_micros`
    /// for a lifetime budget) and of the campaign's name, so Google applies both or neither. Every update operation
    /// needs its `update_mask` naming the changed fields, in proto3 JSON's camelCase form.
    /// Sources: https://developers.google.com/google-ads/api/rest/reference/rest/v26/customers.campaignBudgets/mutate,
    /// https://developers.google.com/google-ads/api/rest/reference/rest/v26/customers.campaigns/mutate,
    /// https://developers.google.com/google-ads/api/docs/mutating/overview (update operations and field masks),
    /// https://protobuf.dev/programming-guides/json/ (FieldMask as `"amountMicros"`).
    public func updateCampaign(_ update: CampaignUpdate, externalCampaignID: String, in account: PlatformAccount) throws {
        let customer = try customerID(account)
        let campaignID = try GAQL.id(externalCampaignID, "externalCampaignId", kind: "campaign id")
        var operations: [GoogleAdsOperation] = []
        if let amount = update.budgetAmount {
            guard update.currency.uppercased() == account.currency.uppercased() else {
                throw PlatformError.invalidRequest(message: "The budget is in \(update.currency) but the Google Ads account bills in \(account.currency).", field: "budget.currency")
            }
            guard let micros = GoogleAdsMicros.micros(amount), micros > 0 else {
                throw PlatformError.invalidRequest(message: "The budget \(amount) \(update.currency) is not a positive whole number of micros.", field: "budget.amount")
            }
            let budget = try campaignBudget(campaignID, account)
            let field = update.budgetType == .daily ? "amountMicros" : "totalAmountMicros"
            operations.append(GoogleAdsOperation("campaignBudgetOperation", [
                "update": ["resourceName": budget, field: String(micros)], "updateMask": field,
            ]))
        }
        var campaign: [String: Any] = ["resourceName": GoogleResourceName.make(customerID: customer, collection: "campaigns", id: campaignID)]
        var mask: [String] = []
        if let name = update.name {
            campaign["name"] = LaunchMarker.name(name, id: update.campaignID)
            mask.append("name")
        }
        if let end = update.endDate {
            campaign["endDateTime"] = "\(end) 23:59:59"
            mask.append("endDateTime")
        }
        if !mask.isEmpty {
            operations.append(GoogleAdsOperation("campaignOperation", ["update": campaign, "updateMask": mask.joined(separator: ",")]))
        }
        guard !operations.isEmpty else { return }
        _ = try provider.batchMutate(
            provider.batchMutateRequest(customerID: customer, loginCustomerID: account.loginCustomerID, operations: operations, accessToken: account.accessToken), accessToken: account.accessToken)
    }

    /// The ad group ad's `status` (ENABLED or PAUSED), through an update whose mask names only the status.
    public func setAdStatus(_ status: DeliveryStatus, externalAdID: String, in account: PlatformAccount) throws {
        _ = try provider.mutate(try requests(account).status(status, service: "adGroupAds", id: externalAdID), accessToken: account.accessToken)
    }

    /// `ad_group_ad.policy_summary` of each ad: `approval_status`, `review_status` and `policy_topic_entries`.
    /// Source: https://developers.google.com/google-ads/api/reference/rpc/v26/AdGroupAdPolicySummary
    public func fetchAdReviews(externalAdIDs: [String], in account: PlatformAccount) throws -> [AdReview] {
        let customer = try customerID(account)
        let valid = externalAdIDs.filter { id in
            let parts = id.split(separator: "~")
            return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        }
        var reviews: [AdReview] = []
        for start in stride(from: 0, to: valid.count, by: 500) {
            let names = valid[start..<min(start + 500, valid.count)]
                .map { GAQL.string(GoogleResourceName.make(customerID: customer, collection: "adGroupAds", id: $0)) }
            let rows = try provider.search(customerID: customer, loginCustomerID: account.loginCustomerID, query: """
                SELECT ad_group_ad.resource_name, ad_group_ad.policy_summary.approval_status, ad_group_ad.policy_summary.review_status, \
                ad_group_ad.policy_summary.policy_topic_entries FROM ad_group_ad WHERE ad_group_ad.resource_name IN (\(names.joined(separator: ", ")))
                """, accessToken: account.accessToken)
            reviews += rows.compactMap(GoogleAdsReviewMapping.review)
        }
        return reviews
    }

    /// The resource name of the campaign's budget.
    private func campaignBudget(_ campaignID: String, _ account: PlatformAccount) throws -> String {
        let rows = try provider.search(
            customerID: try customerID(account), loginCustomerID: account.loginCustomerID, query: "SELECT campaign.campaign_budget FROM campaign WHERE campaign.id = \(campaignID)",
            accessToken: account.accessToken)
        guard let budget = rows.lazy.compactMap({ ($0["campaign"] as? [String: Any])?["campaignBudget"] as? String }).first else {
            throw PlatformError.invalidRequest(message: "Google Ads has no budget for campaign \(campaignID).", field: "budget")
        }
        return budget
    }
}

/// Google's policy summary in our terms.
/// Sources: https://developers.google.com/google-ads/api/reference/rpc/v26/PolicyApprovalStatusEnum.PolicyApprovalStatus,
/// https://developers.google.com/google-ads/api/reference/rpc/v26/PolicyReviewStatusEnum.PolicyReviewStatus
enum GoogleAdsReviewMapping {
    static func review(_ row: [String: Any]) -> AdReview? {
        guard let adGroupAd = row["adGroupAd"] as? [String: Any], let name = adGroupAd["resourceName"] as? String else { return nil }
        let summary = adGroupAd["policySummary"] as? [String: Any] ?? [:]
        let approval = summary["approvalStatus"] as? String ?? "UNSPECIFIED"
        let review = summary["reviewStatus"] as? String ?? "UNSPECIFIED"
        let reasons = (summary["policyTopicEntries"] as? [[String: Any]] ?? []).compactMap { entry -> String? in
            guard let topic = entry["topic"] as? String else { return nil }
            return (entry["type"] as? String).map { "\(topic) (\($0))" } ?? topic
        }
        return AdReview(externalAdID: GoogleResourceName.id(of: name), status: status(approval: approval, review: review),
                        platformStatus: "\(approval) / \(review)", reasons: reasons)
    }

    /// A disapproval wins; an ad still in review (or under appeal) is under review, whatever it may serve meanwhile.
    static func status(approval: String, review: String) -> AdReviewStatus {
        if approval == "DISAPPROVED" { return .disapproved }
        if ["REVIEW_IN_PROGRESS", "ELIGIBLE_MAY_SERVE", "UNDER_APPEAL"].contains(review) { return .underReview }
        switch approval {
        case "APPROVED": return .approved
        case "APPROVED_LIMITED", "AREA_OF_INTEREST_ONLY": return .approvedLimited
        default: return .unknown
        }
    }
}
