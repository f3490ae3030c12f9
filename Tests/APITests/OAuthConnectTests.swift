import Foundation
import Testing
import TestSupport

/// The whole connect flow against the simulator over real HTTP: startOAuth → the consent page's 302 →
/// completeOAuth → tokens stored encrypted → ad accounts synced; reconnecting and disconnecting.
@Suite struct OAuthConnectTests {
    @Test(arguments: ["GOOGLE_ADS", "META_ADS"])
    func connectStoresEncryptedTokensAndSyncsAccounts(_ platform: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let integration = try await client.connect(platform)

        #expect(integration["platform"] as? String == platform)
        #expect(integration["connected"] as? Bool == true)
        let expiresAt = try #require(integration["expiresAt"] as? String, "\(integration)")
        let expiry = try #require(ISO8601DateFormatter.withFractions.date(from: expiresAt))
        #expect(expiry > Date().addingTimeInterval(600), "\(expiresAt)")
        #expect(integration["lastSyncedAt"] is String, "\(integration)")
        let accounts = try #require(integration["adAccounts"] as? [[String: Any]])
        #expect(!accounts.isEmpty, "the simulator lists accounts: \(integration)")
        for account in accounts {
            #expect(account["platform"] as? String == platform)
            #expect(account["removed"] as? Bool == false)
            #expect((account["currency"] as? String)?.count == 3)
            #expect(!((account["name"] as? String) ?? "").isEmpty)
        }

        // The tokens are the simulator's, encrypted with the server's key, never in clear in the columns.
        let id = try integrationUUID(integration["id"])
        let stored = try harness.storedTokens(id)
        let issued = try await harness.simulatorTokens()
        let access = try #require(stored.access)
        #expect(issued.contains(access), "stored access token is one the simulator issued")
        if let refresh = stored.refresh { #expect(issued.contains(refresh)) }
        if platform == "GOOGLE_ADS" { #expect(stored.refresh != nil, "Google issues a refresh token") }
        #expect(!stored.plainInColumns)

        // The same accounts connected again update the integration instead of adding one.
        let again = try await client.connect(platform)
        #expect(again["id"] as? String == integration["id"] as? String)
        #expect((again["adAccounts"] as? [[String: Any]])?.count == accounts.count)
        let list = try await client.send("{ integrations { id } }")
        #expect((data(list, "integrations") as? [Any])?.count == 1, "\(list)")
        let newTokens = try harness.storedTokens(id)
        let newAccess = try #require(newTokens.access)
        #expect(newAccess != access, "reconnecting stores the new token")
    }

    @Test func disconnectForgetsTokensAndReconnectRestores() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let integration = try await client.connect("GOOGLE_ADS")
        let id = try #require(integration["id"] as? String)

        let body = try await client.send("mutation($id: ID!) { disconnectIntegration(id: $id) { \(OAuthClient.integrationFields) } }", ["id": id])
        let disconnected = try #require(data(body, "disconnectIntegration") as? [String: Any], "\(body)")
        #expect(disconnected["connected"] as? Bool == false)
        #expect(disconnected["expiresAt"] is NSNull)
        #expect((disconnected["adAccounts"] as? [Any])?.isEmpty == false, "accounts stay for their campaigns")
        let stored = try harness.storedTokens(try integrationUUID(id))
        #expect(stored.access == nil && stored.refresh == nil)

        let sync = try await client.sync(id)
        #expect(firstError(sync).code == "RECONNECT_REQUIRED", "\(sync)")

        let reconnected = try await client.connect("GOOGLE_ADS")
        #expect(reconnected["id"] as? String == id)
        #expect(reconnected["connected"] as? Bool == true)
        let synced = try await client.sync(id)
        #expect(synced["errors"] == nil, "\(synced)")
    }

    @Test func anotherOrganizationsIntegrationIsNotFound() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Co.")
        let integration = try await OAuthClient(harness: harness, key: key).connect("META_ADS")
        let id = try #require(integration["id"] as? String)
        let other = OAuthClient(harness: harness, key: otherKey)
        for query in ["mutation($id: ID!) { syncAdAccounts(integrationId: $id) { id } }",
                      "mutation($id: ID!) { disconnectIntegration(id: $id) { id } }"] {
            for candidate in [id, "not-an-id", globalID("Campaign", try integrationUUID(id))] {
                let body = try await other.send(query, ["id": candidate])
                #expect(firstError(body).code == "NOT_FOUND", "\(query) \(candidate): \(body)")
            }
        }
        let after = try await OAuthClient(harness: harness, key: key).integration(id)
        #expect(after["connected"] as? Bool == true)
    }
}

extension ISO8601DateFormatter {
    nonisolated(unsafe) static let withFractions: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
