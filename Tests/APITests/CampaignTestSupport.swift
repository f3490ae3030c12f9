import Foundation
import Postgres
import Testing
import TestSupport

/// Shared helpers for the connections, campaigns and creatives suites.
extension APITestHarness {
    /// Posts a request and returns the parsed body.
    func send(_ query: String, _ variables: [String: Any] = [:], key: String) async throws -> [String: Any] {
        let response = try await post(["query": query, "variables": variables], key: key)
        #expect(response.status == 200)
        return try response.json()
    }

    /// Posts a request and returns the raw body text.
    func sendRaw(_ query: String, _ variables: [String: Any] = [:], key: String) async throws -> String {
        let response = try await post(["query": query, "variables": variables], key: key)
        let body: [String: Any] = try response.json()
        return String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
    }

    func organizationID(key: String) throws -> UUID {
        try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query("SELECT organization_id FROM api_keys WHERE key_hash = sha256(convert_to(\(key), 'UTF8'))")[0]
                .decode("organization_id")
        }
    }

    /// Inserts an integration (tokens encrypted with `test-key`) and returns its id.
    func insertIntegration(key: String, provider: String = "meta_ads", token: String = "secret-access-token", connected: Bool = true) throws -> UUID {
        let organization = try organizationID(key: key)
        return try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at, connected, last_synced_at)
                VALUES (\(organization), \(provider), pgp_sym_encrypt(\(token), 'test-key'), pgp_sym_encrypt(\(token) || '-refresh', 'test-key'),
                        '2027-01-01T00:00:00Z', \(connected), '2026-11-01T12:00:00Z') RETURNING id
                """)[0].decode("id")
        }
    }

    /// Inserts an ad account and returns its id; a Meta account runs as the simulator's advertisable Page and names
    /// its EU beneficiary and payer.
    func insertAdAccount(key: String, integration: UUID, external: String, name: String, currency: String = "EUR", removed: Bool = false) throws -> UUID {
        let organization = try organizationID(key: key)
        return try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency, removed_at, page_id, page_name,
                                         dsa_beneficiary, dsa_payor)
                SELECT \(organization), \(integration), \(external), \(name), \(currency), CASE WHEN \(removed) THEN now() END,
                       CASE WHEN i.provider = 'meta_ads' THEN \(Self.simulatorPageID) END, CASE WHEN i.provider = 'meta_ads' THEN 'Tasty Chips' END,
                       CASE WHEN i.provider = 'meta_ads' THEN 'Tasty Chips Co.' END, CASE WHEN i.provider = 'meta_ads' THEN 'Tasty Chips Co.' END
                FROM integrations i WHERE i.id = \(integration)
                RETURNING id
                """)[0].decode("id")
        }
    }

    /// The Page the simulator's person can advertise for (`GET /me/accounts`).
    static let simulatorPageID = "102030405060708"

    func scalar(_ sql: PostgresQuery) throws -> Int {
        try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(sql)[0].decode(at: 0, as: Int.self)
        }
    }
}

func data(_ body: [String: Any], _ field: String) -> Any? { (body["data"] as? [String: Any])?[field] }

func firstError(_ body: [String: Any]) -> (code: String?, field: String?, message: String?) {
    let error = (body["errors"] as? [[String: Any]])?.first
    let extensions = error?["extensions"] as? [String: Any]
    return (extensions?["code"] as? String, extensions?["field"] as? String, error?["message"] as? String)
}

func globalID(_ type: String, _ id: UUID) -> String {
    Data("\(type):\(id.uuidString.lowercased())".utf8).base64EncodedString()
}

/// `campaignd_planned_reads_total` as the server's /metrics reads it; 0 before its first planned read (no sample yet).
func plannedReads(_ server: TestServer) async throws -> Int {
    let prefix = "campaignd_planned_reads_total "
    let text = try await HTTPClient.send(server.url("/metrics")).text
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return 0 }
    return try #require(Int(line.dropFirst(prefix.count)), "\(line)")
}
