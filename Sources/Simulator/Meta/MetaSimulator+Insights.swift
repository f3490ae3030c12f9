import FastCGI
import Foundation

/// `GET act_{id}/insights?level=campaign|ad&time_increment=1&time_range=…&filtering=…&fields=…`: one row per
/// active campaign (or active ad of an active campaign) and day, from its creation to today, with
/// deterministic figures (an ad's are its share of its campaign's, `SimulatedMetrics.split`); numbers as
/// strings, spend in currency units, counts of actions as `[{action_type, value}]`, as the Graph API returns them.
extension MetaSimulator {
    func insights(_ request: SimulatorRequest, accountID: String) throws -> FastCGIResponse {
        let account = try account(accountID)
        let query = request.query
        let level = query["level"] ?? "campaign"
        guard level == "campaign" || level == "ad" else {
            throw MetaSimulatedError.invalidParameter(["level"], "The simulator reports at level=campaign or level=ad only.")
        }
        guard (query["time_increment"] ?? "1") == "1" else {
            throw MetaSimulatedError.invalidParameter(["time_increment"], "The simulator reports daily rows only (time_increment=1).")
        }
        guard let rangeText = query["time_range"],
              let range = try? JSONSerialization.jsonObject(with: Data(rangeText.utf8)) as? [String: String],
              let since = range["since"], let until = range["until"],
              MetaSimulatedDays.date(since) != nil, MetaSimulatedDays.date(until) != nil else {
            throw MetaSimulatedError.invalidParameter(["time_range"], "time_range must be {\"since\": \"YYYY-MM-DD\", \"until\": \"YYYY-MM-DD\"}.")
        }
        let wanted = try campaignFilter(query["filtering"])
        let fields = Set((query["fields"] ?? "impressions,spend").split(separator: ",").map(String.init))
        let (campaigns, ads) = lock.withLock {
            let campaigns = objects.filter { $0.kind == .campaign && $0.accountID == account.id && $0.status == "ACTIVE" && (wanted?.contains($0.id) ?? true) }
            let adSetCampaigns = Dictionary(objects.filter { $0.kind == .adset }.map { ($0.id, $0.fields["campaign_id"] as? String ?? "") },
                                            uniquingKeysWith: { first, _ in first })
            let ads = Dictionary(grouping: objects.filter { $0.kind == .ad && $0.accountID == account.id && $0.status == "ACTIVE" }) {
                adSetCampaigns[$0.fields["adset_id"] as? String ?? ""] ?? ""
            }
            return (campaigns, ads)
        }
        let today = Self.today()
        var rows: [[String: Any]] = []
        for day in MetaSimulatedDays.range(since, min(until, today)) {
            for campaign in campaigns where campaign.createdDay <= day {
                let figures = SimulatedMetrics.day(objectID: campaign.id, day: day)
                guard level == "ad" else {
                    var row = Self.row(figures, ids: ["campaign_id": campaign.id], day: day, fields: fields, currency: account.currency)
                    if fields.contains("objective") { row["objective"] = campaign.fields["objective"] }
                    rows.append(row)
                    continue
                }
                let delivering = (ads[campaign.id] ?? []).filter { $0.createdDay <= day }.map(\.id)
                for (adID, share) in SimulatedMetrics.split(figures, among: delivering, day: day).sorted(by: { $0.key < $1.key }) {
                    rows.append(Self.row(share, ids: ["campaign_id": campaign.id, "ad_id": adID], day: day, fields: fields, currency: account.currency))
                }
            }
        }
        return page(request, rows: rows)
    }

    /// The campaign ids of `[{"field": "campaign.id", "operator": "IN", "value": [...]}]`, nil for no filter.
    func campaignFilter(_ text: String?) throws -> Set<String>? {
        guard let text else { return nil }
        guard let filters = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else {
            throw MetaSimulatedError.invalidParameter(["filtering"], "filtering must be a JSON array of {field, operator, value}.")
        }
        var ids: Set<String>?
        for filter in filters {
            guard filter["field"] as? String == "campaign.id", let op = filter["operator"] as? String else {
                throw MetaSimulatedError.invalidParameter(["filtering"], "The simulator filters on campaign.id only.")
            }
            let values: [String]
            switch op {
            case "IN": values = filter["value"] as? [String] ?? []
            case "EQUAL": values = (filter["value"] as? String).map { [$0] } ?? []
            default: throw MetaSimulatedError.invalidParameter(["filtering"], "Operator \(op) is not supported here.")
            }
            ids = (ids ?? Set(values)).intersection(values)
        }
        return ids
    }

    static func row(_ figures: SimulatedDay, ids: [String: String], day: String, fields: Set<String>, currency: String) -> [String: Any] {
        let offset = MetaSimulatedAccount.offset(currency)
        var row: [String: Any] = ["date_start": day, "date_stop": day]
        for (name, id) in ids { row[name] = id }
        let values: [String: String] = [
            "impressions": String(figures.impressions),
            // Every click on the ad, of which link clicks are the larger part.
            "clicks": String(figures.clicks + figures.clicks / 4),
            "spend": offset == 1 ? String(figures.spendMinor) : String(format: "%d.%02d", figures.spendMinor / 100, figures.spendMinor % 100),
            "reach": String(figures.impressions * 7 / 10),
        ]
        for (name, value) in values where fields.contains(name) { row[name] = value }
        if fields.contains("actions") {
            let actions: [(String, Int)] = [
                ("link_click", figures.clicks),
                ("offsite_conversion.fb_pixel_purchase", figures.conversions),
                ("lead", figures.conversions / 2),
                ("post_engagement", figures.clicks + figures.impressions / 40),
            ]
            // The Graph API leaves out actions that did not happen.
            row["actions"] = actions.filter { $0.1 > 0 }.map { ["action_type": $0.0, "value": String($0.1)] }
        }
        if fields.contains("action_values"), figures.conversions > 0 {
            // Purchases are worth 24.50 each in the account's currency (2450 in its minor units).
            let minor = figures.conversions * (offset == 1 ? 25 : 2450)
            let value = offset == 1 ? String(minor) : String(format: "%d.%02d", minor / 100, minor % 100)
            row["action_values"] = [["action_type": "offsite_conversion.fb_pixel_purchase", "value": value]]
        }
        return row
    }
}
