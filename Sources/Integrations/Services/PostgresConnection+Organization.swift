import Foundation
import Postgres

extension PostgresConnection {
    /// Runs `body` in the connection's transaction when it is in one (the caller's, an API request's, already in
    /// the organization's scope); else in a transaction of its own in the organization's scope
    /// (`withOrganizationScope`: the application role, bound by row-level security), committed when `body`
    /// returns — so that what it decided, a disconnection for one, stays.
    func inOrganizationTransaction<T>(_ organizationID: UUID, _ body: (PostgresConnection) throws -> T) throws -> T {
        if isInTransaction { return try body(self) }
        return try withOrganizationScope(organizationID, body)
    }
}
