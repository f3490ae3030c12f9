import FastCGI
import Foundation

/// Control actions (`POST /simulator/_control/google_ads/<action>`): change accounts and tokens the way a
/// user would on Google's side.
extension GoogleAdsSimulator {
    public func control(_ action: String, _ body: [String: Any]) -> FastCGIResponse? {
        let customerID = (body["customerId"] as? String) ?? (body["customerId"] as? NSNumber)?.stringValue
        switch action {
        case "rename_account":
            guard let customerID, let name = body["name"] as? String, !name.isEmpty else { return controlError("customerId and name are required") }
            return updateAccount(customerID) { $0.name = name }
        case "remove_account":
            guard let customerID else { return controlError("customerId is required") }
            return updateAccount(customerID) { $0.removed = true }
        case "add_account":
            guard let customerID, customerID.count == 10, customerID.allSatisfy(\.isNumber),
                  let name = body["name"] as? String, !name.isEmpty else { return controlError("customerId (ten digits) and name are required") }
            let currency = body["currency"] as? String ?? "USD"
            // `manager: true` adds a manager account; `managerId` a client reached through that manager.
            let managerID = body["managerId"] as? String
            lock.withLock {
                store.accounts.removeAll { $0.id == customerID }
                store.accounts.append(GoogleAdsStore.Account(
                    id: customerID, name: name, currency: currency, manager: body["manager"] as? Bool ?? false, managerID: managerID))
            }
            return .simulatorJSON(200, ["ok": true])
        case "expire_tokens":
            tokens.expireAccessTokens()
            return .simulatorJSON(200, ["ok": true])
        case "revoke_tokens":
            tokens.revokeAll()
            return .simulatorJSON(200, ["ok": true])
        case "backdate":
            // {"id": "<campaign id>", "days": n}: the campaign's status history, and its ads', moves n days back, as
            // if they had been created then, so that they have delivery (and metrics) for those days.
            guard let id = (body["id"] as? String) ?? (body["id"] as? NSNumber)?.stringValue,
                  let days = body["days"] as? Int, days >= 0 else { return controlError("id and days (not negative) are required") }
            let found: Bool = lock.withLock {
                guard let name = store.statusHistory.keys.first(where: { $0.hasSuffix("/campaigns/\(id)") }) else { return false }
                let ads = store.statusHistory.keys.filter { adName in
                    adName.contains("/adGroupAds/")
                        && (store.objects[adName]?["adGroup"] as? String).flatMap { store.objects[$0]?["campaign"] as? String } == name
                }
                for key in [name] + ads {
                    store.statusHistory[key] = store.statusHistory[key]!.map { change in
                        var moved = change
                        moved.at -= Double(days) * 86_400
                        return moved
                    }
                }
                return true
            }
            return found ? .simulatorJSON(200, ["ok": true]) : .simulatorJSON(404, ["error": "no campaign \(id)"])
        default:
            return reviewControl(action, body)
        }
    }

    private func updateAccount(_ customerID: String, _ change: (inout GoogleAdsStore.Account) -> Void) -> FastCGIResponse {
        lock.withLock {
            guard let index = store.accounts.firstIndex(where: { $0.id == customerID }) else {
                return controlError("no account \(customerID)")
            }
            change(&store.accounts[index])
            return .simulatorJSON(200, ["ok": true])
        }
    }

    private func controlError(_ message: String) -> FastCGIResponse {
        .simulatorJSON(400, ["error": message])
    }
}
