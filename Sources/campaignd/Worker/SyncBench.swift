import Campaigns
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Integrations
import Postgres

/// The metrics sync at scale against the simulator: a throwaway organization connected to both simulated
/// platforms, N live campaigns created there through the adapters (half on each), then a full sync (every
/// value inserted) and a re-run (nothing changes), each timed. The organization is deleted afterwards.
enum SyncBench {
    static func run(campaigns count: Int, batch: Int) throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let tokenKey = try configuration.requireTokenKey()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 4, waitTimeout: 30)
        let providers = PlatformProviders(settings: configuration.platforms)
        let adapters = PlatformAdapters(providers: providers)
        let tokens = TokenService(providers: providers, encryptionKey: tokenKey)
        let organizationID: UUID = try pool.withConnection { connection in
            try connection.query("INSERT INTO organizations (name) VALUES (\("sync bench \(UUID().uuidString.prefix(8))")) RETURNING id")[0].decode("id")
        }
        defer { _ = try? pool.withConnection { try $0.query("DELETE FROM organizations WHERE id = \(organizationID)") } }

        var accounts: [(platform: Platform, row: UUID, external: String, currency: String, token: String)] = []
        for platform in Platform.allCases {
            let connector = providers.connector(for: platform)
            let redirectURI = "http://127.0.0.1:9/bench"
            let code = try RedirectProbe.code(connector.authorizationURL(state: "bench-\(UUID())", redirectURI: redirectURI))
            let issued = try connector.exchangeCode(code, redirectURI: redirectURI)
            guard let account = try connector.listAdAccounts(accessToken: issued.accessToken).first else {
                throw UsageError("jobs bench-sync: the \(platform.rawValue) simulator lists no ad account")
            }
            let row: UUID = try pool.withTransaction { connection in
                let integration: UUID = try connection.query(
                    """
                    INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at, connected)
                    VALUES (\(organizationID), \(platform.rawValue), pgp_sym_encrypt(\(issued.accessToken), \(tokenKey)),
                            CASE WHEN \(issued.refreshToken)::text IS NULL THEN NULL ELSE pgp_sym_encrypt(\(issued.refreshToken), \(tokenKey)) END,
                            \(issued.expiresAt), true)
                    RETURNING id
                    """)[0].decode("id")
                return try connection.query(
                    """
                    INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
                    VALUES (\(organizationID), \(integration), \(account.externalID), \(account.name), \(account.currency))
                    RETURNING id
                    """)[0].decode("id")
            }
            accounts.append((platform, row, account.externalID, account.currency, issued.accessToken))
        }

        FileHandleOutput.standardError("jobs bench-sync: creating \(count) campaigns on the simulated platforms\n")
        let created = Date()
        var index = 0
        while index < count {
            let chunk = min(500, count - index)
            var rows: [(UUID, UUID, String, String)] = []
            for offset in 0..<chunk {
                let account = accounts[(index + offset) % accounts.count]
                let id = UUID()
                let external = try adapters.adapter(for: account.platform).createCampaign(
                    CampaignLaunchSpec(campaignID: id, name: "Bench \(index + offset)", objective: .sales, budgetType: .daily,
                                       budgetAmount: 50, currency: account.currency),
                    in: PlatformAccount(externalAccountID: account.external, currency: account.currency, accessToken: account.token))
                rows.append((id, account.row, account.platform.rawValue, external))
            }
            try pool.withTransaction { connection in
                try connection.query(
                    """
                    WITH r AS (SELECT * FROM unnest(\(uuidArray(rows.map(\.0)))::uuid[], \(uuidArray(rows.map(\.1)))::uuid[],
                                                    \(textArray(rows.map(\.2)))::text[], \(textArray(rows.map(\.3)))::text[])
                               AS r(id, account, platform, external)),
                    c AS (
                        INSERT INTO campaigns (id, organization_id, ad_account_id, name, platform, objective, status)
                        SELECT id, \(organizationID), account, 'Bench ' || id, platform, 'sales', 'live' FROM r RETURNING id
                    )
                    INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id)
                    SELECT r.id, \(organizationID), r.platform, r.external FROM r JOIN c ON c.id = r.id
                    """)
            }
            index += chunk
        }
        FileHandleOutput.standardError(String(format: "jobs bench-sync: created in %.1f s\n", Date().timeIntervalSince(created)))

        let sync = MetricsSyncTask.sync(pool: pool, adapters: adapters, tokens: tokens, batchSize: batch)
        for run in ["first sync", "re-run"] {
            let started = Date()
            let report = try sync.syncAll()
            let seconds = Date().timeIntervalSince(started)
            FileHandleOutput.standardOutput(String(
                format: "jobs bench-sync: %@: %d campaigns (%d failed), %d values written, %.2f s, %.0f campaigns/s\n",
                run, report.campaigns, report.failed, report.valuesWritten, seconds, Double(report.campaigns) / seconds))
        }
        return 0
    }
}

/// Follows an OAuth consent page's redirect without following it, to read the authorization code.
enum RedirectProbe {
    final class Refuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    static func code(_ url: URL) throws -> String {
        let session = URLSession(configuration: .ephemeral, delegate: Refuser(), delegateQueue: nil)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var location: String?
        session.dataTask(with: url) { _, response, _ in
            location = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Location")
            done.signal()
        }.resume()
        done.wait()
        guard let location, let code = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "code" })?.value else {
            throw UsageError("jobs bench-sync: the simulator's consent page at \(url.host ?? "") gave no code; is the simulator running?")
        }
        return code
    }
}
