import Campaigns
import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// Every path that reads or writes an organization's rows outside an API request goes through the one tenancy
/// entry point (`withOrganizationScope`): the services, the worker's tasks and the integrations are run here on a
/// database login that may do nothing itself but become `campaignd_app` (NOINHERIT), so a statement outside an
/// organization's scope fails with "permission denied" instead of quietly bypassing row-level security.
@Suite struct TenancyRoleTests {
    /// A login that is a member of the application role without its privileges.
    func gatePool(_ harness: APITestHarness) throws -> (PostgresPool, String) {
        let role = "campaignd_gate_\(UInt32.random(in: 1...UInt32.max))"
        try harness.sql("CREATE ROLE \(unescaped: role) LOGIN NOINHERIT")
        try harness.sql("GRANT campaignd_app TO \(unescaped: role)")
        let url = harness.database.url.replacingOccurrences(of: "user=postgres", with: "user=\(role)")
        return (PostgresPool(conninfo: url, maximumConnections: 2), role)
    }

    @Test func servicesWorkerTasksAndIntegrationsRunAsTheApplicationRole() async throws {
        let (harness, fixture) = try await LaunchOnSimulatorTests.setUp("meta_ads")
        defer { harness.stop() }
        let launch = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign], key: fixture.key)
        #expect(launch["errors"] == nil, "\(launch)")
        let (pool, role) = try gatePool(harness)
        defer {
            pool.drain()
            try? harness.sql("DROP OWNED BY \(unescaped: role)")
            try? harness.sql("DROP ROLE \(unescaped: role)")
        }
        let organizationID = try harness.organizationID(key: fixture.key)
        let integrationID: UUID = try harness.rows("SELECT id FROM integrations WHERE organization_id = \(organizationID)")[0].decode("id")

        // The control: outside a scope this login can read nothing.
        let refused = #expect(throws: PostgresError.self) { try pool.withConnection { try $0.query("SELECT count(*) FROM campaigns") } }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("permission denied"), "\(String(describing: refused))")

        var settings = PlatformSettings.simulator(harness.server.simulatorURL)
        settings.retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: 0.01, maximumDelay: 0.02)
        let providers = PlatformProviders(settings: settings)
        let tokens = TokenService(providers: providers, encryptionKey: TestServer.tokenKey)
        let adapters = PlatformAdapters(providers: providers)

        // Integrations: the token read (and decrypted) and an account sync, each in its own transaction.
        let token = try pool.withConnection { try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: $0) }
        #expect(!token.isEmpty)
        let accounts = try pool.withConnection {
            try AccountSyncService(providers: providers, tokens: tokens).sync(integrationID: integrationID, organizationID: organizationID, on: $0)
        }
        #expect(!accounts.isEmpty)
        // The worker's metrics sync of one campaign (targets, platform calls, writes, reviews).
        let sync = MetricsSync(pool: pool, adapters: adapters, accessToken: { organizationID, integrationID, force in
            try pool.withConnection { try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: $0, forceRefresh: force) }
        })
        let report = try sync.sync(campaignID: fixture.campaignID, organizationID: organizationID)
        #expect(report.synced == 1 && report.failed == 0, "\(report)")
        #expect(try harness.scalar("SELECT count(*) FROM ad_daily_metrics") > 0)
        // The lifecycle service and the rules' evaluator.
        let lifecycle = CampaignLifecycleService(pool: pool, adapters: adapters, tokens: tokens)
        try lifecycle.pause(fixture.campaignID, organizationID: organizationID)
        #expect(try harness.status(fixture.campaignID) == "paused")
        try harness.sql("""
            INSERT INTO automation_rules (organization_id, name, kind, campaign_id, run_at, action)
            VALUES (\(organizationID.uuidString.lowercased()), 'Back on', 'schedule', \(fixture.campaignID.uuidString.lowercased()), now() - interval '1 minute', 'resume')
            """)
        let runs = try AutomationRuleEvaluator(pool: pool, lifecycle: lifecycle).evaluate(organizationID: organizationID)
        #expect(runs.map(\.outcome) == [.resumed], "\(runs)")
        #expect(try harness.status(fixture.campaignID) == "live")
    }
}
