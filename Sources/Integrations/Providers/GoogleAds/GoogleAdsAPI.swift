import Foundation

/// The Google Ads REST API version this application speaks, named in this one place.
public enum GoogleAdsAPI {
    /// https://developers.google.com/google-ads/api/rest — v26 (released October 2026).
    public static let version = "v26"
    /// The OAuth scope that grants access to Google Ads accounts.
    public static let scope = "https://www.googleapis.com/auth/adwords"
}

/// A Google Ads customer id: ten digits, written without dashes in URLs and resource names.
public enum GoogleCustomerID {
    /// "123-456-7890" or "1234567890" → "1234567890"; nil when it is not ten digits.
    public static func normalized(_ text: String) -> String? {
        let digits = text.filter { $0 != "-" }
        guard digits.count == 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return digits
    }
}

/// A resource name such as `customers/1234567890/campaigns/42`, and the id at its end.
public enum GoogleResourceName {
    public static func make(customerID: String, collection: String, id: String) -> String {
        "customers/\(customerID)/\(collection)/\(id)"
    }

    /// The last path segment: `42` for a campaign, `7~99` for an ad group ad or criterion.
    public static func id(of resourceName: String) -> String {
        resourceName.split(separator: "/").last.map(String.init) ?? resourceName
    }
}
