import Foundation
import Integrations
import Postgres

/// Meta's insights onto our metric keys: `impressions`, `clicks` (link clicks when reported, else all
/// clicks), `spend` (already in currency units), `conversions` (the campaign's own conversion event only: pixel
/// purchases for Sales, leads for Leads; none for Traffic), `conversion_value` (the value Meta reports for those
/// conversions in `action_values`, in the account's currency: a Sales campaign's purchase value), `reach` (people
/// reached that day; unique people do not add up across days, so totals leave it out), `leads` (`lead`).
/// Anything else is reported as unknown by name (`actions.post_engagement`, `frequency`).
enum MetaMetricsMapping {
    static let knownFields: Set<String> = ["impressions", "clicks", "spend", "reach", "objective"]

    /// The action types that count as a campaign's conversions, by its objective. Insights' `actions` hold every
    /// pixel event (`offsite_conversion.fb_pixel_add_to_cart`, `…_view_content`, …): summing them counted
    /// add-to-carts and page views as conversions
    /// (https://developers.facebook.com/docs/marketing-api/reference/ads-action-stats/).
    static let conversionActions: [String: [String]] = [
        "OUTCOME_SALES": ["offsite_conversion.fb_pixel_purchase", "purchase"],
        "OUTCOME_LEADS": ["lead"],
    ]

    static func normalize(_ rows: [MetaInsightsRow]) -> NormalizedMetrics {
        var metrics: [NormalizedMetric] = []
        var unknown: Set<String> = []
        for row in rows {
            guard let date = CalendarDate(iso: row.date), !row.campaignID.isEmpty else { continue }
            func add(_ key: String, _ text: String?) {
                guard let text, let value = Decimal(posixText: text) else { return }
                metrics.append(NormalizedMetric(externalCampaignID: row.campaignID, externalAdID: row.adID, date: date, key: key, value: value))
            }
            add("impressions", row.fields["impressions"])
            add("clicks", row.actions["link_click"] ?? row.fields["clicks"])
            add("spend", row.fields["spend"])
            add("reach", row.fields["reach"])
            // The first action type present of the objective's list (the pixel's own count before the aggregate).
            let types = conversionActions[row.fields["objective"] ?? ""] ?? []
            if let type = types.first(where: { row.actions[$0] != nil }) { add("conversions", row.actions[type]) }
            if let type = types.first(where: { row.actionValues[$0] != nil }) { add("conversion_value", row.actionValues[type]) }
            add("leads", row.actions["lead"])
            for name in row.fields.keys where !knownFields.contains(name) { unknown.insert(name) }
            for type in row.actions.keys where !(type == "link_click" || type == "lead" || type == "purchase" || type.hasPrefix("offsite_conversion.")) {
                unknown.insert("actions.\(type)")
            }
        }
        return NormalizedMetrics(metrics: metrics, unknownPlatformMetrics: unknown)
    }
}
