import Foundation
import Testing
import TestSupport

/// `scripts/connect-demo.sh KEY BASE_URL`, which `make run` uses to connect the demo organization: both
/// platforms connected through the API's OAuth flow with curl alone; running it again adds nothing.
@Suite struct ConnectDemoScriptTests {
    @Test func connectsBothPlatformsAndIsRepeatable() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let script = TestPaths.script("connect-demo.sh").path
        let base = harness.server.baseURL.absoluteString

        let first = try runCommand("/bin/bash", [script, key, base])
        #expect(first.status == 0, "\(first.output)")
        #expect(first.output.contains("connected GOOGLE_ADS") && first.output.contains("connected META_ADS"), "\(first.output)")
        let second = try runCommand("/bin/bash", [script, key, base])
        #expect(second.status == 0, "\(second.output)")

        let client = OAuthClient(harness: harness, key: key)
        let body = try await client.send("{ integrations { platform connected adAccounts { name } } }")
        let integrations = try #require(data(body, "integrations") as? [[String: Any]], "\(body)")
        #expect(integrations.compactMap { $0["platform"] as? String }.sorted() == ["GOOGLE_ADS", "META_ADS"])
        for integration in integrations {
            #expect(integration["connected"] as? Bool == true)
            #expect((integration["adAccounts"] as? [Any])?.isEmpty == false)
        }

        let refused = try runCommand("/bin/bash", [script, "cmk_not_a_key", base])
        #expect(refused.status == 1, "\(refused.output)")
        let usage = try runCommand("/bin/bash", [script])
        #expect(usage.status == 2)
    }
}
