import Campaigns
import Foundation
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
                "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES ($1, sha256(convert_to($2, 'UTF8')), 'cmk_test')",
                [fixture.organizationID, key])
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
}
