import Foundation

/// One row of `/insights` with `time_increment=1`: one campaign (or one ad of it), one day. The Graph API returns numbers as
/// strings (`"spend": "12.34"`, in currency units) and counts of actions as `[{action_type, value}]`.
public struct MetaInsightsRow: Sendable, Equatable {
    public var campaignID: String
    /// With `level=ad`.
    public var adID: String?
    /// `YYYY-MM-DD`.
    public var date: String
    /// Every other scalar field (`impressions`, `clicks`, `spend`, `reach`, ...) as text.
    public var fields: [String: String]
    /// `action_type` → value.
    public var actions: [String: String]
    /// `action_type` → the value of those actions in the account's currency units (`action_values`: a
    /// purchase's order value).
    public var actionValues: [String: String]

    public init(campaignID: String, adID: String? = nil, date: String, fields: [String: String], actions: [String: String],
                actionValues: [String: String] = [:]) {
        self.campaignID = campaignID
        self.adID = adID
        self.date = date
        self.fields = fields
        self.actions = actions
        self.actionValues = actionValues
    }

    init(_ row: [String: Any]) {
        campaignID = Self.text(row["campaign_id"]) ?? ""
        adID = Self.text(row["ad_id"])
        date = Self.text(row["date_start"]) ?? ""
        var fields: [String: String] = [:]
        for (name, value) in row where !["campaign_id", "ad_id", "date_start", "date_stop", "actions", "action_values"].contains(name) {
            if let text = Self.text(value) { fields[name] = text }
        }
        self.fields = fields
        actions = Self.actionStats(row["actions"])
        actionValues = Self.actionStats(row["action_values"])
    }

    /// `[{action_type, value}]` (Meta's AdsActionStats) by type.
    static func actionStats(_ value: Any?) -> [String: String] {
        var stats: [String: String] = [:]
        for action in value as? [[String: Any]] ?? [] {
            if let type = action["action_type"] as? String, let value = text(action["value"]) { stats[type] = value }
        }
        return stats
    }

    static func text(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }
}
