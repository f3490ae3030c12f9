import Foundation
import Postgres

extension PostgresConnection {
    /// A short transaction on a connection of the service's own (not the request's), under the same rules as a
    /// request: role `campaignd_app` with row-level security, `app.organization_id` set. It commits on return, so
    /// what it records survives whatever happens to the request afterwards. A lock timeout turns a wait on a row
    /// the caller's own request transaction holds into an error instead of a hang.
    func withTenantTransaction<Value>(_ organizationID: UUID, _ body: (TenantSession) throws -> Value) throws -> Value {
        try withTransaction { connection in
            try connection.execute("SET LOCAL ROLE campaignd_app; SET LOCAL lock_timeout = '5s'")
            return try body(TenantSession.begin(organizationID: organizationID, on: connection))
        }
    }
}
