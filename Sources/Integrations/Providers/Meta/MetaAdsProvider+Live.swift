import Foundation

/// Changes to objects that exist, and the review of ads.
extension MetaRequestBuilder {
    /// `POST /{object-id}` with the fields to change (`name`, `daily_budget`, `lifetime_budget`, …): Meta applies
    /// the given fields only. Repeating it sets the same values again.
    /// Source: https://developers.facebook.com/docs/marketing-api/reference/ad-campaign-group#Updating
    public func update(_ fields: [String: Any], objectID: String) -> PlatformRequest {
        post(objectID, fields, safeToRepeat: true)
    }

    /// The ads `ids` of the account with their `effective_status` (`PENDING_REVIEW`, `DISAPPROVED`, `WITH_ISSUES`,
    /// `ACTIVE`, …) and `ad_review_feedback` (`{"global": {"<key>": "<reason>"}, "placement_specific": {…}}`).
    /// Sources: https://developers.facebook.com/docs/marketing-api/reference/adgroup (effective_status),
    /// https://developers.facebook.com/docs/marketing-api/reference/adgroup-review-feedback
    public func adReviews(adIDs: [String], accountID: String, limit: Int = 100) -> PlatformRequest {
        let filtering: [[String: Any]] = [["field": "id", "operator": "IN", "value": adIDs]]
        return get("\(MetaGraphAPI.accountNode(accountID))/ads", [
            ("fields", "id,effective_status,ad_review_feedback"), ("filtering", Self.json(filtering)), ("limit", String(limit)),
        ])
    }
}

extension MetaAdsProvider {
    /// Changes the given fields of a campaign, ad set or ad.
    public func update(objectID: String, fields: [String: Any], accessToken: String) throws {
        let answer = try send(requests.update(fields, objectID: objectID), accessToken: accessToken)
        guard (answer["success"] as? Bool) == true else {
            throw PlatformError.permanent(message: "the Graph API did not confirm the update of \(objectID)")
        }
    }

    /// The review fields of these ads (every page), 50 ids a request.
    public func adReviews(adIDs: [String], accountID: String, accessToken: String) throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for start in stride(from: 0, to: adIDs.count, by: 50) {
            let chunk = Array(adIDs[start..<min(start + 50, adIDs.count)])
            rows += try sendPaged(requests.adReviews(adIDs: chunk, accountID: accountID), accessToken: accessToken)
        }
        return rows
    }
}
