import Foundation
import Integrations
import Testing
import TestSupport

/// No OAuth token or app secret in the schema, in any API response, or in any log (the responder's, the
/// simulator's, nginx's access and error logs), whatever happened.
@Suite struct TokenSecrecyTests {
    @Test func theSchemaHasNoTokenField() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let body = try await client.send("{ __schema { types { name fields { name } inputFields { name } } } }")
        let types = try #require((data(body, "__schema") as? [String: Any])?["types"] as? [[String: Any]])
        #expect(types.contains { $0["name"] as? String == "Integration" })
        for type in types {
            let names = ((type["fields"] as? [[String: Any]]) ?? []) + ((type["inputFields"] as? [[String: Any]]) ?? [])
            for field in names.compactMap({ $0["name"] as? String }) {
                #expect(!field.lowercased().contains("token") && !field.lowercased().contains("secret"), "\(type["name"] ?? "").\(field)")
            }
        }
    }

    @Test func noTokenInAnyResponseOrLogLine() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        // Every path that handles tokens: connect, refresh, retry after expiry, failures, revocation, disconnect.
        let google = try #require(try await client.connect("GOOGLE_ADS")["id"] as? String)
        let meta = try #require(try await client.connect("META_ADS")["id"] as? String)
        try harness.sql("UPDATE integrations SET expires_at = now() - interval '1 minute'")
        _ = try await client.sync(google)
        _ = try await client.sync(meta)
        try await harness.simulatorControl("google_ads/expire_tokens")
        _ = try await client.sync(google)
        try await harness.simulatorControl("failures", ["platform": "meta_ads", "path": "", "failure": "expired_token", "times": 1])
        _ = try await client.sync(meta)
        try await harness.simulatorControl("failures", ["platform": "google_ads", "path": "", "failure": "server_error", "times": 4])
        _ = try await client.sync(google)
        try await harness.simulatorControl("google_ads/revoke_tokens")
        _ = try await client.sync(google)
        _ = try await client.send("mutation($id: ID!) { disconnectIntegration(id: $id) { id connected } }", ["id": meta])
        _ = try await client.send("{ integrations { \(OAuthClient.integrationFields) } adAccounts { id name } }")

        let tokens = try await harness.simulatorTokens()
        #expect(tokens.count >= 6, "the simulator issued tokens: \(tokens.count)")
        let responses = client.transcript.all
        try await Task.sleep(nanoseconds: 1_500_000_000)  // nginx flushes its access log every second
        let directory = harness.server.directory
        let logs = ["campaignd.log", "simulator.log", "nginx.log", "nginx/logs/access.log", "nginx/logs/error.log"].map { name in
            (name, (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "")
        }
        #expect(logs[3].1.contains("/oauth/access_token"), "the access log holds the token requests, by path only")
        let settings = PlatformSettings.simulator(harness.server.simulatorURL)
        let secrets = tokens.union([TestServer.tokenKey, settings.google.clientSecret, settings.meta.appSecret, TestSimulator.controlSecret])
        for secret in secrets {
            #expect(!responses.contains(secret), "a response contains a secret")
            for (name, log) in logs { #expect(!log.contains(secret), "\(name) contains a secret") }
        }
    }
}
