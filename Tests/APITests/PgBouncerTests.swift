import Foundation
import Testing
import TestSupport

/// Several responders share PostgreSQL through PgBouncer in transaction mode: each request's transaction may
/// run on any server connection, so nothing may rely on session state (prepared statements are turned off,
/// tenancy and time limits are transaction-local).
@Suite struct PgBouncerTests {
    @Test func theServerWorksThroughPgBouncerInTransactionMode() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let bouncer = try TestPgBouncer(cluster: TestCluster.shared, serverConnections: 2)
        defer { bouncer.stop() }
        let server = try TestServer(
            databaseURL: bouncer.url(database: database.name), environment: ["CAMPAIGND_DB_PREPARED_STATEMENTS": "off", "CAMPAIGND_API_KEY_CACHE_SECONDS": "300"])
        let harness = APITestHarness(database: database, server: server)
        defer { harness.stop() }
        let tasty = try harness.organization(named: "Tasty Chips Co.")
        let other = try harness.organization(named: "Other Co.")

        // Sixteen requests at once over two server connections, each in its own organization's scope.
        let created = try await withThrowingTaskGroup(of: String?.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let body = try await harness.send(
                        "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { name } }",
                        ["input": ["name": "Audience \(index)", "locations": ["US"], "ageMin": 18, "ageMax": 65, "interests": []]],
                        key: index % 2 == 0 ? tasty : other)
                    return (data(body, "createAudience") as? [String: Any])?["name"] as? String
                }
            }
            return try await group.reduce(into: [String]()) { if let name = $1 { $0.append(name) } }
        }
        #expect(created.count == 16)
        for (key, parity) in [(tasty, 0), (other, 1)] {
            let body = try await harness.send("{ audiences(first: 50) { edges { node { name } } } }", key: key)
            let names = ((data(body, "audiences") as? [String: Any])?["edges"] as? [[String: Any]] ?? [])
                .compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            #expect(Set(names) == Set(stride(from: parity, to: 16, by: 2).map { "Audience \($0)" }), "\(body)")
        }

        // Planned pages, each a query's only statement: the key check and the page in one pipeline that PgBouncer must
        // keep on one server connection, as its own transaction, sixteen at once.
        for (key, name) in [(tasty, "Tasty page"), (other, "Other page")] {
            let organization = try harness.organizationID(key: key)
            let account = try harness.insertAdAccount(
                key: key, integration: try harness.insertIntegration(key: key), external: "act_\(name.prefix(5))", name: name)
            try harness.sql("""
                INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective)
                VALUES (\(organization), \(account), \(name), 'meta_ads', 'sales')
                """)
        }
        let pages = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<16 {
                group.addTask {
                    (index, try await harness.sendRaw("{ campaigns(first: 5) { edges { node { name } } } }", key: index % 2 == 0 ? tasty : other))
                }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        for (index, page) in pages {
            #expect(page == #"{"data":{"campaigns":{"edges":[{"node":{"name":"\#(index % 2 == 0 ? "Tasty page" : "Other page")"}}]}}}"#)
        }
        #expect(try await plannedReads(server) == 16)
        let health = try await HTTPClient.send(server.url("/readyz"))
        #expect(health.status == 200)
    }
}

extension APITestHarness {
    /// A harness over a server started some other way (behind PgBouncer, say).
    init(database: TestDatabase, server: TestServer) {
        self.database = database
        self.server = server
    }
}
