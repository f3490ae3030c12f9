import Foundation
import Testing
import TestSupport

/// Metric definitions, daily metrics, totals with derived rates, execution logs and platform ids, through HTTP.
@Suite struct MetricTests {
    struct Setup {
        let harness: APITestHarness
        let key: String
        let otherKey: String
        let first: UUID
        let second: UUID
        let foreign: UUID
    }

    func setup() throws -> Setup {
        let harness = try APITestHarness()
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Snacks Ltd.")
        let first = try insertCampaign(harness, key: key, name: "First", createdAt: "2026-11-01T10:00:00Z")
        let second = try insertCampaign(harness, key: key, name: "Second", createdAt: "2026-11-01T11:00:00Z")
        let foreign = try insertCampaign(harness, key: otherKey, name: "Foreign", createdAt: "2026-11-01T12:00:00Z")
        return Setup(harness: harness, key: key, otherKey: otherKey, first: first, second: second, foreign: foreign)
    }

    func insertCampaign(_ harness: APITestHarness, key: String, name: String, createdAt: String) throws -> UUID {
        let organization = try harness.organizationID(key: key)
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_\(UUID().uuidString)", name: "Account")
        return try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
                VALUES (\(organization), \(account), \(name), 'meta_ads', 'sales', \(createdAt)::timestamptz) RETURNING id
                """)[0].decode("id")
        }
    }

    func metric(_ harness: APITestHarness, _ campaign: UUID, _ date: String, _ key: String, _ value: String) throws {
        try harness.sql(
            """
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT c.organization_id, c.id, d.id, \(date), \(unescaped: value) FROM campaigns c, metric_definitions d
            WHERE c.id = \(campaign.uuidString.lowercased()) AND d.key = \(key)
            """)
    }

    func log(_ harness: APITestHarness, _ campaign: UUID, _ action: String, _ status: String, _ createdAt: String) throws {
        try harness.sql(
            """
            INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message, created_at)
            SELECT organization_id, id, \(action), \(status), 'message \(unescaped: action)', \(createdAt) FROM campaigns
            WHERE id = \(campaign.uuidString.lowercased())
            """)
    }

    @Test func definitionsAreTheSeededCatalogueByKey() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let body = try await setup.harness.send("{ metricDefinitions { key label unit } }", key: setup.key)
        let definitions = try #require(data(body, "metricDefinitions") as? [[String: String]])
        #expect(definitions.map { $0["key"]! } == [
            "clicks", "conversion_value", "conversions", "impressions", "leads", "reach", "spend", "video_views"])
        #expect(definitions.contains(["key": "spend", "label": "Spend", "unit": "currency"]))
    }

    @Test func dailyMetricsAndTotalsWithDerivedRates() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let harness = setup.harness
        try metric(harness, setup.first, "2026-10-31", "impressions", "999")
        try metric(harness, setup.first, "2026-11-01", "impressions", "1000")
        try metric(harness, setup.first, "2026-11-01", "clicks", "30")
        try metric(harness, setup.first, "2026-11-01", "spend", "12.34")
        try metric(harness, setup.first, "2026-11-02", "spend", "7.66")
        try metric(harness, setup.first, "2026-11-02", "impressions", "2000")
        try metric(harness, setup.first, "2026-11-02", "clicks", "20")
        try metric(harness, setup.first, "2026-11-02", "conversions", "3")
        try metric(harness, setup.first, "2026-11-03", "clicks", "5")
        try metric(harness, setup.second, "2026-11-01", "impressions", "0")
        try metric(harness, setup.second, "2026-11-01", "spend", "5")
        try metric(harness, setup.foreign, "2026-11-01", "impressions", "77")

        let query = """
            { campaigns(first: 10) { edges { node { name
                metrics(from: "2026-11-01", to: "2026-11-02") { date key value }
                filtered: metrics(from: "2026-11-01", to: "2026-11-02", keys: ["spend", "clicks"]) { date key value }
                metricTotals(from: "2026-11-01", to: "2026-11-02") { key label unit value } } } } }
            """
        let body = try await harness.send(query, key: setup.key)
        #expect(body["errors"] == nil, "\(body)")
        let edges = try #require((data(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])
        let nodes = edges.compactMap { $0["node"] as? [String: Any] }
        #expect(nodes.map { $0["name"] as? String } == ["Second", "First"])
        let first = nodes[1]
        #expect(first["metrics"] as? [[String: String]] == [
            ["date": "2026-11-01", "key": "clicks", "value": "30"],
            ["date": "2026-11-01", "key": "impressions", "value": "1000"],
            ["date": "2026-11-01", "key": "spend", "value": "12.34"],
            ["date": "2026-11-02", "key": "clicks", "value": "20"],
            ["date": "2026-11-02", "key": "conversions", "value": "3"],
            ["date": "2026-11-02", "key": "impressions", "value": "2000"],
            ["date": "2026-11-02", "key": "spend", "value": "7.66"],
        ])
        #expect(first["filtered"] as? [[String: String]] == [
            ["date": "2026-11-01", "key": "clicks", "value": "30"],
            ["date": "2026-11-01", "key": "spend", "value": "12.34"],
            ["date": "2026-11-02", "key": "clicks", "value": "20"],
            ["date": "2026-11-02", "key": "spend", "value": "7.66"],
        ])
        // Sums over the range; rates from the sums, 6 decimals, half away from zero.
        #expect(first["metricTotals"] as? [[String: String]] == [
            ["key": "clicks", "label": "Clicks", "unit": "count", "value": "50"],
            ["key": "conversion_rate", "label": "Conversion rate", "unit": "ratio", "value": "0.060000"],
            ["key": "conversions", "label": "Conversions", "unit": "count", "value": "3"],
            ["key": "cost_per_conversion", "label": "Cost per conversion", "unit": "currency", "value": "6.666667"],
            ["key": "cpc", "label": "CPC", "unit": "currency", "value": "0.400000"],
            ["key": "cpm", "label": "CPM", "unit": "currency", "value": "6.666667"],
            ["key": "ctr", "label": "CTR", "unit": "ratio", "value": "0.016667"],
            ["key": "impressions", "label": "Impressions", "unit": "count", "value": "3000"],
            ["key": "spend", "label": "Spend", "unit": "currency", "value": "20.00"],
        ])
        // Zero impressions and no clicks: every rate's denominator is 0, so no rates.
        #expect(nodes[0]["metricTotals"] as? [[String: String]] == [
            ["key": "impressions", "label": "Impressions", "unit": "count", "value": "0"],
            ["key": "spend", "label": "Spend", "unit": "currency", "value": "5"],
        ])
        #expect(nodes[0]["filtered"] as? [[String: String]] == [["date": "2026-11-01", "key": "spend", "value": "5"]])

        // The other organization sees its own rows only, and not this organization's campaign.
        let other = try await harness.send(query, key: setup.otherKey)
        let otherNodes = try #require(((data(other, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])?.compactMap { $0["node"] as? [String: Any] })
        #expect(otherNodes.count == 1)
        #expect(otherNodes.first?["metrics"] as? [[String: String]] == [["date": "2026-11-01", "key": "impressions", "value": "77"]])
        let reach = try await harness.send(
            "query($id: ID!) { campaign(id: $id) { name } }", ["id": globalID("Campaign", setup.first)], key: setup.otherKey)
        #expect(data(reach, "campaign") is NSNull)
    }

    @Test func ratesRoundHalfAwayFromZeroAndNeedBothMetrics() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        try metric(setup.harness, setup.second, "2026-12-01", "impressions", "1600000")
        try metric(setup.harness, setup.second, "2026-12-01", "clicks", "1")
        try metric(setup.harness, setup.second, "2026-12-01", "spend", "0.001")
        let body = try await setup.harness.send(
            "query($id: ID!) { campaign(id: $id) { metricTotals(from: \"2026-12-01\", to: \"2026-12-01\") { key value } } }",
            ["id": globalID("Campaign", setup.second)], key: setup.key)
        // 1 / 1600000 = 0.000000625 → 0.000001; no conversions, so no conversion_rate.
        #expect((data(body, "campaign") as? [String: Any])?["metricTotals"] as? [[String: String]] == [
            ["key": "clicks", "value": "1"], ["key": "cpc", "value": "0.001000"], ["key": "cpm", "value": "0.000001"],
            ["key": "ctr", "value": "0.000001"], ["key": "impressions", "value": "1600000"], ["key": "spend", "value": "0.001"],
        ], "\(body)")
    }

    /// ROAS needs a conversion value; reach counts unique people, which do not add up across days.
    @Test func roasComesFromTheConversionValueAndReachIsNeverSummedAcrossDays() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        for (day, reach, spend, value) in [("2026-12-01", "100", "8.00", "20.00"), ("2026-12-02", "150", "12.00", "40.00")] {
            try metric(setup.harness, setup.second, day, "reach", reach)
            try metric(setup.harness, setup.second, day, "spend", spend)
            try metric(setup.harness, setup.second, day, "conversion_value", value)
        }
        func totals(_ from: String, _ to: String) async throws -> [[String: String]]? {
            let body = try await setup.harness.send(
                "query($id: ID!, $from: Date!, $to: Date!) { campaign(id: $id) { metricTotals(from: $from, to: $to) { key value } } }",
                ["id": globalID("Campaign", setup.second), "from": from, "to": to], key: setup.key)
            return (data(body, "campaign") as? [String: Any])?["metricTotals"] as? [[String: String]]
        }
        #expect(try await totals("2026-12-01", "2026-12-02") == [
            ["key": "conversion_value", "value": "60.00"], ["key": "roas", "value": "3.000000"], ["key": "spend", "value": "20.00"],
        ])
        #expect(try await totals("2026-12-02", "2026-12-02") == [
            ["key": "conversion_value", "value": "40.00"], ["key": "reach", "value": "150"], ["key": "roas", "value": "3.333333"],
            ["key": "spend", "value": "12.00"],
        ])
    }

    @Test func datesAreStrictAndRangesBounded() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let cases: [(String, String, String?)] = [
            ("2026-02-30", "2026-03-01", "from"), ("2026-11-1", "2026-11-02", "from"), ("2026-11-01", "2026/11/02", "to"),
            ("2026-13-01", "2026-12-01", "from"), ("2026-11-03", "2026-11-02", "from"), ("2025-01-01", "2026-01-02", "to"),
            ("2025-01-01", "2026-01-01", nil), ("2024-01-01", "2024-12-31", nil), ("2024-02-29", "2024-02-29", nil),
            ("2023-02-29", "2023-03-01", "from"),
        ]
        for (from, to, field) in cases {
            let body = try await setup.harness.send(
                "query($id: ID!, $from: Date!, $to: Date!) { campaign(id: $id) { metrics(from: $from, to: $to) { key } metricTotals(from: $from, to: $to) { key } } }",
                ["id": globalID("Campaign", setup.first), "from": from, "to": to], key: setup.key)
            if let field {
                #expect(firstError(body).code == "BAD_USER_INPUT", "\(from) \(to): \(body)")
                #expect(firstError(body).field == field, "\(from) \(to): \(body)")
            } else {
                #expect(body["errors"] == nil, "\(from) \(to): \(body)")
            }
        }
        let literal = try await setup.harness.send(
            "query($id: ID!) { campaign(id: $id) { metrics(from: \"2026-04-31\", to: \"2026-05-01\") { key } } }",
            ["id": globalID("Campaign", setup.first)], key: setup.key)
        #expect(firstError(literal).code == "BAD_USER_INPUT", "\(literal)")
    }

    @Test func executionLogNewestFirstWithCursorsAndExternalID() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let harness = setup.harness
        for (index, status) in ["success", "error", "success", "success", "error"].enumerated() {
            try log(harness, setup.first, "action\(index)", status, "2026-11-0\(index + 1)T12:00:00Z")
        }
        try log(harness, setup.second, "only", "success", "2026-11-01T09:00:00Z")
        try log(harness, setup.foreign, "foreign", "error", "2026-11-09T09:00:00Z")
        try harness.sql(
            """
            INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id)
            SELECT id, organization_id, 'meta_ads', 'ext-123' FROM campaigns WHERE id = \(setup.first.uuidString.lowercased())
            """)
        let body = try await harness.send(
            """
            { campaigns(first: 10) { edges { node { name externalCampaignId
                executionLog(first: 2) { edges { cursor node { id action status message createdAt } } pageInfo { hasNextPage endCursor } } } } } }
            """, key: setup.key)
        #expect(body["errors"] == nil, "\(body)")
        let nodes = try #require(((data(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])?.compactMap { $0["node"] as? [String: Any] })
        #expect(nodes.map { $0["externalCampaignId"] as? String } == [nil, "ext-123"])
        func page(_ node: [String: Any]?) -> (actions: [String], statuses: [String], hasNext: Bool?, end: String?) {
            let log = node?["executionLog"] as? [String: Any]
            let entries = (log?["edges"] as? [[String: Any]])?.compactMap { $0["node"] as? [String: Any] } ?? []
            let info = log?["pageInfo"] as? [String: Any]
            return (entries.compactMap { $0["action"] as? String }, entries.compactMap { $0["status"] as? String },
                    info?["hasNextPage"] as? Bool, info?["endCursor"] as? String)
        }
        let second = page(nodes[0])
        #expect(second.actions == ["only"])
        #expect(second.hasNext == false)
        var current = page(nodes[1])
        #expect(current.actions == ["action4", "action3"])
        #expect(current.statuses == ["ERROR", "SUCCESS"])
        #expect(current.hasNext == true)
        let firstEntry = ((nodes[1]["executionLog"] as? [String: Any])?["edges"] as? [[String: Any]])?.first?["node"] as? [String: Any]
        #expect(firstEntry?["message"] as? String == "message action4")
        #expect(firstEntry?["createdAt"] as? String == "2026-11-05T12:00:00.000Z")
        var actions = current.actions
        while current.hasNext == true, let end = current.end {
            let next = try await harness.send(
                "query($id: ID!, $after: String) { campaign(id: $id) { executionLog(first: 2, after: $after) { edges { node { action status } } pageInfo { hasNextPage endCursor } } } }",
                ["id": globalID("Campaign", setup.first), "after": end], key: setup.key)
            current = page(data(next, "campaign") as? [String: Any])
            actions += current.actions
        }
        #expect(actions == ["action4", "action3", "action2", "action1", "action0"])
        let bad = try await harness.send(
            "query($id: ID!) { campaign(id: $id) { executionLog(first: 2, after: \"nope\") { pageInfo { hasNextPage } } } }",
            ["id": globalID("Campaign", setup.first)], key: setup.key)
        #expect(firstError(bad).code == "BAD_USER_INPUT")
        #expect(firstError(bad).field == "after")

        let other = try await harness.send("{ campaigns(first: 10) { edges { node { externalCampaignId executionLog { edges { node { action } } } } } } }", key: setup.otherKey)
        let otherNodes = ((data(other, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])?.compactMap { $0["node"] as? [String: Any] }
        #expect(otherNodes?.count == 1)
        #expect(page(otherNodes?.first).actions == ["foreign"])
    }
}
