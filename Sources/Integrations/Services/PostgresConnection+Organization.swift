import Foundation
import Postgres

extension PostgresConnection {
    /// Runs `body` in the connection's transaction when it is in one (the caller's, e.g. the API request's);
    /// else in a transaction of its own for `organizationID` (`app.organization_id` set), committed when
    /// `body` returns — so that what it decided, a disconnection for one, stays.
    func inOrganizationTransaction<T>(_ organizationID: UUID, _ body: (PostgresConnection) throws -> T) throws -> T {
        if isInTransaction { return try body(self) }
        return try withTransaction { connection in
            try connection.query("SELECT set_config('app.organization_id', $1, true)", [organizationID.postgresText])
            return try body(connection)
        }
    }
}
