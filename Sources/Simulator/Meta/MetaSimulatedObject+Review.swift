import FastCGI
import Foundation

/// Ad review, as Meta does it: a new ad's `effective_status` is PENDING_REVIEW until it is reviewed — here after
/// the simulator's review delay, or when the control `review_ad` decides (DISAPPROVED or WITH_ISSUES with a
/// reason, shown in `ad_review_feedback.global`). Approved, it shows its own status (ACTIVE, PAUSED).
/// Sources: https://developers.facebook.com/docs/marketing-api/reference/adgroup (effective_status),
/// https://developers.facebook.com/docs/marketing-api/reference/adgroup-review-feedback
extension MetaSimulatedObject {
    static func submitForReview(_ fields: inout [String: Any]) {
        fields["_review"] = "PENDING_REVIEW"
        fields["_submitted_at"] = Date().timeIntervalSince1970
    }

    func presentReview(into object: inout [String: Any], reviewDelay: Double) {
        var review = fields["_review"] as? String ?? "APPROVED"
        if review == "PENDING_REVIEW", let submitted = (fields["_submitted_at"] as? Double) ?? (fields["_submitted_at"] as? NSNumber)?.doubleValue,
           Date().timeIntervalSince1970 - submitted >= reviewDelay {
            review = "APPROVED"
        }
        switch review {
        case "APPROVED": object["effective_status"] = status ?? "ACTIVE"
        default: object["effective_status"] = review
        }
        if let reason = fields["_review_reason"] as? String, review != "APPROVED" {
            object["ad_review_feedback"] = ["global": ["SIMULATED_POLICY": reason]]
        }
    }
}

extension MetaSimulator {
    /// `review_ad {"id": "<ad id>", "decision": "APPROVED|DISAPPROVED|WITH_ISSUES|PENDING_REVIEW", "reason": "…"}` and
    /// `review_delay {"seconds": n}`.
    func reviewControl(_ action: String, _ body: [String: Any]) -> FastCGIResponse? {
        switch action {
        case "review_ad":
            guard let id = body["id"] as? String, let decision = body["decision"] as? String,
                  ["APPROVED", "DISAPPROVED", "WITH_ISSUES", "PENDING_REVIEW"].contains(decision) else {
                return Self.controlError("id and decision (APPROVED, DISAPPROVED, WITH_ISSUES or PENDING_REVIEW) are required")
            }
            let found: Bool = lock.withLock {
                guard let index = objects.firstIndex(where: { $0.id == id && $0.kind == .ad }) else { return false }
                objects[index].fields["_review"] = decision
                objects[index].fields["_submitted_at"] = nil
                objects[index].fields["_review_reason"] = body["reason"] as? String
                return true
            }
            return found ? .simulatorJSON(200, ["ok": true]) : Self.controlError("no ad \(id)", status: 404)
        case "review_delay":
            guard let seconds = (body["seconds"] as? NSNumber)?.doubleValue, seconds >= 0 else {
                return Self.controlError("seconds (not negative) is required")
            }
            lock.withLock { reviewDelay = seconds }
            return .simulatorJSON(200, ["ok": true])
        default:
            return nil
        }
    }
}
