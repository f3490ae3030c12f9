import Foundation
import Postgres

/// A tenant as the product sees it.
public struct Organization: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var createdAt: Date
}

/// Reads the caller's own organization.
public struct OrganizationService: Sendable {
    public init() {}

    public func current(in session: TenantSession) throws -> Organization {
        let row = try session.connection.query(
            "SELECT id, name, created_at FROM organizations WHERE id = \(session.organizationID)")[0]
        return Organization(id: try row.decode("id"), name: try row.decode("name"), createdAt: try row.decode("created_at"))
    }
}
