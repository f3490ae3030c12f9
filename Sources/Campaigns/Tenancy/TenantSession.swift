import Foundation
import Postgres

/// A database transaction scoped to one organization: the statements of a request run in it, and
/// row-level security sees the organization through `app.organization_id`.
public struct TenantSession: @unchecked Sendable {
    public let organizationID: UUID
    public let connection: PostgresConnection

    /// Opens the scope on a connection that is inside a transaction.
    public static func begin(organizationID: UUID, on connection: PostgresConnection) throws -> TenantSession {
        try connection.query("SELECT set_config('app.organization_id', $1, true)", [organizationID.postgresText])
        return TenantSession(organizationID: organizationID, connection: connection)
    }
}

/// Finds the organization an API key belongs to; keys are compared by their SHA-256 hash only.
public struct APIKeyAuthenticator: Sendable {
    public init() {}

    public func organization(forKey key: String, on connection: PostgresConnection) throws -> UUID? {
        let rows = try connection.query(
            "SELECT organization_id FROM api_keys WHERE key_hash = sha256(convert_to($1, 'UTF8')) AND revoked_at IS NULL",
            [key])
        return try rows.first?.decode("organization_id", as: UUID.self)
    }
}
