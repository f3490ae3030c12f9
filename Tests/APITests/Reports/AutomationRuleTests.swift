import Foundation
import Postgres
import Testing
import TestSupport

/// Automated rules on campaigns launched on the simulated platforms: each kind triggering and not at its
/// thresholds, a pause that goes through the platform and the execution log, dry runs, alerts and schedules,
/// and the ad-level figures the metrics sync now stores.
@Suite struct AutomationRuleTests {
    static let ruleFields = "id name kind metric comparison threshold windowDays minimumClicks action dryRun enabled runAt firedAt campaign { name }"

    /// A launched campaign (the launch fixture: two units, three ads) and its creatives as stored.
    func launched(_ platform: String) async throws -> (APITestHarness, LaunchFixture, ReportCampaign) {
        let (harness, fixture) = try await LaunchOnSimulatorTests.setUp(platform)
        do {
            let launch = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign], key: fixture.key)
            #expect(launch["errors"] == nil, "\(launch)")
            let rows = try harness.rows(
                """
                SELECT u.id AS unit, a.id AS creative FROM campaign_units u JOIN ad_creatives a ON a.campaign_unit_id = u.id
                WHERE u.campaign_id = \(fixture.campaignID) ORDER BY u.created_at, a.created_at
                """)
            let campaign = ReportCampaign(id: fixture.campaignID, unit: try rows[0].decode("unit"), creatives: try rows.map { try $0.decode("creative") })
            return (harness, fixture, campaign)
        } catch {
            harness.stop()
            throw error
        }
    }

    func create(_ harness: APITestHarness, _ input: [String: Any], key: String) async throws -> [String: Any] {
        try await harness.send("mutation($input: AutomationRuleInput!) { createAutomationRule(input: $input) { \(Self.ruleFields) } }",
                               ["input": input], key: key)
    }

    func evaluate(_ harness: APITestHarness, key: String) async throws -> [[String: Any]] {
        let data = try await harness.succeed(
            "mutation { evaluateAutomationRules { outcome message figures { key value } campaign { name } } }", key: key)
        return data["evaluateAutomationRules"] as? [[String: Any]] ?? []
    }

    @Test(arguments: LaunchOnSimulatorTests.platforms) func aCostPerConversionRulePausesOnThePlatformAtItsThreshold(platform: String) async throws {
        let (harness, fixture, campaign) = try await launched(platform)
        defer { harness.stop() }
        let key = fixture.key
        // Over the last 3 days: 60 clicks, 60.00 spent, 1 conversion: a cost per conversion of exactly 60.
        try harness.adDay(campaign, creative: 0, PerformanceReportTests.day(0), impressions: 1_000, clicks: 30, spend: "30.00", conversions: "1")
        try harness.adDay(campaign, creative: 1, PerformanceReportTests.day(-2), impressions: 800, clicks: 30, spend: "30.00")
        // Outside the window.
        try harness.adDay(campaign, creative: 0, PerformanceReportTests.day(-3), impressions: 900, clicks: 90, spend: "900.00")

        let atThreshold = try await create(harness, [
            "name": "CPA guard", "kind": "METRIC", "metric": "COST_PER_CONVERSION", "comparison": "GREATER_THAN", "threshold": "60",
            "windowDays": 3, "minimumClicks": 50, "action": "PAUSE",
        ], key: key)
        #expect(atThreshold["errors"] == nil, "\(atThreshold)")
        // 60 is not above 60.
        #expect(try await evaluate(harness, key: key).isEmpty)
        let justBelow = try #require((data(atThreshold, "createAutomationRule") as? [String: Any])?["id"] as? String)
        // Above 59.99, but with one click short of the minimum volume.
        let tooFewClicks = try await harness.succeed(
            "mutation($id: ID!, $input: AutomationRuleInput!) { updateAutomationRule(id: $id, input: $input) { threshold minimumClicks } }",
            ["id": justBelow, "input": ["name": "CPA guard", "kind": "METRIC", "metric": "COST_PER_CONVERSION", "comparison": "GREATER_THAN",
                                        "threshold": "59.99", "windowDays": 3, "minimumClicks": 61, "action": "PAUSE"]], key: key)
        #expect((tooFewClicks["updateAutomationRule"] as? [String: Any])?["threshold"] as? String == "59.99")
        #expect(try await evaluate(harness, key: key).isEmpty)
        #expect(try harness.status(campaign.id) == "live")

        _ = try await harness.succeed(
            "mutation($id: ID!, $input: AutomationRuleInput!) { updateAutomationRule(id: $id, input: $input) { id } }",
            ["id": justBelow, "input": ["name": "CPA guard", "kind": "METRIC", "metric": "COST_PER_CONVERSION", "comparison": "GREATER_THAN",
                                        "threshold": "59.99", "windowDays": 3, "minimumClicks": 60, "action": "PAUSE"]], key: key)
        let runs = try await evaluate(harness, key: key)
        #expect(runs.map { $0["outcome"] as? String } == ["PAUSED"], "\(runs)")
        let figures = Dictionary(uniqueKeysWithValues: (runs.first?["figures"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", $0["value"] as? String ?? "") })
        #expect(figures["cost_per_conversion"] == "60" && figures["clicks"] == "60" && figures["threshold"] == "59.99", "\(figures)")
        #expect((runs.first?["message"] as? String)?.contains("CPA guard") == true)
        // Paused here and on the platform, through the lifecycle service, and on the execution log.
        #expect(try harness.status(campaign.id) == "paused")
        let objects = SimulatedObjects(try await harness.simulatorState(platform), platform: platform)
        #expect(objects.campaigns.map { $0.fields["status"] as? String } == ["PAUSED"], "\(objects.campaigns.map(\.fields))")
        let steps = try harness.logSteps(campaign.id)
        #expect(steps.suffix(2) == ["pause:success", "rule_pause:success"], "\(steps)")
        // A paused campaign is not paused again.
        #expect(try await evaluate(harness, key: key).isEmpty)
        let listed = try await harness.succeed("{ automationRules { name runs { outcome campaign { name } } } }", key: key)
        let rules = try #require(listed["automationRules"] as? [[String: Any]])
        #expect((rules.first?["runs"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["PAUSED"])
    }

    @Test func dryRunsAlertsAndSchedules() async throws {
        let (harness, fixture, campaign) = try await launched("meta_ads")
        defer { harness.stop() }
        let key = fixture.key
        // 500.00 today against a daily budget of 25.50: far above 120 % of the month's budget.
        try harness.adDay(campaign, creative: 0, PerformanceReportTests.day(0), impressions: 10_000, clicks: 100, spend: "500.00")
        let dryRun = try await create(harness, [
            "name": "Low CTR", "kind": "METRIC", "metric": "CTR", "comparison": "LESS_THAN", "threshold": 0.05, "action": "PAUSE", "dryRun": true,
        ], key: key)
        #expect(dryRun["errors"] == nil, "\(dryRun)")
        // The same campaign's pacing is far below this threshold: no alert from it.
        let paced = try await harness.succeed("query($id: ID!) { campaign(id: $id) { pacing { pacing } } }", ["id": fixture.campaign], key: key)
        let pacingValue = try #require((((paced["campaign"] as? [String: Any])?["pacing"] as? [String: Any])?["pacing"] as? String).flatMap { Decimal(string: $0) })
        #expect(pacingValue > Decimal(string: "1.2")!, "\(paced)")
        _ = try await create(harness, [
            "name": "Far overspend", "kind": "METRIC", "metric": "PACING", "comparison": "GREATER_THAN", "threshold": "\(pacingValue + 1)",
            "action": "ALERT", "campaignId": fixture.campaign,
        ], key: key)
        // A schedule not due yet does nothing.
        let future = ISO8601DateFormatter().string(from: Date(timeIntervalSinceNow: 3_600))
        _ = try await create(harness, ["name": "Pause tonight", "kind": "SCHEDULE", "campaignId": fixture.campaign, "runAt": future, "action": "PAUSE"], key: key)
        let pacing = try await create(harness, [
            "name": "Overspend", "kind": "METRIC", "metric": "PACING", "comparison": "GREATER_THAN", "threshold": "1.2", "action": "ALERT",
            "campaignId": fixture.campaign,
        ], key: key)
        #expect(pacing["errors"] == nil, "\(pacing)")
        let first = try await evaluate(harness, key: key)
        #expect(first.compactMap { $0["outcome"] as? String }.sorted() == ["ALERTED", "WOULD_PAUSE"], "\(first)")
        #expect(first.allSatisfy { !($0["message"] as? String ?? "").contains("Far overspend") && !($0["message"] as? String ?? "").contains("Pause tonight") })
        // The dry run left the campaign live and nothing on its execution log.
        #expect(try harness.status(campaign.id) == "live")
        #expect(try harness.logSteps(campaign.id).last == "rule_alert:success")
        // One open alert per rule and campaign: the next evaluation raises none.
        let second = try await evaluate(harness, key: key)
        #expect(second.compactMap { $0["outcome"] as? String } == ["WOULD_PAUSE"], "\(second)")
        let alerts = try await harness.succeed("{ automationAlerts { id message acknowledgedAt rule { name } campaign { name } figures { key value } } }", key: key)
        let open = try #require(alerts["automationAlerts"] as? [[String: Any]])
        #expect(open.count == 1 && (open.first?["rule"] as? [String: Any])?["name"] as? String == "Overspend", "\(open)")
        #expect((open.first?["figures"] as? [[String: Any]])?.contains { $0["key"] as? String == "pacing" } == true)
        let alertID = try #require(open.first?["id"] as? String)
        let acknowledged = try await harness.succeed("mutation($id: ID!) { acknowledgeAutomationAlert(id: $id) { acknowledgedAt } }", ["id": alertID], key: key)
        #expect((acknowledged["acknowledgeAutomationAlert"] as? [String: Any])?["acknowledgedAt"] is String)
        #expect((try await harness.succeed("{ automationAlerts { id } }", key: key)["automationAlerts"] as? [Any])?.isEmpty == true)
        #expect((try await harness.succeed("{ automationAlerts(includeAcknowledged: true) { id } }", key: key)["automationAlerts"] as? [Any])?.count == 1)

        // A schedule: resume at a moment already past, once.
        _ = try await harness.succeed("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": fixture.campaign], key: key)
        let past = ISO8601DateFormatter().string(from: Date(timeIntervalSinceNow: -60))
        let schedule = try await create(harness, ["name": "Back on Monday", "kind": "SCHEDULE", "campaignId": fixture.campaign, "runAt": past, "action": "RESUME"], key: key)
        #expect(schedule["errors"] == nil, "\(schedule)")
        let resumed = try await evaluate(harness, key: key)
        #expect(resumed.compactMap { $0["outcome"] as? String }.contains("RESUMED"), "\(resumed)")
        #expect(try harness.status(campaign.id) == "live")
        let again = try await evaluate(harness, key: key)
        #expect(!again.compactMap { $0["outcome"] as? String }.contains("RESUMED"))
        let fired = try await harness.succeed("{ automationRules { name firedAt } }", key: key)
        #expect((fired["automationRules"] as? [[String: Any]])?.first { $0["name"] as? String == "Back on Monday" }?["firedAt"] is String)
    }

    @Test func rulesAreCheckedBoundedAndKeptToTheirOrganization() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Snacks Ltd.")
        let base: [String: Any] = ["name": "Rule", "kind": "METRIC", "metric": "CPC", "comparison": "GREATER_THAN", "threshold": "2", "action": "ALERT"]
        let cases: [([String: Any], String)] = [
            (["name": String(repeating: "n", count: 201)], "input.name"),
            (["threshold": NSNull()], "input.threshold"),
            (["threshold": "-1"], "input.threshold"),
            (["threshold": "two"], "input.threshold"),
            (["windowDays": 91], "input.windowDays"),
            (["windowDays": 0], "input.windowDays"),
            (["minimumClicks": -1], "input.minimumClicks"),
            (["kind": "SCHEDULE", "metric": NSNull(), "comparison": NSNull(), "threshold": NSNull(), "runAt": "2027-01-01T00:00:00Z"], "input.campaignId"),
            (["runAt": "tomorrow"], "input.runAt"),
        ]
        for (change, field) in cases {
            let refused = try await create(harness, base.merging(change) { _, new in new }, key: key)
            #expect(firstError(refused).code == "BAD_USER_INPUT" && firstError(refused).field == field, "\(change): \(refused)")
        }
        #expect(try harness.scalar("SELECT count(*) FROM automation_rules") == 0)
        let inside = try await create(harness, base.merging(["name": String(repeating: "n", count: 200), "windowDays": 90]) { _, new in new }, key: key)
        let id = try #require((data(inside, "createAutomationRule") as? [String: Any])?["id"] as? String, "\(inside)")
        // Another organization neither sees nor changes it.
        let foreign = try await harness.succeed("{ automationRules { id } }", key: otherKey)
        #expect((foreign["automationRules"] as? [Any])?.isEmpty == true)
        let deleted = try await harness.send("mutation($id: ID!) { deleteAutomationRule(id: $id) }", ["id": id], key: otherKey)
        #expect(firstError(deleted).code == "NOT_FOUND", "\(deleted)")
        // At most 100 rules.
        try harness.sql("""
            INSERT INTO automation_rules (organization_id, name, kind, metric, comparison, threshold, action)
            SELECT organization_id, 'Bulk ' || n, 'metric', 'cpc', 'greater_than', 1, 'alert' FROM automation_rules, generate_series(1, 99) n
            """)
        let tooMany = try await create(harness, base, key: key)
        #expect(firstError(tooMany).code == "LIMIT_EXCEEDED", "\(tooMany)")
        // Lists are bounded: 101 alerts or 51 runs per rule are refused.
        let alerts = try await harness.send("{ automationAlerts(first: 101) { id } }", key: key)
        #expect(firstError(alerts).code == "BAD_USER_INPUT" && firstError(alerts).field == "first", "\(alerts)")
        let runs = try await harness.send("{ automationRules { runs(first: 51) { id } } }", key: key)
        #expect(firstError(runs).code == "BAD_USER_INPUT" && firstError(runs).field == "first", "\(runs)")
        #expect(try await harness.send("{ automationRules { runs(first: 50) { id } } }", key: key)["errors"] == nil)
        let removed = try await harness.succeed("mutation($id: ID!) { deleteAutomationRule(id: $id) }", ["id": id], key: key)
        #expect(removed["deleteAutomationRule"] as? String == id)
    }

    @Test(arguments: LaunchOnSimulatorTests.platforms) func theSyncStoresEachAdsShareOfItsCampaign(platform: String) async throws {
        let (harness, _, campaign) = try await launched(platform)
        defer { harness.stop() }
        let sync = harness.metricsSync()
        let report = try sync.syncAll()
        #expect(report.synced == 1 && report.failed == 0, "\(report)")
        let perAd = try harness.rows(
            "SELECT ad_creative_id, impressions, clicks, spend::text AS spend FROM ad_daily_metrics WHERE campaign_id = \(campaign.id) AND date = current_date")
        #expect(Set(try perAd.map { try $0.decode("ad_creative_id", as: UUID.self) }) == Set(campaign.creatives))
        // The ads add up to their campaign.
        let sums = try harness.rows(
            """
            SELECT (SELECT sum(impressions) FROM ad_daily_metrics WHERE campaign_id = \(campaign.id))::text AS ads,
                   (SELECT m.value FROM campaign_metrics m JOIN metric_definitions d ON d.id = m.metric_id
                    WHERE m.campaign_id = \(campaign.id) AND d.key = 'impressions')::text AS campaign,
                   (SELECT sum(spend) FROM ad_daily_metrics WHERE campaign_id = \(campaign.id))::numeric(20, 2)::text AS ad_spend,
                   (SELECT m.value FROM campaign_metrics m JOIN metric_definitions d ON d.id = m.metric_id
                    WHERE m.campaign_id = \(campaign.id) AND d.key = 'spend')::numeric(20, 2)::text AS campaign_spend
            """)[0]
        #expect(try sums.decode("ads", as: String.self) == (try sums.decode("campaign", as: String.self)))
        #expect(try sums.decode("ad_spend", as: String.self) == (try sums.decode("campaign_spend", as: String.self)))
        // Creatives differ from one another.
        #expect(Set(try perAd.map { try $0.decode("impressions", as: Int.self) }).count > 1)
        // Syncing again writes nothing new.
        #expect(try sync.syncAll().valuesWritten == 0)
    }
}
