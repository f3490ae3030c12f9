import Foundation
import Testing
import TestSupport

/// Integrations and ad accounts through HTTP: read-only, tenant-scoped, never a token.
@Suite struct ConnectionTests {
    @Test func integrationsAndAdAccounts() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let other = try harness.organization(named: "Other Co.")
        let meta = try harness.insertIntegration(key: key, provider: "meta_ads")
        let google = try harness.insertIntegration(key: key, provider: "google_ads", connected: false)
        let metaAccount = try harness.insertAdAccount(key: key, integration: meta, external: "act_1", name: "Chips EU")
        _ = try harness.insertAdAccount(key: key, integration: meta, external: "act_2", name: "Old", removed: true)
        let googleAccount = try harness.insertAdAccount(key: key, integration: google, external: "123-456", name: "Chips US", currency: "USD")
        let otherIntegration = try harness.insertIntegration(key: other)
        _ = try harness.insertAdAccount(key: other, integration: otherIntegration, external: "act_9", name: "Other")

        let body = try await harness.send(
            "{ integrations { id platform connected expiresAt lastSyncedAt adAccounts { id externalAccountId name currency platform } } }", key: key)
        #expect(body["errors"] == nil, "\(body) \(harness.server.responder.output)")
        let integrations = try #require(data(body, "integrations") as? [[String: Any]])
        #expect(integrations.count == 2)
        let byID = Dictionary(uniqueKeysWithValues: integrations.map { ($0["id"] as? String ?? "", $0) })
        let metaNode = try #require(byID[globalID("Integration", meta)])
        #expect(metaNode["platform"] as? String == "META_ADS")
        #expect(metaNode["connected"] as? Bool == true)
        #expect(metaNode["expiresAt"] as? String == "2027-01-01T00:00:00.000Z")
        #expect(metaNode["lastSyncedAt"] as? String == "2026-11-01T12:00:00.000Z")
        let metaAccounts = try #require(metaNode["adAccounts"] as? [[String: Any]])
        #expect(metaAccounts.map { $0["id"] as? String } == [globalID("AdAccount", metaAccount)])
        #expect(metaAccounts.first?["externalAccountId"] as? String == "act_1")
        #expect(metaAccounts.first?["currency"] as? String == "EUR")
        let googleNode = try #require(byID[globalID("Integration", google)])
        #expect(googleNode["platform"] as? String == "GOOGLE_ADS")
        #expect(googleNode["connected"] as? Bool == false)

        let all = try await harness.send("{ adAccounts { id name platform } }", key: key)
        let accounts = try #require(data(all, "adAccounts") as? [[String: Any]])
        #expect(accounts.map { $0["name"] as? String } == ["Chips EU", "Chips US"])
        let google2 = try await harness.send("{ adAccounts(platform: GOOGLE_ADS) { id platform } }", key: key)
        let googleAccounts = try #require(data(google2, "adAccounts") as? [[String: Any]])
        #expect(googleAccounts.map { $0["id"] as? String } == [globalID("AdAccount", googleAccount)])
        #expect(googleAccounts.first?["platform"] as? String == "GOOGLE_ADS")

        let others = try await harness.send("{ integrations { id } adAccounts { name } }", key: other)
        #expect((data(others, "integrations") as? [Any])?.count == 1)
        #expect((data(others, "adAccounts") as? [[String: Any]])?.map { $0["name"] as? String } == ["Other"])
    }

    @Test func noResponseContainsAToken() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertIntegration(key: key, token: "tok-SUPERSECRET")
        _ = try harness.insertAdAccount(key: key, integration: integration, external: "act_1", name: "Chips EU")
        let queries = [
            "{ integrations { id platform connected expiresAt lastSyncedAt adAccounts { id externalAccountId name currency platform } } }",
            "{ adAccounts { id externalAccountId name currency platform } }",
            "{ __type(name: \"Integration\") { fields { name } } }",
        ]
        for query in queries {
            let text = try await harness.sendRaw(query, key: key)
            #expect(!text.contains("SUPERSECRET"), "\(text)")
            #expect(!text.lowercased().contains("token"), "\(text)")
        }
        // The stored token is really encrypted with the test key.
        #expect(try harness.scalar("SELECT count(*)::int FROM integrations WHERE pgp_sym_decrypt(access_token, 'test-key') = 'tok-SUPERSECRET'") == 1)
    }
}
