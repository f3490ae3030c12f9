import Foundation
import Testing
import TestSupport

/// Rate limits and server errors from a platform: retried with backoff by the providers, and surfaced with a
/// code saying what to do when they persist.
@Suite struct PlatformFailureTests {
    func inject(_ harness: APITestHarness, _ platform: String, _ failure: String, times: Int) async throws {
        try await harness.simulatorControl("failures", ["platform": platform, "path": "", "failure": failure, "times": times])
    }

    @Test(arguments: [("GOOGLE_ADS", "google_ads"), ("META_ADS", "meta_ads")])
    func transientFailuresAreRetriedThenSurfaced(_ platform: String, _ simulatorName: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect(platform)
        let id = try #require(integration["id"] as? String)
        let accounts = try #require(integration["adAccounts"] as? [[String: Any]]).count

        // Two failures in a row: the retries absorb them.
        for failure in ["rate_limit", "server_error"] {
            try await inject(harness, simulatorName, failure, times: 2)
            let sync = try await client.sync(id)
            #expect(sync["errors"] == nil, "\(failure) retried: \(sync)")
            #expect((data(sync, "syncAdAccounts") as? [Any])?.count == accounts)
        }

        // Failures that outlast the retries reach the client with a code that says what to do.
        try await inject(harness, simulatorName, "rate_limit", times: 4)
        let limited = try await client.sync(id)
        #expect(firstError(limited).code == "PLATFORM_RATE_LIMITED", "\(limited)")
        #expect(((limited["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any])?["retryAfter"] is Double)
        try await inject(harness, simulatorName, "server_error", times: 4)
        let unavailable = try await client.sync(id)
        #expect(firstError(unavailable).code == "PLATFORM_UNAVAILABLE", "\(unavailable)")

        // The integration is still connected and works once the platform recovers.
        let recovered = try await client.sync(id)
        #expect(recovered["errors"] == nil, "\(recovered)")
        #expect((try await client.integration(id))["connected"] as? Bool == true)
    }

    @Test func aFailingTokenEndpointFailsTheConnectionWithACodeAndStoresNothing() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let (url, state) = try await client.start("GOOGLE_ADS")
        let redirect = try await client.authorize(url)
        try await harness.simulatorControl("failures", ["platform": "google_ads", "path": "token", "failure": "server_error", "times": 4])
        let body = try await client.complete("GOOGLE_ADS", code: redirect.code, state: state)
        #expect(firstError(body).code == "PLATFORM_UNAVAILABLE", "\(body)")
        let list = try await client.send("{ integrations { id } }")
        #expect((data(list, "integrations") as? [Any])?.isEmpty == true)
    }

    /// The accounts cannot be listed right after the code was exchanged: the connection is kept (the code is
    /// spent), and its accounts arrive with the next sync.
    @Test func aFailingAccountListKeepsTheConnectionForTheNextSync() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let (url, state) = try await client.start("GOOGLE_ADS")
        let redirect = try await client.authorize(url)
        try await harness.simulatorControl("failures", [
            "platform": "google_ads", "path": "listAccessibleCustomers", "failure": "server_error", "times": 4,
        ])
        let body = try await client.complete("GOOGLE_ADS", code: redirect.code, state: state)
        #expect(firstError(body).code == "PLATFORM_UNAVAILABLE", "\(body)")
        let list = try await client.send("{ integrations { id connected adAccounts { id } } }")
        let integrations = try #require(data(list, "integrations") as? [[String: Any]], "\(list)")
        #expect(integrations.count == 1)
        #expect(integrations.first?["connected"] as? Bool == true)
        #expect((integrations.first?["adAccounts"] as? [Any])?.isEmpty == true)
        let sync = try await client.sync(try #require(integrations.first?["id"] as? String))
        #expect(sync["errors"] == nil, "\(sync)")
        #expect(((data(sync, "syncAdAccounts") as? [Any])?.count ?? 0) > 0)
    }
}
