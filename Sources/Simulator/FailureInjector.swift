import Foundation

/// A failure the simulator was told to produce.
public enum InjectedFailure: String, Sendable {
    case rateLimit = "rate_limit"
    case serverError = "server_error"
    case expiredToken = "expired_token"
    /// The platform applies the request, then answers 500 as a server error: the caller never learns the
    /// id of what it created (a lost response).
    case serverErrorAfterApply = "server_error_after_apply"

    /// The failure the platform reports (the request itself is applied or not according to the case).
    var reported: InjectedFailure { self == .serverErrorAfterApply ? .serverError : self }
}

/// Failures on demand: "the next N requests to this endpoint fail like this", so that tests and users see
/// how the product handles them.
public final class FailureInjector: @unchecked Sendable {
    struct Rule {
        var platform: String
        /// A substring of the path after the prefix (`campaigns:mutate`, `/adsets`), or "" for any.
        var pathContains: String
        var method: String?
        var failure: InjectedFailure
        var remaining: Int
        /// Requests to let through before failing (to fail "the third ad").
        var skip: Int
    }

    private let lock = NSLock()
    private var rules: [Rule] = []

    public init() {}

    /// Adds a rule from a control request body:
    /// `{"platform": "google_ads", "path": "adGroupAds:mutate", "method": "POST", "failure": "server_error", "times": 2, "after": 0}`.
    func add(_ body: [String: Any]) throws {
        guard let platform = body["platform"] as? String else { throw SimulatorControlError("platform is required") }
        guard let failureName = body["failure"] as? String, let failure = InjectedFailure(rawValue: failureName) else {
            throw SimulatorControlError("failure must be rate_limit, server_error, server_error_after_apply or expired_token")
        }
        let times = (body["times"] as? Int) ?? 1
        let skip = (body["after"] as? Int) ?? 0
        guard times > 0, skip >= 0 else { throw SimulatorControlError("times must be positive and after not negative") }
        lock.withLock {
            rules.append(Rule(platform: platform, pathContains: (body["path"] as? String) ?? "",
                              method: (body["method"] as? String)?.uppercased(), failure: failure, remaining: times, skip: skip))
        }
    }

    /// The failure this request must get, if any; consumes one use of the matching rule.
    public func failure(platform: String, method: String, path: String) -> InjectedFailure? {
        lock.withLock {
            guard let index = rules.firstIndex(where: {
                $0.platform == platform && ($0.pathContains.isEmpty || path.contains($0.pathContains)) && ($0.method == nil || $0.method == method)
            }) else { return nil }
            if rules[index].skip > 0 {
                rules[index].skip -= 1
                return nil
            }
            let failure = rules[index].failure
            rules[index].remaining -= 1
            if rules[index].remaining == 0 { rules.remove(at: index) }
            return failure
        }
    }

    func reset() { lock.withLock { rules.removeAll() } }
}

struct SimulatorControlError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
