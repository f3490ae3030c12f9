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
            databaseURL: bouncer.url(database: database.name), environment: ["CAMPAIGND_DB_PREPARED_STATEMENTS": "off"])
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
