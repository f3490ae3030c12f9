import Foundation
import Integrations
import Postgres

/// Meta's insights onto our metric keys: `impressions`, `clicks` (link clicks when reported, else all
/// clicks), `spend` (already in currency units), `conversions` (`offsite_conversion.*` actions, else
/// `purchase`), `reach`, `leads` (`lead`). Anything else is reported as unknown by name
/// (`actions.post_engagement`, `frequency`).
enum MetaMetricsMapping {
    static let knownFields: Set<String> = ["impressions", "clicks", "spend", "reach"]

    static func normalize(_ rows: [MetaInsightsRow]) -> NormalizedMetrics {
        var metrics: [NormalizedMetric] = []
        var unknown: Set<String> = []
        for row in rows {
            guard let date = CalendarDate(iso: row.date), !row.campaignID.isEmpty else { continue }
            func add(_ key: String, _ text: String?) {
                guard let text, let value = Decimal(posixText: text) else { return }
                metrics.append(NormalizedMetric(externalCampaignID: row.campaignID, date: date, key: key, value: value))
            }
            add("impressions", row.fields["impressions"])
            add("clicks", row.actions["link_click"] ?? row.fields["clicks"])
            add("spend", row.fields["spend"])
            add("reach", row.fields["reach"])
            let offsite = row.actions.filter { $0.key.hasPrefix("offsite_conversion.") }
            if !offsite.isEmpty {
                let total = offsite.values.compactMap { Decimal(posixText: $0) }.reduce(0, +)
                add("conversions", total.description)
            } else {
                add("conversions", row.actions["purchase"])
            }
            add("leads", row.actions["lead"])
            for name in row.fields.keys where !knownFields.contains(name) { unknown.insert(name) }
            for type in row.actions.keys where !(type == "link_click" || type == "lead" || type == "purchase" || type.hasPrefix("offsite_conversion.")) {
                unknown.insert("actions.\(type)")
            }
        }
        return NormalizedMetrics(metrics: metrics, unknownPlatformMetrics: unknown)
    }
}
