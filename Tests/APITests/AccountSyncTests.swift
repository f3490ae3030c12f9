import Foundation
import Integrations
import Testing
import TestSupport

/// syncAdAccounts applies what the platform lists now: renames, currency changes, new accounts, removals
/// (marked, not deleted) and accounts that come back.
@Suite struct AccountSyncTests {
    /// Platform name in the API, in the simulator, the control body's id key, and an id to add.
    static let platforms = [
        ("GOOGLE_ADS", "google_ads", "customerId", "5550001111"),
        ("META_ADS", "meta_ads", "accountId", "1000000777"),
    ]

    @Test(arguments: platforms)
    func renamesRemovalsAndReturnsAreSynced(_ platform: String, _ simulatorName: String, _ idKey: String, _ newID: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect(platform)
        let id = try #require(integration["id"] as? String)
        let accounts = try #require(integration["adAccounts"] as? [[String: Any]])
        #expect(accounts.count >= 2, "\(accounts)")
        let renamed = try #require(accounts[0]["externalAccountId"] as? String)
        let removed = try #require(accounts[1]["externalAccountId"] as? String)
        let removedAccountID = try #require(accounts[1]["id"] as? String)
        // The platform's id as its control endpoint takes it (digits; Meta lists `act_…` ids).
        func platformID(_ external: String) -> String { external.filter(\.isNumber) }

        try await harness.simulatorControl("\(simulatorName)/rename_account", [idKey: platformID(renamed), "name": "Renamed on the platform"])
        try await harness.simulatorControl("\(simulatorName)/remove_account", [idKey: platformID(removed)])
        try await harness.simulatorControl("\(simulatorName)/add_account", [idKey: newID, "name": "Brand new", "currency": "EUR"])

        let sync = try await client.sync(id)
        #expect(sync["errors"] == nil, "\(sync)")
        let synced = try #require(data(sync, "syncAdAccounts") as? [[String: Any]])
        let byExternal = Dictionary(uniqueKeysWithValues: synced.map { ($0["externalAccountId"] as? String ?? "", $0) })
        #expect(synced.count == accounts.count + 1, "removed ones included: \(synced)")
        #expect(byExternal[renamed]?["name"] as? String == "Renamed on the platform")
        #expect(byExternal[removed]?["removed"] as? Bool == true)
        #expect(byExternal[removed]?["id"] as? String == removedAccountID, "marked, not replaced")
        let added = try #require(synced.first { platformID($0["externalAccountId"] as? String ?? "") == newID }, "\(synced)")
        #expect(added["currency"] as? String == "EUR")
        #expect(added["removed"] as? Bool == false)

        // The integration lists only the accounts still on the platform; the removed one is still reachable.
        let node = try await client.integration(id)
        let listed = (node["adAccounts"] as? [[String: Any]] ?? []).compactMap { $0["externalAccountId"] as? String }
        #expect(!listed.contains(removed) && listed.contains(renamed))
        let removedNode = try await client.send("query($id: ID!) { node(id: $id) { ... on AdAccount { removed name } } }", ["id": removedAccountID])
        #expect((data(removedNode, "node") as? [String: Any])?["removed"] as? Bool == true, "\(removedNode)")

        // The account comes back (re-added on the platform, with another currency): un-marked and updated.
        try await harness.simulatorControl("\(simulatorName)/add_account", [idKey: platformID(removed), "name": "Back again", "currency": "GBP"])
        let again = try await client.sync(id)
        let back = (data(again, "syncAdAccounts") as? [[String: Any]] ?? []).first { $0["externalAccountId"] as? String == removed }
        #expect(back?["removed"] as? Bool == false, "\(again)")
        #expect(back?["id"] as? String == removedAccountID)
        #expect(back?["name"] as? String == "Back again")
        #expect(back?["currency"] as? String == "GBP")
        #expect((try await client.integration(id))["lastSyncedAt"] is String)
    }

    /// The periodic task calls the service on a connection outside a transaction: the sync commits, and so
    /// does a disconnection when the platform refuses the connection.
    @Test func syncOnAConnectionWithoutATransaction() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let client = OAuthClient(harness: harness, key: key)
        let globalID = try #require(try await client.connect("GOOGLE_ADS")["id"] as? String)
        let id = try integrationUUID(globalID)
        let organization = try harness.organizationID(key: key)
        let providers = PlatformProviders(settings: .simulator(harness.server.simulatorURL))
        let service = AccountSyncService(providers: providers, tokens: TokenService(providers: providers, encryptionKey: TestServer.tokenKey))
        let pool = harness.database.pool(maximumConnections: 1)

        try await harness.simulatorControl("google_ads/rename_account", ["customerId": "1234567890", "name": "Renamed by the task"])
        let ids = try pool.withConnection { try service.sync(integrationID: id, organizationID: organization, on: $0) }
        #expect(!ids.isEmpty)
        let names = (try await client.integration(globalID))["adAccounts"] as? [[String: Any]] ?? []
        #expect(names.contains { $0["name"] as? String == "Renamed by the task" }, "\(names)")

        try await harness.simulatorControl("google_ads/revoke_tokens")
        #expect {
            try pool.withConnection { try service.sync(integrationID: id, organizationID: organization, on: $0) }
        } throws: { error in
            if case IntegrationError.reconnectRequired(let integrationID, _) = error { return integrationID == id }
            return false
        }
        #expect((try await client.integration(globalID))["connected"] as? Bool == false)
        #expect(throws: IntegrationError.integrationNotFound) {
            try pool.withConnection { try service.sync(integrationID: UUID(), organizationID: organization, on: $0) }
        }
    }

    /// An account the platform lists with a currency that is not ISO 4217 fails the sync with PLATFORM_ERROR
    /// and nothing of it is written: not the rename listed before it, not the removal.
    @Test func anAccountWithABadCurrencyFailsTheSyncWithoutWritingAnything() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let client = OAuthClient(harness: harness, key: try harness.organization(named: "Tasty Chips Co."))
        let integration = try await client.connect("META_ADS")
        let id = try #require(integration["id"] as? String)
        let before = try #require(integration["adAccounts"] as? [[String: Any]])
        let renamed = try #require(before.first?["externalAccountId"] as? String)

        try await harness.simulatorControl("meta_ads/rename_account", ["accountId": renamed.filter(\.isNumber), "name": "Renamed on the platform"])
        try await harness.simulatorControl("meta_ads/add_account", ["accountId": "1000000888", "name": "Odd", "currency": "EURO"])
        let sync = try await client.sync(id)
        #expect(firstError(sync).code == "PLATFORM_ERROR", "\(sync)")

        let after = (try await client.integration(id))["adAccounts"] as? [[String: Any]] ?? []
        #expect(after.count == before.count, "\(after)")
        #expect(!after.contains { $0["name"] as? String == "Renamed on the platform" }, "nothing of a refused sync is written: \(after)")
    }
}
