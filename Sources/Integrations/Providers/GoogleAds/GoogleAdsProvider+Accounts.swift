import Foundation

extension GoogleAdsProvider {
    /// Every customer the token can reach (customers:listAccessibleCustomers), each with its name and currency
    /// read through googleAds:search.
    public func listAdAccounts(accessToken: String) throws -> [PlatformAdAccount] {
        let answer = try sendJSON(listAccessibleCustomersRequest(accessToken: accessToken), accessToken: accessToken)
        let customerIDs = (answer["resourceNames"] as? [String] ?? []).map(GoogleResourceName.id(of:))
        return try customerIDs.compactMap { customerID in
            let rows: [[String: Any]]
            do {
                rows = try search(customerID: customerID, query: GoogleAdsQueries.customer, accessToken: accessToken)
            } catch PlatformError.permanent {
                // A listed customer that cannot be read (cancelled, not enabled) is not an account we can use.
                return nil
            }
            guard let customer = rows.first?["customer"] as? [String: Any] else { return nil }
            return PlatformAdAccount(
                externalID: GoogleAdsJSON.string(customer["id"]) ?? customerID,
                name: customer["descriptiveName"] as? String ?? "",
                currency: customer["currencyCode"] as? String ?? "")
        }
    }

    /// The rows of a GAQL query (googleAds:search; the first page, enough for the small queries we send).
    public func search(customerID: String, query: String, accessToken: String) throws -> [[String: Any]] {
        let answer = try sendJSON(searchRequest(customerID: customerID, query: query, stream: false, accessToken: accessToken), accessToken: accessToken)
        return answer["results"] as? [[String: Any]] ?? []
    }

    /// The rows of a GAQL query, all of them (googleAds:searchStream answers with batches of rows).
    public func searchStream(customerID: String, query: String, accessToken: String) throws -> [[String: Any]] {
        let batches = try sendJSONArray(searchRequest(customerID: customerID, query: query, stream: true, accessToken: accessToken), accessToken: accessToken)
        return batches.flatMap { $0["results"] as? [[String: Any]] ?? [] }
    }
}

/// The GAQL queries the provider itself sends.
enum GoogleAdsQueries {
    static let customer = "SELECT customer.id, customer.descriptive_name, customer.currency_code FROM customer"
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
