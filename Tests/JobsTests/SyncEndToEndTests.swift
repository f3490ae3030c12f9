import Campaigns
import Foundation
import Jobs
import Postgres
import Simulator
import Testing
import TestSupport

/// The whole way: the API queues a sync, a `campaignd worker` process runs it against the simulator, and the
/// API shows the synced metrics.
@Suite struct SyncEndToEndTests {
    func graphQL(_ server: TestServer, key: String, _ query: String, _ variables: [String: Any] = [:]) async throws -> [String: Any] {
        let response = try await HTTPClient.send(
            server.url("/graphql"), method: "POST",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer \(key)"],
            body: try JSONSerialization.data(withJSONObject: ["query": query, "variables": variables]))
        #expect(response.status == 200)
        return try response.json()
    }

    @Test func syncCampaignMetricsFromTheAPIIsRunByAWorkerAndShowsInTheCampaignsMetrics() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url, simulator: true)
        defer { server.stop() }
        let fixture = try MetricsSyncFixture(database: database, simulatorURL: server.simulatorURL)
        let key = "cmk_test_\(UUID().uuidString)"
        try fixture.pool.withConnection { connection in
            try connection.query(
                "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(fixture.organizationID), sha256(convert_to(\(key), 'UTF8')), 'cmk_test')")
        }
        let campaign = try fixture.launch("Crisps", in: try fixture.connect(.metaAds)[0])
        let campaignID = Data("Campaign:\(campaign.id.uuidString.lowercased())".utf8).base64EncodedString()

        let log = try TestPaths.temporaryDirectory("campaignd-worker").appendingPathComponent("worker.log")
        let worker = try ChildProcess(TestPaths.campaignd, ["worker"], environment: [
            "DATABASE_URL": database.url, "CAMPAIGND_TOKEN_KEY": TestServer.tokenKey,
            "CAMPAIGND_SIMULATOR_URL": server.simulatorURL.absoluteString, "CAMPAIGND_SCHEDULER": "off",
        ], logFile: log)

        let queued = try await graphQL(server, key: key, "mutation($id: ID!) { syncCampaignMetrics(campaignId: $id) { id state } }", ["id": campaignID])
        let job = try #require((queued["data"] as? [String: Any])?["syncCampaignMetrics"] as? [String: Any], "\(queued)")
        let jobID = try #require(job["id"] as? String)
        var state = job["state"] as? String
        let deadline = Date(timeIntervalSinceNow: 30)
        while state != "SUCCEEDED" && Date() < deadline {
            try await Task.sleep(nanoseconds: 100_000_000)
            let body = try await graphQL(server, key: key, "query($id: ID!) { node(id: $id) { ... on Job { state lastError } } }", ["id": jobID])
            state = ((body["data"] as? [String: Any])?["node"] as? [String: Any])?["state"] as? String
        }
        #expect(state == "SUCCEEDED", "\(worker.output)")

        let today = MetricsSyncFixture.today
        let body = try await graphQL(server, key: key, """
            query($id: ID!, $day: Date!) { campaign(id: $id) { lastMetricsSyncAt metrics(from: $day, to: $day, keys: ["impressions", "spend"]) { date key value } } }
            """, ["id": campaignID, "day": today])
        let synced = try #require((body["data"] as? [String: Any])?["campaign"] as? [String: Any], "\(body)")
        #expect(synced["lastMetricsSyncAt"] is String)
        let figures = SimulatedMetrics.day(objectID: campaign.external, day: today)
        let points = (synced["metrics"] as? [[String: Any]] ?? []).map { "\($0["date"] ?? "") \($0["key"] ?? "") \($0["value"] ?? "")" }
        #expect(points == ["\(today) impressions \(figures.impressions)", "\(today) spend \((Decimal(figures.spendMinor) / 100).description)"])
        #expect(worker.stop(signal: SIGTERM, timeout: 15) == 0)
    }

    @Test func aCampaignSyncThatFailsInsideShowsTheOrganizationNoDatabaseDetails() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let campaign = try fixture.launch("Crisps", in: try fixture.connect(.metaAds)[0])
        try fixture.pool.withConnection { connection in
            try connection.execute(
                """
                CREATE FUNCTION refuse_metrics() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
                CREATE TRIGGER refuse_metrics BEFORE INSERT ON campaign_metrics FOR EACH ROW EXECUTE FUNCTION refuse_metrics();
                """)
        }
        let log = try TestPaths.temporaryDirectory("campaignd-worker").appendingPathComponent("worker.log")
        let worker = try ChildProcess(TestPaths.campaignd, ["worker"], environment: [
            "DATABASE_URL": fixture.database.url, "CAMPAIGND_TOKEN_KEY": MetricsSyncFixture.tokenKey,
            "CAMPAIGND_SIMULATOR_URL": fixture.simulatorURL.absoluteString, "CAMPAIGND_SCHEDULER": "off",
            "CAMPAIGND_WORKER_POLL_SECONDS": "0.2",
        ], logFile: log)
        let queue = JobQueue()
        let id = try fixture.pool.withTransaction { connection in
            try queue.enqueue(NewJob(kind: MetricsSyncRequest.jobKind, payload: MetricsSyncRequest(campaignId: campaign.id),
                                     organizationID: fixture.organizationID, maxAttempts: 1), on: connection).job.id
        }
        let job = { try fixture.pool.withConnection { try #require(try queue.find(id, on: $0)) } }
        #expect(try eventually(timeout: 30) { try job().state == .dead }, "\(worker.output)")
        let lastError = try job().lastError ?? ""
        #expect(lastError.contains("could not be synced"), "\(lastError)")
        #expect(!lastError.contains("refused by the test") && !lastError.contains("SQLSTATE"), "\(lastError)")
        // The operators still read what happened.
        #expect(worker.output.contains("refused by the test"), "\(worker.output)")
        #expect(worker.stop(signal: SIGTERM, timeout: 15) == 0)
    }
}
