import Foundation

/// Everything the simulated Google Ads holds, as one value: a failed googleAds:mutate applies its operations
/// to a copy and drops it, so it changes nothing, as on the real platform.
struct GoogleAdsStore {
    struct Account {
        var id: String
        var name: String
        var currency: String
        /// Removed accounts vanish from listAccessibleCustomers and refuse requests.
        var removed = false
        /// A manager account runs no campaigns; its clients are reached through it.
        var manager = false
        /// The manager a client account is reached through (its requests' `login-customer-id`).
        var managerID: String? = nil
    }

    /// A status from a moment on (campaigns), to know the days a campaign delivered.
    struct StatusChange {
        var at: Double
        var status: String
    }

    var accounts: [Account] = GoogleAdsStore.seededAccounts
    /// Resource name → the object's fields as the API's JSON names them (camelCase), with `resourceName` and `id`.
    var objects: [String: [String: Any]] = [:]
    /// Resource names in creation order.
    var order: [String] = []
    var statusHistory: [String: [StatusChange]] = [:]
    var nextID = 10_000_001
    /// Seconds a new ad stays in review before it reads as approved (control `review_delay`).
    var reviewDelay: Double = 60

    /// The accounts a fresh simulator knows: a shop with a US and a Canadian account, and the demo's search account.
    static let seededAccounts = [
        Account(id: "1234567890", name: "Tasty Chips Co. – US", currency: "USD"),
        Account(id: "2345678901", name: "Tasty Chips Co. – CA", currency: "CAD"),
        Account(id: "4815162342", name: "Tasty Chips – Search", currency: "USD"),
    ]

    func account(_ id: String) -> Account? { accounts.first { $0.id == id && !$0.removed } }

    mutating func newID() -> String {
        defer { nextID += 1 }
        return String(nextID)
    }

    /// The objects of one collection (`campaigns`, `adGroups`, ...) of one customer, in creation order.
    func objects(customerID: String, collection: String) -> [[String: Any]] {
        let prefix = "customers/\(customerID)/\(collection)/"
        return order.filter { $0.hasPrefix(prefix) }.compactMap { objects[$0] }
    }

    mutating func insert(_ object: [String: Any], as resourceName: String) {
        objects[resourceName] = object
        order.append(resourceName)
        if let status = object["status"] as? String, Self.hasDelivery(resourceName) {
            statusHistory[resourceName] = [StatusChange(at: Date().timeIntervalSince1970, status: status)]
        }
    }

    mutating func setStatus(_ status: String, of resourceName: String) {
        objects[resourceName]?["status"] = status
        if Self.hasDelivery(resourceName) {
            statusHistory[resourceName, default: []].append(StatusChange(at: Date().timeIntervalSince1970, status: status))
        }
    }

    /// Campaigns and ads: the objects whose days of delivery metrics report.
    static func hasDelivery(_ resourceName: String) -> Bool {
        resourceName.contains("/campaigns/") || resourceName.contains("/adGroupAds/")
    }

    /// Whether the campaign or ad was ENABLED at some moment of `day` (days since 1970, UTC) up to now.
    func wasEnabled(_ resourceName: String, onDay day: Int) -> Bool {
        let history = statusHistory[resourceName] ?? []
        let now = Date().timeIntervalSince1970
        let dayStart = Double(day) * 86_400, dayEnd = min(dayStart + 86_400, now)
        for (index, change) in history.enumerated() where change.status == "ENABLED" {
            let until = index + 1 < history.count ? history[index + 1].at : now
            if change.at < dayEnd && until >= dayStart && dayStart < dayEnd { return true }
        }
        return false
    }

    // MARK: snapshot

    var snapshot: [String: Any] {
        [
            "accounts": accounts.map { account -> [String: Any] in
                var json: [String: Any] = ["id": account.id, "name": account.name, "currency": account.currency, "removed": account.removed,
                                           "manager": account.manager]
                if let managerID = account.managerID { json["managerID"] = managerID }
                return json
            },
            "objects": objects,
            "order": order,
            "statusHistory": statusHistory.mapValues { $0.map { ["at": $0.at, "status": $0.status] } },
            "nextID": nextID,
        ]
    }

    init() {}

    init(snapshot: [String: Any]) {
        if let accounts = snapshot["accounts"] as? [[String: Any]] {
            self.accounts = accounts.compactMap { account in
                guard let id = account["id"] as? String, let name = account["name"] as? String, let currency = account["currency"] as? String else { return nil }
                return Account(id: id, name: name, currency: currency, removed: account["removed"] as? Bool ?? false,
                               manager: account["manager"] as? Bool ?? false, managerID: account["managerID"] as? String)
            }
        }
        objects = snapshot["objects"] as? [String: [String: Any]] ?? [:]
        order = (snapshot["order"] as? [String] ?? []).filter { objects[$0] != nil }
        for (name, changes) in snapshot["statusHistory"] as? [String: [[String: Any]]] ?? [:] {
            statusHistory[name] = changes.compactMap { change in
                guard let at = (change["at"] as? NSNumber)?.doubleValue, let status = change["status"] as? String else { return nil }
                return StatusChange(at: at, status: status)
            }
        }
        nextID = (snapshot["nextID"] as? NSNumber)?.intValue ?? nextID
    }
}
