import Foundation
import Postgres

/// Access tokens as stored for an integration, decrypted with the configured key in the statement (the key
/// is a parameter, never stored). Refusing a disconnected integration keeps a sync from using a dead token.
struct StoredAccessTokens: Sendable {
    let pool: PostgresPool
    let tokenKey: String

    func accessToken(organizationID: UUID, integrationID: UUID) throws -> String {
        let row = try pool.withConnection { connection in
            try connection.query(
                """
                SELECT connected, pgp_sym_decrypt(access_token, $3) AS token FROM integrations
                WHERE organization_id = $1 AND id = $2
                """, [organizationID, integrationID, tokenKey]).first
        }
        guard let row, try row.decode("connected", as: Bool.self), let token = try row.decode("token", as: String?.self) else {
            throw AccessTokenUnavailable(integrationID: integrationID)
        }
        return token
    }
}

struct AccessTokenUnavailable: Error, CustomStringConvertible {
    let integrationID: UUID
    var description: String {
        "integration \(integrationID.uuidString.lowercased()) is not connected or has no access token; connect it again"
    }
}
