import Foundation
import Testing
import TestSupport

/// startOAuth's state: random, stored bound to the organization and platform, single-use, expiring; and
/// every way completeOAuth refuses one.
@Suite struct OAuthStateTests {
    @Test func startStoresABoundExpiringState() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let first = try await client.start("GOOGLE_ADS")
        let second = try await client.start("META_ADS")
        #expect(first.state != second.state)
        for state in [first.state, second.state] {
            #expect(state.count >= 43, "32 random bytes at least: \(state)")
            #expect(state.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }, "\(state)")
        }
        // The consent URL carries the state and the redirect URI.
        let items = URLComponents(url: first.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        #expect(items.first { $0.name == "state" }?.value == first.state, "\(first.url)")
        #expect(items.first { $0.name == "redirect_uri" }?.value == OAuthClient.redirectURI, "\(first.url)")

        let organization = try harness.organizationID(key: key)
        let row = try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                SELECT organization_id, provider, redirect_uri, used_at IS NULL AS unused,
                       extract(epoch FROM expires_at - created_at)::float8 AS seconds, created_at > now() - interval '5 minutes' AS recent
                FROM oauth_states WHERE state = \(first.state)
                """)[0]
        }
        #expect(try row.decode("organization_id", as: UUID.self) == organization)
        #expect(try row.decode("provider", as: String.self) == "google_ads")
        #expect(try row.decode("redirect_uri", as: String.self) == OAuthClient.redirectURI)
        #expect(try row.decode("unused", as: Bool.self))
        let seconds = try row.decode("seconds", as: Double.self)
        #expect(seconds == 600, "expires 10 minutes after it was issued: \(seconds)")
        #expect(try row.decode("recent", as: Bool.self))
    }

    @Test(arguments: ["ftp://example.com/callback", "/oauth/callback", "javascript:alert(1)", "https://", "https://app.example/cb#x", ""])
    func redirectURIMustBeAnAbsoluteHTTPURL(_ redirectURI: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let body = try await OAuthClient(harness: harness, key: key).send(
            "mutation($r: String!) { startOAuth(platform: GOOGLE_ADS, redirectUri: $r) { authorizationUrl state } }", ["r": redirectURI])
        let error = firstError(body)
        #expect(error.code == "BAD_USER_INPUT", "\(body)")
        #expect(error.field == "redirectUri", "\(body)")
        #expect(data(body, "startOAuth") == nil || data(body, "startOAuth") is NSNull)
        let count: Int = try harness.database.pool(maximumConnections: 1).withConnection {
            try $0.query("SELECT count(*)::int AS n FROM oauth_states")[0].decode("n")
        }
        #expect(count == 0)
    }

    /// A scheme in capitals is still an http(s) URL: accepted, and stored and sent with the scheme lower-case.
    @Test func aRedirectURIWithACapitalisedSchemeIsAccepted() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let body = try await client.send(
            "mutation($r: String!) { startOAuth(platform: META_ADS, redirectUri: $r) { authorizationUrl state } }",
            ["r": "HTTPS://App.example/OAuth/Callback?x=1"])
        #expect(body["errors"] == nil, "\(body)")
        let url = try #require((data(body, "startOAuth") as? [String: Any])?["authorizationUrl"] as? String)
        let items = URLComponents(string: url)?.queryItems ?? []
        #expect(items.first { $0.name == "redirect_uri" }?.value == "https://App.example/OAuth/Callback?x=1", "\(url)")
    }

    @Test func unknownReusedExpiredForeignAndOtherPlatformStatesAreRefused() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Co.")
        let client = OAuthClient(harness: harness, key: key)
        let other = OAuthClient(harness: harness, key: otherKey)

        func refusal(_ body: [String: Any]) -> (code: String?, field: String?, reason: String?) {
            let error = (body["errors"] as? [[String: Any]])?.first
            let extensions = error?["extensions"] as? [String: Any]
            return (extensions?["code"] as? String, extensions?["field"] as? String, extensions?["reason"] as? String)
        }
        func integrationCount() throws -> Int {
            try harness.database.pool(maximumConnections: 1).withConnection {
                try $0.query("SELECT count(*)::int AS n FROM integrations")[0].decode("n")
            }
        }

        // Unknown.
        let (url, state) = try await client.start("GOOGLE_ADS")
        let redirect = try await client.authorize(url)
        let unknown = try await client.complete("GOOGLE_ADS", code: redirect.code, state: "not-a-state-that-was-ever-issued-0000000000")
        #expect(refusal(unknown) == ("BAD_USER_INPUT", "state", "UNKNOWN"), "\(unknown)")

        // Another organization's state: unknown to this one, and still usable by its owner afterwards.
        let foreign = try await other.complete("GOOGLE_ADS", code: redirect.code, state: state)
        #expect(refusal(foreign) == ("BAD_USER_INPUT", "state", "UNKNOWN"), "\(foreign)")

        // Issued for the other platform: refused, and not consumed by the refusal.
        let otherPlatform = try await client.complete("META_ADS", code: redirect.code, state: state)
        #expect(refusal(otherPlatform) == ("BAD_USER_INPUT", "state", "OTHER_PLATFORM"), "\(otherPlatform)")
        #expect(try integrationCount() == 0)

        let completed = try await client.complete("GOOGLE_ADS", code: redirect.code, state: state)
        #expect(completed["errors"] == nil, "\(completed)")
        #expect((data(completed, "completeOAuth") as? [String: Any])?["connected"] as? Bool == true)

        // Reused.
        let reused = try await client.complete("GOOGLE_ADS", code: redirect.code, state: state)
        #expect(refusal(reused) == ("BAD_USER_INPUT", "state", "REUSED"), "\(reused)")

        // Expired.
        let (metaURL, metaState) = try await client.start("META_ADS")
        let metaRedirect = try await client.authorize(metaURL)
        try harness.sql("UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE state = \(metaState)")
        let expired = try await client.complete("META_ADS", code: metaRedirect.code, state: metaState)
        #expect(refusal(expired) == ("BAD_USER_INPUT", "state", "EXPIRED"), "\(expired)")
        #expect(try integrationCount() == 1)
    }

    @Test func aCodeThePlatformRefusesIsBadInputAndConsumesTheState() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let (_, state) = try await client.start("META_ADS")
        let body = try await client.complete("META_ADS", code: "meta-code-forged", state: state)
        let error = firstError(body)
        #expect(error.code == "BAD_USER_INPUT", "\(body)")
        #expect(error.field == "code", "\(body)")
        let used: Bool = try harness.database.pool(maximumConnections: 1).withConnection {
            try $0.query("SELECT used_at IS NOT NULL AS used FROM oauth_states WHERE state = \(state)")[0].decode("used")
        }
        #expect(used)
    }
}
