import Foundation
import Postgres

extension PostgresConnection {
    /// A short transaction on a connection of the service's own (not the request's), in the organization's
    /// scope (`withOrganizationScope`), handed over as the session the services take.
    func withTenantTransaction<Value>(_ organizationID: UUID, _ body: (TenantSession) throws -> Value) throws -> Value {
        try withOrganizationScope(organizationID) { connection in
            try body(TenantSession(organizationID: organizationID, connection: connection))
        }
    }
}
