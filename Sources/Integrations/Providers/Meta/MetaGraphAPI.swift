import Foundation

/// The Graph API version every Meta call uses, named in this one place, and how its URLs are formed. v27.0 is
/// the latest (released 2026-11-04, expiry not yet set; v26.0 of 2026-07-29 has none set either; v25.0 expires
/// 2027-02-23: Marketing API version history). Its changes do not touch what we send: the legacy features new
/// apps lose (HTTP method override, field aliases, multi-id requests) are unused here, and the "other mobile
/// devices" default applies to Sales ad sets that target devices, which ours do not ("Introducing Graph API v27.0
/// and Marketing API v27.0", Meta for Developers blog, 2026-11-04).
public enum MetaGraphAPI {
    public static let version = "v27.0"

    /// The permissions the app asks for: create and manage ads, read their insights.
    /// `pages_show_list` lists the Pages the person manages, so one can be chosen for the ads to run as
    /// (https://developers.facebook.com/docs/permissions#p).
    public static let scopes = ["ads_management", "ads_read", "pages_show_list"]

    /// `{root}/{version}/{path}` with `query` appended in order.
    static func url(_ root: URL, _ path: String, query: [(String, String)] = []) -> URL {
        var text = root.absoluteString
        if text.hasSuffix("/") { text.removeLast() }
        text += "/\(version)/\(path)"
        if !query.isEmpty { text += "?" + FormEncoding.encode(query) }
        return URL(string: text)!
    }

    /// `act_123` for `123` or `act_123`: the ad account node as the Graph API names it.
    public static func accountNode(_ accountID: String) -> String {
        accountID.hasPrefix("act_") ? accountID : "act_\(accountID)"
    }
}
