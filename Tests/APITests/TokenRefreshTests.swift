import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// Tokens refreshed before a call, after the platform says one expired mid-call, once under concurrency, in
/// bulk for the periodic task; a revoked refresh token disconnects the integration, visibly in the API.
@Suite struct TokenRefreshTests {
    /// The services as the server builds them, pointed at the test server's simulator.
    func tokenService(_ harness: APITestHarness) -> TokenService {
        TokenService(providers: PlatformProviders(settings: .simulator(harness.server.simulatorURL)), encryptionKey: TestServer.tokenKey)
    }

    func expiry(_ harness: APITestHarness, _ id: UUID) throws -> Date? {
        try harness.database.pool(maximumConnections: 1).withConnection {
            try $0.query("SELECT expires_at FROM integrations WHERE id = \(id)")[0].decode("expires_at", as: Date?.self)
        }
    }

    @Test func aGoogleTokenAboutToExpireIsRefreshedBeforeTheCall() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect("GOOGLE_ADS")
        let id = try integrationUUID(integration["id"])
        let before = try harness.storedTokens(id)
        // Our record says the token expires in two minutes: inside the five-minute margin.
        try harness.sql("UPDATE integrations SET expires_at = now() + interval '2 minutes' WHERE id = \(id)")

        let sync = try await client.sync(try #require(integration["id"] as? String))
        #expect(sync["errors"] == nil, "\(sync)")
        let after = try harness.storedTokens(id)
        #expect(after.access != nil && after.access != before.access, "a new access token was stored")
        #expect(try #require(try expiry(harness, id)) > Date().addingTimeInterval(600))
        #expect(try await harness.simulatorTokens().contains(try #require(after.access)))
        #expect(!after.plainInColumns)
    }

    @Test func aGoogleTokenThePlatformExpiredMidCallIsRefreshedAndTheCallRetriedOnce() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect("GOOGLE_ADS")
        let id = try integrationUUID(integration["id"])
        let before = try harness.storedTokens(id)
        // The platform expires every token now, though our record still says an hour.
        try await harness.simulatorControl("google_ads/expire_tokens")

        let sync = try await client.sync(try #require(integration["id"] as? String))
        #expect(sync["errors"] == nil, "\(sync)")
        #expect((data(sync, "syncAdAccounts") as? [Any])?.isEmpty == false)
        let after = try harness.storedTokens(id)
        #expect(after.access != before.access)
        #expect(after.refresh == before.refresh, "Google keeps its refresh token")
    }

    /// A Meta connection cannot be renewed by the server: it is used to its last day, says `EXPIRES_SOON` in its
    /// last week, and then needs the user.
    @Test func aMetaConnectionWarnsInItsLastWeekAndThenNeedsReconnecting() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect("META_ADS")
        let globalID = try #require(integration["id"] as? String)
        let id = try integrationUUID(globalID)
        let before = try harness.storedTokens(id)
        func health() async throws -> String? {
            let body = try await client.send("{ integrations { health } }")
            return ((data(body, "integrations") as? [[String: Any]])?.first)?["health"] as? String
        }
        try harness.sql("UPDATE integrations SET expires_at = now() + interval '8 days' WHERE id = \(id)")
        #expect(try await health() == "OK")

        // Inside the refresh margin: still used as it is, with nothing asked of the platform.
        try harness.sql("UPDATE integrations SET expires_at = now() + interval '2 minutes' WHERE id = \(id)")
        #expect(try await health() == "EXPIRES_SOON")
        let issued = try await harness.simulatorAccessTokens().count
        let sync = try await client.sync(globalID)
        #expect(sync["errors"] == nil, "\(sync)")
        #expect(try harness.storedTokens(id).access == before.access)
        #expect(try await harness.simulatorAccessTokens().count == issued, "no exchange was attempted")

        // Past its end: the next call disconnects it.
        try harness.sql("UPDATE integrations SET expires_at = now() - interval '1 minute' WHERE id = \(id)")
        #expect(try await health() == "RECONNECT_REQUIRED")
        let lapsed = try await client.sync(globalID)
        #expect(firstError(lapsed).code == "RECONNECT_REQUIRED", "\(lapsed)")
        #expect((try await client.integration(globalID))["connected"] as? Bool == false)
    }

    /// The platform says the Meta token expired before our record does: only the user can renew it.
    @Test func aMetaTokenThePlatformExpiredDisconnectsTheIntegration() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let globalID = try #require(try await client.connect("META_ADS")["id"] as? String)
        try await harness.simulatorControl("meta_ads/expire_tokens")
        let sync = try await client.sync(globalID)
        #expect(firstError(sync).code == "RECONNECT_REQUIRED", "\(sync)")
        #expect((try await client.integration(globalID))["connected"] as? Bool == false)
    }

    @Test func aShortLivedTokenIsRefreshedWhenItLapses() async throws {
        let harness = try APITestHarness(simulatorEnvironment: ["CAMPAIGND_SIMULATOR_TOKEN_LIFETIME": "3"])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect("GOOGLE_ADS")
        let id = try integrationUUID(integration["id"])
        let first = try harness.storedTokens(id).access
        try await Task.sleep(nanoseconds: 3_500_000_000)
        let sync = try await client.sync(try #require(integration["id"] as? String))
        #expect(sync["errors"] == nil, "\(sync)")
        #expect(try harness.storedTokens(id).access != first)
    }

    @Test func concurrentCallersRefreshOnce() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let integration = try await client.connect("GOOGLE_ADS")
        let id = try integrationUUID(integration["id"])
        let organization = try harness.organizationID(key: key)
        try harness.sql("UPDATE integrations SET expires_at = now() - interval '1 minute' WHERE id = \(id)")
        let issuedBefore = try await harness.simulatorAccessTokens().count

        let service = tokenService(harness)
        let pool = harness.database.pool(maximumConnections: 6)
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    try pool.withConnection { connection in
                        try service.accessToken(integrationID: id, organizationID: organization, on: connection)
                    }
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(tokens).count == 1, "every caller got the one refreshed token")
        let issuedAfter = try await harness.simulatorAccessTokens().count
        #expect(issuedAfter == issuedBefore + 1, "one refresh for six callers")
        #expect(try harness.storedTokens(id).access == tokens.first)
    }

    @Test func withAccessTokenRetriesOnceAndThenSurfacesTheExpiry() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try await OAuthClient(harness: harness, key: key).connect("GOOGLE_ADS")
        let id = try integrationUUID(integration["id"])
        let organization = try harness.organizationID(key: key)
        let service = tokenService(harness)
        let pool = harness.database.pool(maximumConnections: 1)
        let original = try harness.storedTokens(id).access

        var seen: [String] = []
        #expect(throws: PlatformError.tokenExpired(message: "still expired")) {
            try pool.withConnection { connection in
                try service.withAccessToken(integrationID: id, organizationID: organization, on: connection) { token in
                    seen.append(token)
                    throw PlatformError.tokenExpired(message: "still expired")
                }
            }
        }
        #expect(seen.count == 2, "one retry")
        #expect(seen.first == original)
        #expect(seen.last != original, "the retry got a refreshed token")
        #expect(try harness.storedTokens(id).access == seen.last)
    }

    @Test(arguments: [("GOOGLE_ADS", "google_ads"), ("META_ADS", "meta_ads")])
    func aRevokedConnectionDisconnectsTheIntegration(_ platform: String, _ simulatorName: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect(platform)
        let globalID = try #require(integration["id"] as? String)
        let id = try integrationUUID(globalID)
        // The user removed the app's access on the platform: access and refresh tokens are refused.
        try await harness.simulatorControl("\(simulatorName)/revoke_tokens")

        let sync = try await client.sync(globalID)
        #expect(firstError(sync).code == "RECONNECT_REQUIRED", "\(sync)")
        let node = try await client.integration(globalID)
        #expect(node["connected"] as? Bool == false, "visible in the API: \(node)")
        let stored = try harness.storedTokens(id)
        #expect(stored.access == nil && stored.refresh == nil, "refused tokens are forgotten")
        // It stays disconnected without asking the platform again, until connected anew.
        let again = try await client.sync(globalID)
        #expect(firstError(again).code == "RECONNECT_REQUIRED")
        let reconnected = try await client.connect(platform)
        #expect(reconnected["id"] as? String == globalID)
        #expect(reconnected["connected"] as? Bool == true)
    }

    @Test func bulkRefreshRefreshesOnlyWhatExpiresSoonAndDisconnectsRevoked() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let other = OAuthClient(harness: harness, key: try harness.organization(named: "Other Co."))
        let google = try integrationUUID(try await client.connect("GOOGLE_ADS")["id"])
        let meta = try integrationUUID(try await client.connect("META_ADS")["id"])
        let otherGoogle = try integrationUUID(try await other.connect("GOOGLE_ADS")["id"])
        try harness.sql("UPDATE integrations SET expires_at = now() + interval '2 minutes' WHERE id = ANY(\("{\(google.uuidString),\(otherGoogle.uuidString)}")::uuid[])")
        let metaExpiry = try expiry(harness, meta)
        let before = try harness.storedTokens(google).access

        let service = tokenService(harness)
        let pool = harness.database.pool(maximumConnections: 2)
        let summary = try service.refreshExpiring(pool: pool)
        #expect(Set(summary.refreshed) == [google, otherGoogle], "\(summary)")
        #expect(summary.disconnected.isEmpty && summary.failed.isEmpty, "\(summary)")
        #expect(try harness.storedTokens(google).access != before)
        #expect(try #require(try expiry(harness, google)) > Date().addingTimeInterval(600))
        #expect(try expiry(harness, meta) == metaExpiry, "not expiring: untouched")
        #expect(try service.refreshExpiring(pool: pool).refreshed.isEmpty, "nothing left to refresh")

        try await harness.simulatorControl("google_ads/revoke_tokens")
        try harness.sql("UPDATE integrations SET expires_at = now() - interval '1 minute' WHERE id = \(google)")
        let second = try service.refreshExpiring(pool: pool)
        #expect(second.disconnected == [google], "\(second)")
        let node = try await client.integration(globalID("Integration", google))
        #expect(node["connected"] as? Bool == false)
        #expect(try service.refreshExpiring(pool: pool) == TokenRefreshSummary(), "a disconnected integration is not tried again")
    }
}
