import FastCGI
import Foundation

/// Failures in Meta's shapes, control actions, and the state kept across restarts.
extension MetaSimulator {
    /// Rate limits are code 17 (user) on reads and 613 on writes, with HTTP 400 as Meta sends them; server
    /// errors are HTTP 500 with code 2; an expired token is code 190, subcode 463.
    public func render(_ failure: InjectedFailure, for request: SimulatorRequest) -> FastCGIResponse {
        switch failure {
        case .rateLimit:
            let usage = #"{"0":[{"type":"ads_management","call_count":100,"total_cputime":20,"total_time":20,"estimated_time_to_regain_access":0}]}"#
            return request.method == "GET"
                ? MetaSimulatedError(code: 17, subcode: 2_446_079, message: "User request limit reached", isTransient: true,
                                     headers: [("X-Business-Use-Case-Usage", usage)]).response
                : MetaSimulatedError(code: 613, message: "Calls to this api have exceeded the rate limit.", isTransient: true,
                                     headers: [("X-Business-Use-Case-Usage", usage)]).response
        case .serverError, .serverErrorAfterApply:
            return MetaSimulatedError(status: 500, code: 2, message: "An unexpected error has occurred. Please retry your request later.",
                                      isTransient: true).response
        case .expiredToken:
            return MetaSimulatedError.expiredToken.response
        }
    }

    /// `rename_account {accountId, name}`, `remove_account {accountId}`, `add_account {accountId, name, currency}`,
    /// `expire_tokens`, `revoke_tokens`, and `backdate {id, days}` (the object, with a campaign's ad sets and ads,
    /// was created `days` ago, so that insights show a history).
    public func control(_ action: String, _ body: [String: Any]) -> FastCGIResponse? {
        let accountID = (body["accountId"] as? String).map(MetaSimulatedAccount.digits)
        switch action {
        case "expire_tokens":
            tokens.expireAccessTokens()
        case "revoke_tokens":
            tokens.revokeAll()
        case "rename_account":
            guard let accountID, let name = body["name"] as? String, !name.isEmpty else { return Self.controlError("accountId and name are required") }
            let found: Bool = lock.withLock {
                guard let index = accounts.firstIndex(where: { $0.id == accountID }) else { return false }
                accounts[index].name = name
                return true
            }
            if !found { return Self.controlError("no account \(accountID)", status: 404) }
        case "remove_account":
            guard let accountID else { return Self.controlError("accountId is required") }
            lock.withLock { accounts.removeAll { $0.id == accountID } }
        case "add_account":
            guard let accountID, accountID.allSatisfy(\.isNumber), let name = body["name"] as? String else {
                return Self.controlError("accountId (digits) and name are required")
            }
            let currency = (body["currency"] as? String)?.uppercased() ?? "USD"
            lock.withLock {
                accounts.removeAll { $0.id == accountID }
                accounts.append(MetaSimulatedAccount(id: accountID, name: name, currency: currency))
            }
        case "backdate":
            guard let id = body["id"] as? String, let days = body["days"] as? Int, days >= 0 else {
                return Self.controlError("id and days (not negative) are required")
            }
            let day = MetaSimulatedDays.string(Date(timeIntervalSinceNow: -Double(days) * 86_400))
            // The object, and for a campaign its ad sets and ads, so that ad-level insights have the same history.
            let found: Bool = lock.withLock {
                guard objects.contains(where: { $0.id == id }) else { return false }
                let adSets = Set(objects.filter { $0.kind == .adset && $0.fields["campaign_id"] as? String == id }.map(\.id))
                for index in objects.indices where objects[index].id == id || adSets.contains(objects[index].id)
                    || (objects[index].kind == .ad && adSets.contains(objects[index].fields["adset_id"] as? String ?? "")) {
                    objects[index].createdDay = day
                }
                return true
            }
            if !found { return Self.controlError("no object \(id)", status: 404) }
        default:
            return reviewControl(action, body)
        }
        return .simulatorJSON(200, ["ok": true])
    }

    public func snapshot() -> [String: Any] {
        var state: [String: Any] = lock.withLock {
            [
                "accounts": accounts.map(\.json),
                "objects": objects.map(\.snapshot),
                "nextID": nextID,
                "images": images.mapValues { $0.sorted() },
            ]
        }
        state["tokens"] = tokens.snapshot()
        return state
    }

    public func restore(_ snapshot: [String: Any]) {
        lock.withLock {
            if let saved = snapshot["accounts"] as? [[String: Any]] { accounts = saved.compactMap(MetaSimulatedAccount.init) }
            objects = (snapshot["objects"] as? [[String: Any]] ?? []).compactMap(MetaSimulatedObject.init(snapshot:))
            nextID = max(snapshot["nextID"] as? Int ?? Self.firstID, (objects.compactMap { Int($0.id) }.max() ?? 0) + 1)
            images = (snapshot["images"] as? [String: [String]] ?? [:]).mapValues(Set.init)
        }
        tokens.restore(snapshot["tokens"] as? [String: Any] ?? [:])
    }

    public func reset() {
        lock.withLock {
            accounts = MetaSimulatedAccount.seeded
            objects = []
            images = [:]
            nextID = Self.firstID
        }
        tokens.reset()
    }

    static func controlError(_ message: String, status: Int = 400) -> FastCGIResponse {
        .simulatorJSON(status, ["error": message])
    }
}
