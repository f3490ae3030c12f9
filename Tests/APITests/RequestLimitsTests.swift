import Campaigns
import Foundation
import Postgres
import Testing
import TestSupport

/// A hostile tenant's requests cost little and end early: the key is checked before the body is parsed, a
/// request's transaction has time limits, platform mutations are rate-limited per organization, and a metrics
/// sync asked again answers the recent one.
@Suite(.serialized) struct RequestLimitsTests {
    static let campaignQuery = "{ campaigns(first: 1) { edges { node { id } } } }"

    @Test func theKeyIsCheckedBeforeTheBodyIsParsed() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Keyed")
        let malformed = Data("[[[[[[[[ not json".utf8)
        func send(_ authorization: String?) async throws -> HTTPResponse {
            var headers = ["Content-Type": "application/json"]
            if let authorization { headers["Authorization"] = authorization }
            return try await HTTPClient.send(harness.server.url("/graphql"), method: "POST", headers: headers, body: malformed)
        }
        // Without a key, and with an unknown one, the body is never parsed: 401, not 400.
        let anonymous = try await send(nil)
        #expect(anonymous.status == 401)
        #expect(try firstError(anonymous.json()).code == "UNAUTHENTICATED")
        let unknown = try await send("Bearer cmk_not_a_key")
        #expect(unknown.status == 401)
        #expect(try firstError(unknown.json()).message == "The API key is not valid.")
        // With the organization's key, the same body is read and refused for what it is.
        let keyed = try await send("Bearer \(key)")
        #expect(keyed.status == 400)
        #expect(try firstError(keyed.json()).message?.hasPrefix("The request body is not valid JSON") == true)
        // Method and media type are still told first, key or not.
        let wrongType = try await HTTPClient.send(
            harness.server.url("/graphql"), method: "POST", headers: ["Content-Type": "text/plain"], body: malformed)
        #expect(wrongType.status == 415)
    }

    @Test func aLockWaitEndsWithLockTimeoutAndHealthzAnswersMeanwhile() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_LOCK_TIMEOUT_MS": "300", "CAMPAIGND_STATEMENT_TIMEOUT_MS": "20000"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Waiting")
        let body = try await Self.whileCampaignsAreLocked(in: harness) {
            let health = try await HTTPClient.send(harness.server.url("/healthz"), method: "GET", headers: [:], body: nil)
            #expect(health.status == 200)
            return try await harness.send(Self.campaignQuery, key: key)
        }
        #expect(firstError(body).code == "LOCK_TIMEOUT")
        #expect(firstError(body).message?.contains("being changed by another request") == true)
        #expect(((body["errors"] as? [[String: Any]])?.first?["path"] as? [String]) == ["campaigns"])
        // Once the lock is gone the same request succeeds.
        let after = try await harness.send(Self.campaignQuery, key: key)
        #expect(after["errors"] == nil)
    }

    @Test func aStatementPastItsTimeLimitEndsWithTimeout() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_LOCK_TIMEOUT_MS": "20000", "CAMPAIGND_STATEMENT_TIMEOUT_MS": "300"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Slow")
        let started = Date()
        let body = try await Self.whileCampaignsAreLocked(in: harness) {
            try await harness.send("{ a: campaigns(first: 1) { edges { node { id } } } b: campaigns(first: 2) { edges { node { id } } } }", key: key)
        }
        #expect(Date().timeIntervalSince(started) < 15, "the statement limit, not the lock's 20 s, ended the wait")
        let codes = (body["errors"] as? [[String: Any]] ?? []).compactMap { ($0["extensions"] as? [String: Any])?["code"] as? String }
        // The first field hit the limit; the second found the transaction already ended, and says so.
        #expect(codes.first == "TIMEOUT")
        #expect(codes.allSatisfy { ["TIMEOUT", "REQUEST_ABORTED"].contains($0) })
        #expect(!codes.contains("INTERNAL_SERVER_ERROR"))
    }

    @Test func platformMutationsAreRateLimitedPerOrganization() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_RATE_LIMIT_BURST": "2", "CAMPAIGND_RATE_LIMIT_PER_MINUTE": "1"])
        defer { harness.stop() }
        let hostile = try harness.organization(named: "Hostile")
        let neighbour = try harness.organization(named: "Neighbour")
        let sync = "mutation($id: ID!) { syncCampaignMetrics(campaignId: $id) { id } }"
        let missing = ["id": globalID("Campaign", UUID())]
        for _ in 0..<2 {
            #expect(firstError(try await harness.send(sync, missing, key: hostile)).code == "NOT_FOUND")
        }
        let refused = try await harness.send(sync, missing, key: hostile)
        let error = (refused["errors"] as? [[String: Any]])?.first
        let extensions = error?["extensions"] as? [String: Any]
        #expect(extensions?["code"] as? String == "RATE_LIMITED")
        let retryAfter = extensions?["retryAfter"] as? Int ?? 0
        #expect((1...60).contains(retryAfter), "one token a minute: \(retryAfter) s")
        #expect((error?["path"] as? [String]) == ["syncCampaignMetrics"])
        // Cheap mutations and reads are not counted, and another organization has a bucket of its own.
        #expect(try await harness.send(Self.campaignQuery, key: hostile)["errors"] == nil)
        #expect(firstError(try await harness.send(sync, missing, key: neighbour)).code == "NOT_FOUND")
        #expect(try harness.scalar("SELECT count(*)::int FROM jobs WHERE kind = 'syncCampaignMetrics'") == 0)
    }

    @Test func aMetricsSyncAskedAgainAnswersTheRecentOne() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_SYNC_METRICS_REUSE_SECONDS": "600"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Eager")
        let campaign = try await Self.createDraft(in: harness, key: key)
        let sync = "mutation($id: ID!) { syncCampaignMetrics(campaignId: $id) { id state } }"
        func syncJob() async throws -> String? {
            ((try await harness.send(sync, ["id": campaign], key: key))["data"] as? [String: Any]).flatMap {
                ($0["syncCampaignMetrics"] as? [String: Any])?["id"] as? String
            }
        }
        let first = try #require(try await syncJob())
        #expect(try await syncJob() == first)
        // Finished a moment ago: still the same answer, no second platform sync.
        try harness.sql("UPDATE jobs SET state = 'succeeded', finished_at = now() WHERE kind = 'syncCampaignMetrics'")
        #expect(try await syncJob() == first)
        #expect(try harness.scalar("SELECT count(*)::int FROM jobs WHERE kind = 'syncCampaignMetrics'") == 1)
        // Past the window, a new sync is queued.
        try harness.sql("UPDATE jobs SET created_at = now() - interval '11 minutes' WHERE kind = 'syncCampaignMetrics'")
        let second = try #require(try await syncJob())
        #expect(second != first)
        #expect(try harness.scalar("SELECT count(*)::int FROM jobs WHERE kind = 'syncCampaignMetrics'") == 2)
    }

    @Test func thePruneRemovesOnlyOldEntriesOfCompletedCampaigns() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Archivist")
        let done = try Self.uuid(of: try await Self.createDraft(in: harness, key: key))
        let running = try Self.uuid(of: try await Self.createDraft(in: harness, key: key, name: "Running"))
        try harness.sql("UPDATE campaigns SET status = 'completed' WHERE id = \(done)")
        try harness.sql("UPDATE campaigns SET status = 'live' WHERE id = \(running)")
        for (campaign, age) in [(done, 400), (done, 10), (running, 400)] {
            try harness.sql("""
                INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, created_at)
                SELECT organization_id, id, 'launch', 'success', now() - \(age) * interval '1 day' FROM campaigns WHERE id = \(campaign)
                """)
        }
        let pool = harness.database.pool(maximumConnections: 1)
        #expect(try pool.withConnection { try ExecutionLogRetention().pruneBatch(olderThanDays: 365, on: $0) } == 1)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_execution_logs WHERE campaign_id = \(done)") == 1)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_execution_logs WHERE campaign_id = \(running)") == 1)
        // Outside the pruning function the log is still append-only.
        #expect(throws: PostgresError.self) { try harness.sql("DELETE FROM campaign_execution_logs") }
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_execution_logs") == 2)
    }

    @Test func aBodyOfTooManyJSONValuesIsRefusedWhileReading() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Wordy")
        let query = "query($k: [String!]) { organization { name } }"
        let refused = try await harness.post(["query": query, "variables": ["k": (0..<100_000).map { "k\($0)" }]], key: key)
        #expect(refused.status == 400)
        #expect(try firstError(refused.json()).message?.contains("JSON holds more than 100000 values") == true)
        // Just under the bound the body is read (and the query runs).
        let accepted = try await harness.post(["query": query, "variables": ["k": (0..<99_990).map { "k\($0)" }]], key: key)
        #expect(accepted.status == 200)
    }

    @Test func aLongListArgumentAndAnOversizedResponseEndWithTheirErrors() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_MAX_RESPONSE_BYTES": "2048", "CAMPAIGND_MAX_LIST_ARGUMENT": "1000"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Greedy")
        let keys = (0...1_000).map { "k\($0)" }
        let listed = try await harness.send(
            "query($id: ID!, $k: [String!]) { node(id: $id) { ... on Campaign { metrics(from: \"2026-01-01\", to: \"2026-01-02\", keys: $k) { key } } } }",
            ["id": globalID("Campaign", UUID()), "k": keys], key: key)
        #expect(firstError(listed).code == "LIST_ARGUMENT_TOO_LONG")
        #expect(firstError(listed).message == #"Argument "keys" of field "metrics" has 1001 items; at most 1000 are allowed."#)
        #expect(listed["data"] == nil)
        let aliases = (0..<20).map { "m\($0): metricDefinitions { key label unit }" }.joined(separator: " ")
        let large = try await harness.send("{ \(aliases) }", key: key)
        #expect(firstError(large).code == "RESPONSE_TOO_LARGE")
        #expect(large["data"] is NSNull)
        // The same request within the budget is answered whole.
        let small = try await harness.send("{ m0: metricDefinitions { key } }", key: key)
        #expect((data(small, "m0") as? [Any])?.isEmpty == false)
    }

    /// Runs `body` while another transaction holds an exclusive lock on `campaigns`, then releases it.
    static func whileCampaignsAreLocked(in harness: APITestHarness, _ body: () async throws -> [String: Any]) async throws -> [String: Any] {
        let locker = try PostgresConnection(conninfo: harness.database.url)
        try locker.execute("BEGIN; LOCK TABLE campaigns IN ACCESS EXCLUSIVE MODE")
        defer { try? locker.execute("ROLLBACK") }
        return try await body()
    }

    static func createDraft(in harness: APITestHarness, key: String, name: String = "Draft") async throws -> String {
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_\(UUID().uuidString.prefix(8))", name: "A")
        let body = try await harness.send(
            """
            mutation($a: ID!, $n: String!) { createCampaign(input: { adAccountId: $a, name: $n, objective: LEADS,
              budget: { type: DAILY, amount: 5, currency: "EUR" } }) { id } }
            """, ["a": globalID("AdAccount", account), "n": name], key: key)
        return try #require((data(body, "createCampaign") as? [String: Any])?["id"] as? String)
    }

    static func uuid(of globalID: String) throws -> UUID {
        let decoded = String(decoding: try #require(Data(base64Encoded: globalID)), as: UTF8.self)
        return try #require(UUID(uuidString: String(decoded.split(separator: ":").last ?? "")))
    }
}
