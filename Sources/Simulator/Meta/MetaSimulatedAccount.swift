/// An ad account of the simulated Meta user (`act_<id>`).
struct MetaSimulatedAccount {
    /// Digits only, as `account_id` shows it.
    var id: String
    var name: String
    var currency: String
    /// 1 = active (the Graph API's `account_status`).
    var status: Int

    var json: [String: Any] { ["id": "act_\(id)", "account_id": id, "name": name, "currency": currency, "account_status": status] }

    init(id: String, name: String, currency: String, status: Int = 1) {
        self.id = id
        self.name = name
        self.currency = currency
        self.status = status
    }

    init?(_ json: [String: Any]) {
        guard let id = json["account_id"] as? String, let name = json["name"] as? String, let currency = json["currency"] as? String else { return nil }
        self.init(id: id, name: name, currency: currency, status: json["account_status"] as? Int ?? 1)
    }

    /// What a fresh simulator knows.
    static let seeded = [
        MetaSimulatedAccount(id: "1000000001", name: "Tasty Chips Co.", currency: "USD"),
        MetaSimulatedAccount(id: "1000000002", name: "Tasty Chips Co. EU", currency: "EUR"),
    ]

    /// `act_123` or `123` → `123`.
    static func digits(_ id: String) -> String { id.hasPrefix("act_") ? String(id.dropFirst(4)) : id }

    /// Minor units per unit in Meta's currency table (1 for JPY, KRW, ... ; 100 for the rest).
    static func offset(_ currency: String) -> Int {
        ["CLP", "COP", "CRC", "HUF", "ISK", "IDR", "JPY", "KRW", "PYG", "TWD", "VND"].contains(currency.uppercased()) ? 1 : 100
    }
}
