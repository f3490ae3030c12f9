import Foundation
import Integrations
import Testing
@testable import Campaigns

/// Meta reports every pixel event among a campaign's actions; `conversions` counts the campaign's own event only.
@Suite struct MetaConversionsTests {
    static func row(objective: String?, actions: [String: String]) -> MetaInsightsRow {
        var fields = ["impressions": "1000", "spend": "12.50"]
        fields["objective"] = objective
        return MetaInsightsRow(campaignID: "42", date: "2026-11-30", fields: fields, actions: actions)
    }

    static let actions = [
        "offsite_conversion.fb_pixel_purchase": "3", "offsite_conversion.fb_pixel_add_to_cart": "40",
        "offsite_conversion.fb_pixel_view_content": "900", "lead": "7", "link_click": "55",
    ]

    static func conversions(_ objective: String?) -> Decimal? {
        MetaMetricsMapping.normalize([row(objective: objective, actions: actions)]).metrics.first { $0.key == "conversions" }?.value
    }

    @Test func conversionsAreTheObjectivesOwnEventOnly() {
        // Purchases only: add-to-carts and page views are not conversions of a Sales campaign.
        #expect(Self.conversions("OUTCOME_SALES") == 3)
        #expect(Self.conversions("OUTCOME_LEADS") == 7)
        // Traffic campaigns have no conversion event: none is reported rather than a sum of unrelated events.
        #expect(Self.conversions("OUTCOME_TRAFFIC") == nil)
        // The aggregate purchase count stands in when the pixel's own is absent.
        let aggregate = MetaMetricsMapping.normalize([Self.row(objective: "OUTCOME_SALES", actions: ["purchase": "5"])])
        #expect(aggregate.metrics.first { $0.key == "conversions" }?.value == 5)
        // `objective` is read, not reported as an unknown metric.
        #expect(!MetaMetricsMapping.normalize([Self.row(objective: "OUTCOME_SALES", actions: [:])]).unknownPlatformMetrics.contains("objective"))
    }

    /// `action_values` carries what the conversions were worth: a Sales campaign's purchase value, in the account's
    /// currency units; other events' values are not its conversion value.
    @Test func theConversionValueIsTheObjectivesOwnEventsValue() {
        let row = MetaInsightsRow(
            campaignID: "42", date: "2026-11-30", fields: ["objective": "OUTCOME_SALES", "spend": "12.50"], actions: Self.actions,
            actionValues: ["offsite_conversion.fb_pixel_purchase": "73.50", "offsite_conversion.fb_pixel_add_to_cart": "980.00"])
        let metrics = MetaMetricsMapping.normalize([row]).metrics
        #expect(metrics.first { $0.key == "conversion_value" }?.value == Decimal(string: "73.50"))
        var traffic = row
        traffic.fields["objective"] = "OUTCOME_TRAFFIC"
        #expect(MetaMetricsMapping.normalize([traffic]).metrics.first { $0.key == "conversion_value" } == nil)
    }
}
