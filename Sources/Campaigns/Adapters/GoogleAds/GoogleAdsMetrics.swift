import Foundation
import Integrations
import Postgres

/// Daily campaign (or ad) metrics through googleAds:searchStream, mapped onto our metric keys and units.
public enum GoogleAdsMetrics {
    /// Google's metric (JSON name) → our `MetricDefinition` key.
    public static let keys = [
        "impressions": "impressions", "clicks": "clicks", "costMicros": "spend",
        "conversions": "conversions", "conversionsValue": "conversion_value",
    ]

    /// `byAd`: a row per ad (`FROM ad_group_ad`, its resource name `customers/{c}/adGroupAds/{adGroup}~{ad}`
    /// naming it) instead of per campaign
    /// (https://developers.google.com/google-ads/api/fields/v26/ad_group_ad).
    public static func query(campaignIDs: [String], from: CalendarDate, to: CalendarDate, byAd: Bool = false) throws -> String {
        for id in campaignIDs { _ = try GAQL.id(id, "externalCampaignId", kind: "campaign id") }
        return """
            SELECT campaign.id, \(byAd ? "ad_group_ad.resource_name, " : "")segments.date, metrics.impressions, metrics.clicks, metrics.cost_micros, \
            metrics.conversions, metrics.conversions_value FROM \(byAd ? "ad_group_ad" : "campaign") \
            WHERE segments.date BETWEEN '\(from)' AND '\(to)' AND campaign.id IN (\(campaignIDs.joined(separator: ", "))) \
            ORDER BY segments.date
            """
    }

    /// Rows → our metrics; money from micros to currency units exactly; names we do not know are reported.
    public static func normalize(_ rows: [[String: Any]]) -> NormalizedMetrics {
        var metrics: [NormalizedMetric] = []
        var unknown: Set<String> = []
        for row in rows {
            guard let campaignID = GoogleAdsJSON.string((row["campaign"] as? [String: Any])?["id"]),
                  let day = ((row["segments"] as? [String: Any])?["date"] as? String).flatMap(CalendarDate.init(iso:)) else { continue }
            let adID = ((row["adGroupAd"] as? [String: Any])?["resourceName"] as? String).map(GoogleResourceName.id(of:))
            for (name, raw) in (row["metrics"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let key = keys[name] else {
                    unknown.insert(name)
                    continue
                }
                guard let text = GoogleAdsJSON.string(raw), let number = Decimal(posixText: text) else { continue }
                let value = name == "costMicros" ? number / Decimal(1_000_000) : number
                metrics.append(NormalizedMetric(externalCampaignID: campaignID, externalAdID: adID, date: day, key: key, value: value))
            }
        }
        return NormalizedMetrics(metrics: metrics, unknownPlatformMetrics: unknown)
    }
}
