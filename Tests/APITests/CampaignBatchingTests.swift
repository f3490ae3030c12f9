import Foundation
import Postgres
import Testing
import TestSupport

extension APITestHarness {
    /// A harness whose server connects with extra session settings (`-c name=value` options).
    init(serverOptions: String) throws {
        database = try TestCluster.shared.migratedDatabase()
        let options = serverOptions.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        // Plans without nested loops are slower: on a loaded machine a statement may pass the 5 s default, which
        // this test is not about.
        server = try TestServer(databaseURL: database.url + "&options=" + options, environment: ["CAMPAIGND_STATEMENT_TIMEOUT_MS": "60000"])
    }
}

/// No N+1: a page of campaigns with every nested field costs a constant number of table scans, the same
/// for 5 campaigns as for 50. Scans are read from pg_stat_user_tables (seq_scan + idx_scan) before and after.
///
/// The server's connections run with `enable_nestloop = off`, so a join scans each table once per statement
/// instead of once per outer row: the counters then count statements per table, not rows. The execution log
/// is the exception on purpose: one statement reads each campaign's newest entries through the index with a
/// LATERAL join, one index probe per campaign, so its count follows the page (and never the log's length).
@Suite struct CampaignBatchingTests {
    static let tables = ["campaigns", "campaign_budgets", "ad_accounts", "integrations", "campaign_units", "audiences", "ad_creatives",
                         "campaign_metrics", "metric_definitions", "campaign_execution_logs", "campaign_platform_maps"]

    static let query = """
        query($first: Int) { campaigns(first: $first) { totalCount edges { node {
          id name status budget { type amount currency } adAccount { id name currency }
          units { id name budgetAllocation audience { id name locations } creatives { id version parent { id version } history { id version } } }
          creatives { id headline }
          externalCampaignId executionLog(first: 2) { edges { node { action } } pageInfo { hasNextPage } }
          metrics(from: "2026-11-01", to: "2026-11-02") { date key value }
          metricTotals(from: "2026-11-01", to: "2026-11-02") { key value }
        } } } }
        """

    func scans(_ harness: APITestHarness) throws -> [String: Int] {
        try harness.database.pool(maximumConnections: 1).withConnection { connection in
            var result: [String: Int] = [:]
            let rows = try connection.query(
                "SELECT relname::text AS name, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::bigint AS n FROM pg_stat_user_tables WHERE relname::text = ANY(\("{" + Self.tables.joined(separator: ",") + "}")::text[])")
            for row in rows { result[try row.decode("name", as: String.self)] = try row.decode("n", as: Int.self) }
            return result
        }
    }

    /// The counters once every backend has flushed its statistics (they are flushed within about a second of idling).
    func settled(_ harness: APITestHarness, after previous: [String: Int]?) async throws -> [String: Int] {
        var last = try scans(harness)
        for _ in 0..<20 {
            try await Task.sleep(nanoseconds: 1_200_000_000)
            let now = try scans(harness)
            if now == last && (previous == nil || now != previous) { return now }
            last = now
        }
        return last
    }

    func delta(_ before: [String: Int], _ after: [String: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: Self.tables.map { ($0, (after[$0] ?? 0) - (before[$0] ?? 0)) })
    }

    @Test func nestedFieldsCostConstantScans() async throws {
        let harness = try APITestHarness(serverOptions: "-c enable_nestloop=off")
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organization = try harness.organizationID(key: key)
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_1", name: "Chips EU")
        try harness.database.pool(maximumConnections: 1).withTransaction { connection in
            try connection.query(
                """
                INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
                SELECT \(organization), \(account), 'C' || g, 'meta_ads', 'sales', now() - g * interval '1 minute' FROM generate_series(1, 50) g
                """)
            try connection.query(
                "INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency) SELECT id, organization_id, 'daily', 10, 'EUR' FROM campaigns")
            try connection.query(
                """
                INSERT INTO audiences (organization_id, name, rules)
                SELECT \(organization), 'A' || g, '{"locations": ["DE"], "age_min": 18, "age_max": 30}' FROM generate_series(1, 3) g
                """)
            try connection.query(
                """
                INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name, budget_allocation)
                SELECT c.organization_id, c.id, a.id, 'U-' || a.name, 5 FROM campaigns c CROSS JOIN (SELECT id, name FROM audiences ORDER BY name LIMIT 2) a
                """)
            try connection.query(
                """
                INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url)
                SELECT organization_id, id, 'H1', 'shop_now', 'https://example.com' FROM campaign_units
                """)
            try connection.query(
                """
                INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, version, parent_id)
                SELECT organization_id, campaign_unit_id, 'H2', 'shop_now', 'https://example.com', 2, id FROM ad_creatives
                """)
            try connection.query(
                """
                INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
                SELECT c.organization_id, c.id, d.id, day, 10 FROM campaigns c
                CROSS JOIN metric_definitions d CROSS JOIN (VALUES (date '2026-11-01'), (date '2026-11-02')) days(day)
                WHERE d.key IN ('impressions', 'clicks')
                """)
            try connection.query(
                """
                INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, created_at)
                SELECT organization_id, id, 'action' || g, 'success', now() - g * interval '1 second'
                FROM campaigns CROSS JOIN generate_series(1, 3) g
                """)
            try connection.query(
                "INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id) SELECT id, organization_id, 'meta_ads', 'x-' || id FROM campaigns")
            try connection.query("ANALYZE")
        }

        var deltas: [Int: [String: Int]] = [:]
        var previous = try await settled(harness, after: nil)
        for first in [5, 50] {
            let body = try await harness.send(Self.query, ["first": first], key: key)
            #expect(body["errors"] == nil, "\(body)")
            let connection = try #require(data(body, "campaigns") as? [String: Any])
            let edges = try #require(connection["edges"] as? [[String: Any]])
            #expect(edges.count == first)
            for edge in edges {
                let node = try #require(edge["node"] as? [String: Any])
                #expect((node["budget"] as? [String: Any])?["amount"] as? String == "10.00")
                #expect((node["adAccount"] as? [String: Any])?["name"] as? String == "Chips EU")
                let units = try #require(node["units"] as? [[String: Any]])
                #expect(units.count == 2)
                for unit in units {
                    #expect((unit["audience"] as? [String: Any])?["name"] != nil)
                    let creatives = try #require(unit["creatives"] as? [[String: Any]])
                    #expect(creatives.compactMap { $0["version"] as? Int } == [2])
                    #expect((creatives.first?["history"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [1])
                    #expect((creatives.first?["parent"] as? [String: Any])?["version"] as? Int == 1)
                }
                #expect((node["creatives"] as? [Any])?.count == 2)
                #expect((node["externalCampaignId"] as? String)?.hasPrefix("x-") == true)
                #expect(((node["executionLog"] as? [String: Any])?["edges"] as? [Any])?.count == 2)
                #expect((node["metrics"] as? [Any])?.count == 4)
                #expect((node["metricTotals"] as? [[String: String]])?.map { $0["key"]! } == ["clicks", "ctr", "impressions"])
            }
            let after = try await settled(harness, after: previous)
            deltas[first] = delta(previous, after)
            previous = after
        }
        let small = try #require(deltas[5])
        let large = try #require(deltas[50])
        #expect((large["campaign_execution_logs"] ?? 0) <= 50 + 1, "one probe per campaign: \(large)")
        for table in Self.tables where table != "campaign_execution_logs" {
            #expect((large[table] ?? 0) >= 1, "\(table) was never read: \(large)")
            #expect((large[table] ?? 0) <= 20, "\(table): \(large)")
            #expect((large[table] ?? 0) <= (small[table] ?? 0) + 1, "\(table) grows with the page: 5 → \(small), 50 → \(large)")
        }
    }
}
