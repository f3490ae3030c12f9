import Foundation
import Integrations
import Postgres

/// Where platform calls get their access token: read for one integration, refreshed and the call retried once
/// when the platform says the token expired.
public protocol PlatformAccessTokens: Sendable {
    func withAccessToken<Value>(
        integrationID: UUID, organizationID: UUID, on connection: PostgresConnection, _ call: (String) throws -> Value
    ) throws -> Value
}

/// A minimal token reader standing in for the integrations module's TokenService until it lands: tokens are
/// decrypted with the configured key, refreshed through the platform's connector on `tokenExpired`, and stored
/// encrypted again. Tokens never leave this type except into the platform call.
public struct EncryptedIntegrationTokens: PlatformAccessTokens {
    let providers: PlatformProviders
    let encryptionKey: String

    public init(providers: PlatformProviders, encryptionKey: String) {
        self.providers = providers
        self.encryptionKey = encryptionKey
    }

    public func withAccessToken<Value>(
        integrationID: UUID, organizationID: UUID, on connection: PostgresConnection, _ call: (String) throws -> Value
    ) throws -> Value {
        let (platform, tokens) = try read(integrationID, organizationID, on: connection)
        do {
            return try call(tokens.accessToken)
        } catch PlatformError.tokenExpired {
            let fresh = try providers.connector(for: platform).refresh(tokens)
            try store(fresh, integrationID, organizationID, on: connection)
            return try call(fresh.accessToken)
        }
    }

    private func read(_ integrationID: UUID, _ organizationID: UUID, on connection: PostgresConnection) throws -> (AdPlatform, OAuthTokens) {
        let rows = try connection.query(
            """
            SELECT provider, pgp_sym_decrypt(access_token, $3) AS access_token,
                   CASE WHEN refresh_token IS NULL THEN NULL ELSE pgp_sym_decrypt(refresh_token, $3) END AS refresh_token, expires_at
            FROM integrations WHERE organization_id = $1 AND id = $2 AND connected AND access_token IS NOT NULL
            """, [organizationID, integrationID, encryptionKey])
        guard let row = rows.first, let platform = AdPlatform(rawValue: try row.decode("provider")) else {
            throw PlatformError.reconnectRequired(message: "The integration is not connected.")
        }
        return (platform, OAuthTokens(
            accessToken: try row.decode("access_token"), refreshToken: try row.decode("refresh_token", as: String?.self),
            expiresAt: try row.decode("expires_at", as: Date?.self)))
    }

    private func store(_ tokens: OAuthTokens, _ integrationID: UUID, _ organizationID: UUID, on connection: PostgresConnection) throws {
        try connection.query(
            """
            UPDATE integrations SET access_token = pgp_sym_encrypt($3, $5),
                refresh_token = CASE WHEN $4::text IS NULL THEN refresh_token ELSE pgp_sym_encrypt($4::text, $5) END,
                expires_at = $6
            WHERE organization_id = $1 AND id = $2
            """, [organizationID, integrationID, tokens.accessToken, tokens.refreshToken, encryptionKey, tokens.expiresAt])
    }
}
