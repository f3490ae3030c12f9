import Foundation
import Postgres
import TestSupport

/// A migrated database, organizations with known API keys, and the server behind nginx.
struct APITestHarness {
    let database: TestDatabase
    let server: TestServer

    init() throws {
        try self.init(environment: [:])
    }

    /// `environment`: settings of the responder beyond the defaults (limits, say).
    init(environment: [String: String]) throws {
        database = try TestCluster.shared.migratedDatabase()
        server = try TestServer(databaseURL: database.url, environment: environment)
    }

    /// Creates an organization and returns its API key.
    func organization(named name: String) throws -> String {
        let key = "cmk_test_\(UUID().uuidString)"
        try database.pool(maximumConnections: 1).withTransaction { connection in
            let id: UUID = try connection.query("INSERT INTO organizations (name) VALUES (\(name)) RETURNING id")[0].decode("id")
            try connection.query(
                "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(id), sha256(convert_to(\(key), 'UTF8')), 'cmk_test')")
        }
        return key
    }

    /// POSTs a GraphQL request as JSON.
    func post(_ body: [String: Any], key: String?, accept: String? = nil) async throws -> HTTPResponse {
        var headers = ["Content-Type": "application/json"]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        if let accept { headers["Accept"] = accept }
        return try await HTTPClient.send(server.url("/graphql"), method: "POST", headers: headers, body: JSONSerialization.data(withJSONObject: body))
    }

    func stop() { server.stop() }
}
