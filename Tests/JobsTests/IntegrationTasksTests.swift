import Campaigns
import Foundation
import Postgres
import Testing
import TestSupport

/// `refreshExpiringTokens` and `syncAdAccounts` as a `campaignd worker` runs them, against the simulator.
@Suite struct IntegrationTasksTests {
    func runJob(_ fixture: MetricsSyncFixture, kind: String) throws -> (state: String, worker: String) {
        let environment = [
            "DATABASE_URL": fixture.database.url, "CAMPAIGND_TOKEN_KEY": MetricsSyncFixture.tokenKey,
            "CAMPAIGND_SIMULATOR_URL": fixture.simulatorURL.absoluteString, "CAMPAIGND_SCHEDULER": "off",
            "CAMPAIGND_WORKER_POLL_SECONDS": "0.2",
        ]
        let queued = try runCommand(TestPaths.campaignd.path, ["jobs", "enqueue", "--kind", kind], environment: environment)
        let id = try #require(queued.output.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }, "\(queued.output)")
        let log = try TestPaths.temporaryDirectory("campaignd-worker").appendingPathComponent("worker.log")
        let worker = try ChildProcess(TestPaths.campaignd, ["worker"], environment: environment, logFile: log)
        defer { worker.stop() }
        var state = "queued"
        _ = try eventually(timeout: 20) {
            state = try fixture.pool.withConnection { try $0.query("SELECT state FROM jobs WHERE id = \(id)::uuid")[0].decode("state") }
            return state == "succeeded" || state == "dead" || state == "failed"
        }
        return (state, worker.output)
    }

    @Test func refreshExpiringTokensRenewsATokenAboutToExpire() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        _ = try fixture.connect(.googleAds)
        let before: String = try fixture.pool.withConnection { connection in
            try connection.query("UPDATE integrations SET expires_at = now() + interval '1 minute'")
            return try connection.query("SELECT pgp_sym_decrypt(access_token, \(MetricsSyncFixture.tokenKey)) AS token FROM integrations")[0]
                .decode("token")
        }
        let run = try runJob(fixture, kind: "refreshExpiringTokens")
        #expect(run.state == "succeeded", "\(run.worker)")
        #expect(run.worker.contains("token refresh: 1 refreshed, 0 disconnected, 0 failed"))
        let row = try fixture.pool.withConnection { connection in
            try connection.query(
                "SELECT pgp_sym_decrypt(access_token, \(MetricsSyncFixture.tokenKey)) AS token, expires_at > now() + interval '10 minutes' AS later FROM integrations")[0]
        }
        #expect(try row.decode("token", as: String.self) != before)
        #expect(try row.decode("later", as: Bool.self))
        // The new token never shows in the worker's output.
        #expect(!run.worker.contains(try row.decode("token", as: String.self)))
    }

    @Test func syncAdAccountsBringsTheAccountsInLineWithThePlatform() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        let accounts = try fixture.connect(.googleAds)
        let renamed = try #require(accounts.first)
        try fixture.control("google_ads/rename_account", ["customerId": renamed.external, "name": "Tasty Chips – Renamed"])
        let run = try runJob(fixture, kind: "syncAdAccounts")
        #expect(run.state == "succeeded", "\(run.worker)")
        #expect(run.worker.contains("ad account sync: 1 integrations synced, 0 failed"))
        let name: String = try fixture.pool.withConnection { connection in
            try connection.query("SELECT name FROM ad_accounts WHERE id = \(renamed.id)")[0].decode("name")
        }
        #expect(name == "Tasty Chips – Renamed")
    }

    /// A connection the platform refuses is marked disconnected by the task, and that sticks: it is not
    /// rolled back with the failed sync and tried again forever.
    @Test func syncAdAccountsDisconnectsARevokedIntegration() throws {
        let fixture = try MetricsSyncFixture()
        defer { fixture.stop() }
        _ = try fixture.connect(.googleAds)
        try fixture.control("google_ads/revoke_tokens", [:])
        let run = try runJob(fixture, kind: "syncAdAccounts")
        #expect(run.worker.contains("ad account sync: 0 integrations synced, 1 failed"), "\(run.worker)")
        let connected: Bool = try fixture.pool.withConnection { try $0.query("SELECT connected FROM integrations")[0].decode("connected") }
        #expect(!connected, "\(run.worker)")
    }
}
