import Foundation

/// The Graph API version every Meta call uses, named in this one place (Marketing API v26.0, released
/// July 2026), and how its URLs are formed.
public enum MetaGraphAPI {
    public static let version = "v26.0"

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
