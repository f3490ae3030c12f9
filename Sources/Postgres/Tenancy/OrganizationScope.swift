import Foundation

/// The one way into one organization's rows outside an API request (whose scope `begin_api_request` opens in
/// its first statement): the transaction switches to `campaignd_app`, the role that owns nothing and is bound
/// by row-level security, with `app.organization_id` set and a lock timeout, so a service, the worker or an
/// integration sees and writes that organization's rows only, whatever its SQL says.
public enum OrganizationScope {
    /// The role every tenant statement runs as.
    public static let role = "campaignd_app"
    /// How long a statement of a scope waits for a row lock before failing (a wait on a row the caller's own
    /// request transaction holds would otherwise never end).
    public static let lockTimeoutMilliseconds = 5_000
}

extension PostgresConnection {
    /// Puts the current transaction in the organization's scope, in one statement.
    public func enterOrganizationScope(_ organizationID: UUID) throws {
        precondition(isInTransaction, "an organization's scope lasts one transaction: begin one first")
        try query(
            """
            SELECT set_config('role', \(OrganizationScope.role), true), set_config('app.organization_id', \(organizationID.postgresText), true),
                   set_config('lock_timeout', \("\(OrganizationScope.lockTimeoutMilliseconds)ms"), true)
            """)
    }

    /// Runs `body` in a transaction of its own in the organization's scope, committed when `body` returns, so
    /// what it records stays whatever happens to the caller afterwards.
    public func withOrganizationScope<Value>(_ organizationID: UUID, _ body: (PostgresConnection) throws -> Value) throws -> Value {
        try withTransaction { connection in
            try connection.enterOrganizationScope(organizationID)
            return try body(connection)
        }
    }
}

extension PostgresPool {
    /// `withOrganizationScope` on a connection of the pool.
    public func withOrganizationScope<Value>(_ organizationID: UUID, _ body: (PostgresConnection) throws -> Value) throws -> Value {
        try withConnection { try $0.withOrganizationScope(organizationID, body) }
    }
}
