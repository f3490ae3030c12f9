import FastCGI
import Foundation

/// Ad review, as Google does it: a new ad group ad's `policy_summary` reads `review_status` REVIEW_IN_PROGRESS
/// (approval UNKNOWN) until it is reviewed — here after `reviewDelay` seconds, when it reads REVIEWED and
/// APPROVED — or until the control `review_ad` decides, e.g. DISAPPROVED with a policy topic.
/// Source: https://developers.google.com/google-ads/api/reference/rpc/v26/AdGroupAdPolicySummary
extension GoogleAdsStore {
    /// When the ad was submitted (kept beside the API's fields; never selected by a query).
    static let submittedKey = "_submittedAt"

    static func submitForReview(_ object: inout [String: Any]) {
        object["policySummary"] = ["reviewStatus": "REVIEW_IN_PROGRESS", "approvalStatus": "UNKNOWN", "policyTopicEntries": [Any]()]
        object[submittedKey] = Date().timeIntervalSince1970
    }

    /// The ad as a read shows it now: approved once its review time has passed without a decision.
    func reviewed(_ object: [String: Any]) -> [String: Any] {
        guard let submitted = (object[Self.submittedKey] as? Double) ?? (object[Self.submittedKey] as? NSNumber)?.doubleValue,
              Date().timeIntervalSince1970 - submitted >= reviewDelay else { return object }
        var shown = object
        shown["policySummary"] = ["reviewStatus": "REVIEWED", "approvalStatus": "APPROVED", "policyTopicEntries": [Any]()]
        return shown
    }

    /// The review's outcome for the ad group ad `adGroupId~adId` (or the ad id alone): false when there is no such ad.
    mutating func decideReview(ad: String, approval: String, topic: String?) -> Bool {
        guard let name = order.first(where: { $0.contains("/adGroupAds/") && ($0.hasSuffix("/\(ad)") || $0.hasSuffix("~\(ad)")) }) else { return false }
        var entries: [[String: Any]] = []
        if let topic { entries.append(["topic": topic, "type": approval == "DISAPPROVED" ? "PROHIBITED" : "LIMITED"]) }
        let review = approval == "UNDER_REVIEW" ? "REVIEW_IN_PROGRESS" : "REVIEWED"
        objects[name]?["policySummary"] = [
            "reviewStatus": review, "approvalStatus": approval == "UNDER_REVIEW" ? "UNKNOWN" : approval, "policyTopicEntries": entries,
        ]
        objects[name]?[Self.submittedKey] = nil
        return true
    }
}

extension GoogleAdsSimulator {
    /// `review_ad {"id": "<adGroupId~adId or adId>", "approval": "APPROVED|APPROVED_LIMITED|DISAPPROVED|UNDER_REVIEW", "topic": "…"}`
    /// and `review_delay {"seconds": n}`.
    func reviewControl(_ action: String, _ body: [String: Any]) -> FastCGIResponse? {
        switch action {
        case "review_ad":
            guard let id = (body["id"] as? String) ?? (body["id"] as? NSNumber)?.stringValue,
                  let approval = body["approval"] as? String, ["APPROVED", "APPROVED_LIMITED", "DISAPPROVED", "UNDER_REVIEW"].contains(approval) else {
                return .simulatorJSON(400, ["error": "id and approval (APPROVED, APPROVED_LIMITED, DISAPPROVED or UNDER_REVIEW) are required"])
            }
            let found = lock.withLock { store.decideReview(ad: id, approval: approval, topic: body["topic"] as? String) }
            return found ? .simulatorJSON(200, ["ok": true]) : .simulatorJSON(404, ["error": "no ad \(id)"])
        case "review_delay":
            guard let seconds = (body["seconds"] as? NSNumber)?.doubleValue, seconds >= 0 else {
                return .simulatorJSON(400, ["error": "seconds (not negative) is required"])
            }
            lock.withLock { store.reviewDelay = seconds }
            return .simulatorJSON(200, ["ok": true])
        default:
            return nil
        }
    }
}
