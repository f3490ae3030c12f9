import Foundation
import Postgres
import Testing
import TestSupport

/// `Query.jobs`, `Job`, `Mutation.syncCampaignMetrics` and `Campaign.lastMetricsSyncAt`, through HTTP.
@Suite struct JobTests {
    struct Setup {
        let harness: APITestHarness
        let key: String
        let otherKey: String
        let campaign: UUID
        let foreign: UUID
    }

    /// Without the reuse window, so a finished sync is followed by a new one (RequestLimitsTests covers the window).
    func setup() throws -> Setup {
        let harness = try APITestHarness(environment: ["CAMPAIGND_SYNC_METRICS_REUSE_SECONDS": "0"])
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Snacks Ltd.")
        let campaign = try insertCampaign(harness, key: key)
        let foreign = try insertCampaign(harness, key: otherKey)
        return Setup(harness: harness, key: key, otherKey: otherKey, campaign: campaign, foreign: foreign)
    }

    func insertCampaign(_ harness: APITestHarness, key: String) throws -> UUID {
        let organization = try harness.organizationID(key: key)
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_\(UUID().uuidString)", name: "Account")
        return try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status)
                VALUES (\(organization), \(account), 'Crisps', 'meta_ads', 'sales', 'live') RETURNING id
                """)[0].decode("id")
        }
    }

    static let sync = """
        mutation($id: ID!) { syncCampaignMetrics(campaignId: $id) { id kind state attempts maxAttempts runAt lastError createdAt finishedAt } }
        """

    @Test func syncCampaignMetricsQueuesOneJobPerCampaignUntilItRan() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let first = try await setup.harness.send(Self.sync, ["id": globalID("Campaign", setup.campaign)], key: setup.key)
        let job = try #require(data(first, "syncCampaignMetrics") as? [String: Any], "\(first)")
        #expect(job["kind"] as? String == "syncCampaignMetrics")
        #expect(job["state"] as? String == "QUEUED")
        #expect(job["attempts"] as? Int == 0)
        #expect(job["maxAttempts"] as? Int == 3)
        #expect(job["lastError"] is NSNull && job["finishedAt"] is NSNull)
        #expect((job["runAt"] as? String)?.hasSuffix("Z") == true)
        let again = try await setup.harness.send(Self.sync, ["id": globalID("Campaign", setup.campaign)], key: setup.key)
        #expect((data(again, "syncCampaignMetrics") as? [String: Any])?["id"] as? String == job["id"] as? String)
        let rows = try setup.harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query("SELECT organization_id, payload::text AS payload, unique_key FROM jobs")
        }
        try #require(rows.count == 1)
        #expect(try rows[0].decode("organization_id", as: UUID.self) == setup.harness.organizationID(key: setup.key))
        #expect(try rows[0].decode("payload", as: String.self) == "{\"campaignId\": \"\(setup.campaign.uuidString)\"}")
        #expect(try rows[0].decode("unique_key", as: String.self) == "syncCampaignMetrics:\(setup.campaign.uuidString.lowercased())")
        // Once that job finished, the next request queues a new one.
        try setup.harness.sql("UPDATE jobs SET state = 'succeeded', finished_at = now()")
        let third = try await setup.harness.send(Self.sync, ["id": globalID("Campaign", setup.campaign)], key: setup.key)
        let newID = (data(third, "syncCampaignMetrics") as? [String: Any])?["id"] as? String
        #expect(newID != nil && newID != job["id"] as? String)
    }

    @Test func syncCampaignMetricsOfAForeignOrUnknownCampaignIsNotFoundAndQueuesNothing() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        for id in [globalID("Campaign", setup.foreign), globalID("Campaign", UUID()), globalID("Audience", setup.campaign), "nonsense"] {
            let body = try await setup.harness.send(Self.sync, ["id": id], key: setup.key)
            #expect(firstError(body).code == "NOT_FOUND", "\(body)")
            #expect(firstError(body).message == "Campaign not found.")
        }
        #expect(try setup.harness.scalar("SELECT count(*) FROM jobs") == 0)
    }

    @Test func jobsListsTheOrganizationsJobsNewestFirstByStateAndPage() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let organization = try setup.harness.organizationID(key: setup.key)
        let other = try setup.harness.organizationID(key: setup.otherKey)
        let o = organization.uuidString.lowercased()
        try setup.harness.sql(
            """
            INSERT INTO jobs (kind, organization_id, state, attempts, last_error, created_at, finished_at) VALUES
                ('syncCampaignMetrics', \(o), 'succeeded', 1, NULL, '2026-11-01T10:00:00Z', '2026-11-01T10:00:05Z'),
                ('syncCampaignMetrics', \(o), 'dead', 3, 'platform said no', '2026-11-01T11:00:00Z', '2026-11-01T11:30:00Z'),
                ('syncCampaignMetrics', \(o), 'queued', 0, NULL, '2026-11-01T12:00:00Z', NULL),
                ('syncCampaignMetrics', \(other.uuidString.lowercased()), 'queued', 0, NULL, '2026-11-01T13:00:00Z', NULL),
                ('syncCampaignMetrics', NULL, 'queued', 0, NULL, '2026-11-01T14:00:00Z', NULL)
            """)
        let query = """
            query($state: JobState, $first: Int, $after: String) {
              jobs(state: $state, first: $first, after: $after) {
                edges { cursor node { id kind state attempts lastError createdAt finishedAt } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """
        func page(_ variables: [String: Any]) async throws -> (states: [String], errors: [String?], info: [String: Any], ids: [String]) {
            let body = try await setup.harness.send(query, variables, key: setup.key)
            let jobs = try #require(data(body, "jobs") as? [String: Any], "\(body)")
            let nodes = (jobs["edges"] as? [[String: Any]] ?? []).compactMap { $0["node"] as? [String: Any] }
            return (nodes.compactMap { $0["state"] as? String }, nodes.map { $0["lastError"] as? String },
                    jobs["pageInfo"] as? [String: Any] ?? [:], nodes.compactMap { $0["id"] as? String })
        }
        let all = try await page(["first": 10])
        #expect(all.states == ["QUEUED", "DEAD", "SUCCEEDED"])
        #expect(all.errors == [nil, "platform said no", nil])
        #expect(all.info["hasNextPage"] as? Bool == false)
        let firstPage = try await page(["first": 2])
        #expect(firstPage.states == ["QUEUED", "DEAD"])
        #expect(firstPage.info["hasNextPage"] as? Bool == true)
        let secondPage = try await page(["first": 2, "after": try #require(firstPage.info["endCursor"] as? String)])
        #expect(secondPage.states == ["SUCCEEDED"])
        #expect(secondPage.info["hasNextPage"] as? Bool == false)
        #expect(try await page(["first": 10, "state": "DEAD"]).states == ["DEAD"])
        // A job is a node; another organization's is not found.
        let node = try await setup.harness.send("query($id: ID!) { node(id: $id) { ... on Job { state finishedAt } } }", ["id": all.ids[1]], key: setup.key)
        #expect((data(node, "node") as? [String: Any])?["finishedAt"] as? String == "2026-11-01T11:30:00.000Z")
        let foreign = try await setup.harness.send("query($id: ID!) { node(id: $id) { id } }", ["id": all.ids[1]], key: setup.otherKey)
        #expect(firstError(foreign).code == "NOT_FOUND")
        for (variables, field) in [(["first": 0], "first"), (["first": 101], "first"), (["first": 5, "after": "bogus"], "after")] as [([String: Any], String)] {
            let body = try await setup.harness.send(query, variables, key: setup.key)
            #expect(firstError(body).code == "BAD_USER_INPUT")
            #expect(firstError(body).field == field)
        }
    }

    @Test func lastMetricsSyncAtIsNullUntilASyncSetsIt() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let query = "query($id: ID!) { campaign(id: $id) { lastMetricsSyncAt } }"
        let before = try await setup.harness.send(query, ["id": globalID("Campaign", setup.campaign)], key: setup.key)
        #expect((data(before, "campaign") as? [String: Any])?["lastMetricsSyncAt"] is NSNull)
        try setup.harness.sql("UPDATE campaigns SET last_metrics_sync_at = '2026-11-25T20:13:06.123Z'")
        let after = try await setup.harness.send(query, ["id": globalID("Campaign", setup.campaign)], key: setup.key)
        #expect((data(after, "campaign") as? [String: Any])?["lastMetricsSyncAt"] as? String == "2026-11-25T20:13:06.123Z")
    }
}
