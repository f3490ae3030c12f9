import Campaigns
import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// An organization connected to both simulated platforms (OAuth through the simulator, tokens stored
/// encrypted as the product stores them), with campaigns created on the platforms through the adapters.
final class MetricsSyncFixture: @unchecked Sendable {
    static let tokenKey = "test-token-key-0123456789abcdef"

    let database: TestDatabase
    let pool: PostgresPool
    /// The simulator of its own, when no server with one was given.
    let simulator: TestSimulatorServer?
    let simulatorURL: URL
    let providers: PlatformProviders
    let adapters: PlatformAdapters
    let tokens: TokenService
    let organizationID: UUID
    let logged = Recorder<String>()

    /// The simulator's connected accounts: platform, our ad account row, its external id and currency, and a token.
    struct Account {
        var platform: Platform
        var id: UUID
        var external: String
        var currency: String
        var token: String
    }

    struct LaunchedCampaign {
        var id: UUID
        var external: String
        var platform: Platform
    }

    /// With `database` and `simulatorURL`, uses them (a `TestServer` with its simulator); otherwise its own.
    init(database: TestDatabase? = nil, simulatorURL: URL? = nil) throws {
        self.database = try database ?? TestCluster.shared.migratedDatabase()
        pool = self.database.pool(maximumConnections: 4)
        simulator = simulatorURL == nil ? try TestSimulatorServer() : nil
        self.simulatorURL = simulatorURL ?? simulator!.url
        var settings = PlatformSettings.simulator(self.simulatorURL)
        settings.retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: 0.01, maximumDelay: 0.02)
        providers = PlatformProviders(settings: settings)
        adapters = PlatformAdapters(providers: providers)
        tokens = TokenService(providers: providers, encryptionKey: Self.tokenKey)
        organizationID = try pool.withConnection { connection in
            try connection.query("INSERT INTO organizations (name) VALUES ('Tasty Chips Co.') RETURNING id")[0].decode("id")
        }
    }

    func stop() { simulator?.stop() }

    /// A metrics sync as the worker builds it, logging into `logged`.
    func sync(unknownMetrics: UnknownMetricLog = UnknownMetricLog()) -> MetricsSync {
        let tokens = self.tokens, pool = self.pool, logged = self.logged
        return MetricsSync(
            pool: pool, adapters: adapters,
            accessToken: { organizationID, integrationID, force in
                try pool.withConnection {
                    try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: $0, forceRefresh: force)
                }
            },
            settings: MetricsSync.Settings(batchSize: 2), unknownMetrics: unknownMetrics, log: { logged.append($0) })
    }

    /// Connects the platform through its OAuth flow on the simulator and records the integration and its accounts.
    func connect(_ platform: Platform) throws -> [Account] {
        let connector = providers.connector(for: platform)
        let redirectURI = "http://127.0.0.1:9/oauth/\(platform.rawValue)"
        let consent = try runCommand("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{redirect_url}",
                                                       connector.authorizationURL(state: "state-\(UUID())", redirectURI: redirectURI).absoluteString])
        let query = URLComponents(string: consent.output)?.queryItems ?? []
        let code = try #require(query.first { $0.name == "code" }?.value, "no code in \(consent.output)")
        let issued = try connector.exchangeCode(code, redirectURI: redirectURI)
        let listed = try connector.listAdAccounts(accessToken: issued.accessToken)
        return try pool.withTransaction { connection in
            let integrationID: UUID = try connection.query(
                """
                INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at, connected)
                VALUES (\(organizationID), \(platform.rawValue), pgp_sym_encrypt(\(issued.accessToken), \(Self.tokenKey)), CASE WHEN \(issued.refreshToken)::text IS NULL THEN NULL ELSE pgp_sym_encrypt(\(issued.refreshToken), \(Self.tokenKey)) END, \(issued.expiresAt), true)
                RETURNING id
                """)[0].decode("id")
            return try listed.map { account in
                let id: UUID = try connection.query(
                    """
                    INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
                    VALUES (\(organizationID), \(integrationID), \(account.externalID), \(account.name), \(account.currency)) RETURNING id
                    """)[0].decode("id")
                return Account(platform: platform, id: id, external: account.externalID, currency: account.currency, token: issued.accessToken)
            }
        }
    }

    /// Creates the campaign on the platform through the adapter, and records it with its platform id.
    func launch(_ name: String, in account: Account, status: CampaignStatus = .live) throws -> LaunchedCampaign {
        let id = UUID()
        let external = try adapters.adapter(for: account.platform).createCampaign(
            CampaignLaunchSpec(campaignID: id, name: name, objective: .sales, budgetType: .daily, budgetAmount: 50, currency: account.currency),
            in: PlatformAccount(externalAccountID: account.external, currency: account.currency, accessToken: account.token))
        try pool.withTransaction { connection in
            try connection.query(
                """
                INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, status)
                VALUES (\(id), \(organizationID), \(account.id), \(name), \(account.platform.rawValue), 'sales', \(status.rawValue))
                """)
            try connection.query(
                "INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id) VALUES (\(id), \(organizationID), \(account.platform.rawValue), \(external))")
        }
        return LaunchedCampaign(id: id, external: external, platform: account.platform)
    }

    /// The stored metrics of a campaign as `date key` → value text.
    func metrics(_ campaign: UUID) throws -> [String: String] {
        try pool.withConnection { connection in
            var values: [String: String] = [:]
            for row in try connection.query(
                """
                SELECT to_char(m.date, 'YYYY-MM-DD') || ' ' || d.key AS name, m.value::text AS value
                FROM campaign_metrics m JOIN metric_definitions d ON d.id = m.metric_id WHERE m.campaign_id = \(campaign)
                """) {
                values[try row.decode("name")] = try row.decode("value")
            }
            return values
        }
    }

    func count(_ sql: PostgresQuery) throws -> Int {
        try pool.withConnection { try $0.query(sql)[0].decode(at: 0, as: Int.self) }
    }

    /// `POST /simulator/_control/<path>`; fails unless it answers 200.
    func control(_ path: String, _ body: [String: Any]) throws {
        let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        let result = try runCommand("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST",
                                                      "-H", "Content-Type: application/json", "--data", text,
                                                      "-H", "X-Simulator-Secret: \(TestSimulator.controlSecret)",
                                                      simulatorURL.appendingPathComponent("_control/\(path)").absoluteString])
        guard result.output == "200" else { throw TestSupportError("control \(path) answered \(result.output)") }
    }

    static var today: String {
        CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400)).description
    }
}
