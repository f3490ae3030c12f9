import Foundation
import Postgres

/// The one place that reads and writes integration tokens. They are stored as `pgp_sym_encrypt` output;
/// the key only ever travels as a statement parameter, so it is neither stored nor in any statement text.
struct IntegrationTokenStore: Sendable {
    let key: String

    /// A connected integration's state, its row locked until the transaction ends.
    struct LockedIntegration {
        var provider: AdPlatform
        var connected: Bool
        var tokens: OAuthTokens?
    }

    /// Locks the integration's row (`FOR UPDATE`) so that concurrent callers refresh it once, and decrypts its tokens.
    func lock(_ integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws -> LockedIntegration? {
        guard let row = try connection.query(
            """
            SELECT provider, connected, expires_at,
                   pgp_sym_decrypt(access_token, \(key)) AS access_token, pgp_sym_decrypt(refresh_token, \(key)) AS refresh_token
            FROM integrations WHERE organization_id = \(organizationID) AND id = \(integrationID) FOR UPDATE
            """).first else { return nil }
        guard let provider = AdPlatform(rawValue: try row.decode("provider")) else {
            throw PostgresError.decoding(column: "provider", message: "unknown platform")
        }
        let accessToken = try row.decode("access_token", as: String?.self)
        return LockedIntegration(
            provider: provider, connected: try row.decode("connected"),
            tokens: accessToken.map {
                OAuthTokens(accessToken: $0, refreshToken: try? row.decode("refresh_token", as: String?.self),
                            expiresAt: try? row.decode("expires_at", as: Date?.self))
            })
    }

    /// Stores new tokens; a platform that sends no new refresh token keeps the old one.
    func store(_ tokens: OAuthTokens, integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE integrations SET access_token = pgp_sym_encrypt(\(tokens.accessToken), \(key)),
                refresh_token = CASE WHEN \(tokens.refreshToken)::text IS NULL THEN refresh_token ELSE pgp_sym_encrypt(\(tokens.refreshToken), \(key)) END,
                expires_at = \(tokens.expiresAt), connected = true, disconnected_at = NULL
            WHERE organization_id = \(organizationID) AND id = \(integrationID)
            """)
    }

    /// A new connected integration with its tokens.
    func insert(_ tokens: OAuthTokens, provider: AdPlatform, organizationID: UUID, on connection: PostgresConnection) throws -> UUID {
        try connection.query(
            """
            INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at, connected)
            VALUES (\(organizationID), \(provider.rawValue), pgp_sym_encrypt(\(tokens.accessToken), \(key)), CASE WHEN \(tokens.refreshToken)::text IS NULL THEN NULL ELSE pgp_sym_encrypt(\(tokens.refreshToken), \(key)) END, \(tokens.expiresAt), true)
            RETURNING id
            """)[0].decode("id")
    }

    /// Forgets the tokens and marks the integration disconnected; false when there is no such integration.
    @discardableResult
    static func disconnect(_ integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws -> Bool {
        !(try connection.query(
            """
            UPDATE integrations SET connected = false, access_token = NULL, refresh_token = NULL, expires_at = NULL,
                disconnected_at = coalesce(disconnected_at, now())
            WHERE organization_id = \(organizationID) AND id = \(integrationID) RETURNING id
            """).isEmpty)
    }
}
