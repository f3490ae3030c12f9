import Foundation
import Postgres
import Testing
import TestSupport

/// `make run`'s demo data loads into a migrated database and reads back through the API.
@Suite struct DemoDataTests {
    @Test func theDemoCampaignsLoadAndAnswerANestedQuery() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organizationID: String = try harness.database.pool(maximumConnections: 1).withConnection {
            try $0.query("SELECT id::text AS id FROM organizations WHERE name = 'Tasty Chips Co.'")[0].decode("id")
        }
        let script = TestPaths.repository.appendingPathComponent("scripts/demo-data.sql").path
        let loaded = try runCommand("/usr/bin/psql", ["-q", harness.database.url, "-v", "org=\(organizationID)", "-f", script])
        try #require(loaded.status == 0, "\(loaded.output)")

        let response = try await harness.post(["query": """
            { campaigns(first: 20) { totalCount edges { node { name status platform budget { amount currency }
              units { name audience { name } creatives { headline landingUrl } } } } } }
            """], key: key)
        #expect(response.status == 200)
        let campaigns = try #require(((try response.json()["data"] as? [String: Any])?["campaigns"]) as? [String: Any])
        #expect(campaigns["totalCount"] as? Int == 6)
        let nodes = (campaigns["edges"] as? [[String: Any]] ?? []).compactMap { $0["node"] as? [String: Any] }
        let launch = try #require(nodes.first { $0["name"] as? String == "Spicy Jalapeño Chips – Launch" })
        #expect(launch["status"] as? String == "LIVE")
        #expect(launch["platform"] as? String == "META_ADS")
        #expect((launch["budget"] as? [String: Any])?["amount"] as? String == "50.00")
        let unit = try #require((launch["units"] as? [[String: Any]])?.first)
        #expect((unit["audience"] as? [String: Any])?["name"] as? String == "Young snackers")
        let creative = try #require((unit["creatives"] as? [[String: Any]])?.first)
        #expect(creative["headline"] as? String == "New Spicy Jalapeño Chips | 20% Off")
        #expect(creative["landingUrl"] as? String == "https://www.tastychips.co/spicy")
        #expect(Set(nodes.compactMap { $0["status"] as? String }) == ["LIVE", "PAUSED", "COMPLETED", "DRAFT"])
    }
}
