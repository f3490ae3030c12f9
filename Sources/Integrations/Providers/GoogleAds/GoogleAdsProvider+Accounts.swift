import Foundation

extension GoogleAdsProvider {
    /// Every account the token can run campaigns in: the customers it reaches directly
    /// (customers:listAccessibleCustomers), and through each manager account among them the manager's client
    /// accounts (`customer_client`, read with the manager as login-customer-id), which keep that manager as their
    /// `loginCustomerID` (https://developers.google.com/google-ads/api/docs/account-management/get-account-hierarchy).
    /// Managers themselves run no campaigns and are left out.
    public func listAdAccounts(accessToken: String) throws -> [PlatformAdAccount] {
        let answer = try sendJSON(listAccessibleCustomersRequest(accessToken: accessToken), accessToken: accessToken)
        let customerIDs = (answer["resourceNames"] as? [String] ?? []).map(GoogleResourceName.id(of:))
        var accounts: [PlatformAdAccount] = []
        var seen = Set<String>()
        for customerID in customerIDs {
            let rows: [[String: Any]]
            do {
                rows = try search(customerID: customerID, query: GoogleAdsQueries.customer, accessToken: accessToken)
            } catch PlatformError.permanent {
                // A listed customer that cannot be read (cancelled, not enabled) is not an account we can use.
                continue
            }
            guard let customer = rows.first?["customer"] as? [String: Any] else { continue }
            let id = GoogleAdsJSON.string(customer["id"]) ?? customerID
            if customer["manager"] as? Bool == true {
                for client in try clients(ofManager: id, accessToken: accessToken) where seen.insert(client.externalID).inserted {
                    accounts.append(client)
                }
            } else if seen.insert(id).inserted {
                accounts.append(PlatformAdAccount(
                    externalID: id, name: customer["descriptiveName"] as? String ?? "", currency: customer["currencyCode"] as? String ?? ""))
            }
        }
        return accounts
    }

    /// A manager's client accounts that run campaigns (not managers themselves), reached through it.
    func clients(ofManager managerID: String, accessToken: String) throws -> [PlatformAdAccount] {
        try searchStream(customerID: managerID, loginCustomerID: managerID, query: GoogleAdsQueries.clients, accessToken: accessToken)
            .compactMap { row in
                guard let client = row["customerClient"] as? [String: Any], client["manager"] as? Bool != true,
                      let id = GoogleAdsJSON.string(client["id"]) else { return nil }
                var account = PlatformAdAccount(
                    externalID: id, name: client["descriptiveName"] as? String ?? "", currency: client["currencyCode"] as? String ?? "")
                account.loginCustomerID = managerID
                return account
            }
    }

    /// The rows of a GAQL query (googleAds:search; the first page, enough for the small queries we send).
    public func search(customerID: String, loginCustomerID: String? = nil, query: String, accessToken: String) throws -> [[String: Any]] {
        let answer = try sendJSON(
            searchRequest(customerID: customerID, loginCustomerID: loginCustomerID, query: query, stream: false, accessToken: accessToken),
            accessToken: accessToken)
        return answer["results"] as? [[String: Any]] ?? []
    }

    /// The rows of a GAQL query, all of them (googleAds:searchStream answers with batches of rows).
    public func searchStream(customerID: String, loginCustomerID: String? = nil, query: String, accessToken: String) throws -> [[String: Any]] {
        let batches = try sendJSONArray(
            searchRequest(customerID: customerID, loginCustomerID: loginCustomerID, query: query, stream: true, accessToken: accessToken),
            accessToken: accessToken)
        return batches.flatMap { $0["results"] as? [[String: Any]] ?? [] }
    }
}

/// The GAQL queries the provider itself sends.
enum GoogleAdsQueries {
    static let customer = "SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.manager FROM customer"
    /// A manager's direct clients (level 1); level 0 is the manager itself.
    static let clients = """
        SELECT customer_client.id, customer_client.descriptive_name, customer_client.currency_code, customer_client.manager, \
        customer_client.level FROM customer_client WHERE customer_client.level = 1
        """
}

/// Reading proto3 JSON: int64 values arrive as strings, doubles as numbers.
public enum GoogleAdsJSON {
    public static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            // Whole numbers as integers; fractions in Swift's shortest exact form (12.34, not 12.339999…).
            let double = number.doubleValue
            return Double(number.int64Value) == double ? String(number.int64Value) : "\(double)"
        default: return nil
        }
    }

    public static func int(_ value: Any?) -> Int? {
        string(value).flatMap { Int($0) }
    }
}
