import Foundation
import Postgres

/// A page of audiences, newest first.
public struct AudiencePage: Sendable {
    public var audiences: [(audience: Audience, cursor: CreationCursor)]
    public var hasNextPage: Bool
}

/// Reads and writes the caller's audiences. Every statement filters by organization_id as well,
/// a second line behind row-level security.
public struct AudienceService: Sendable {
    public init() {}

    private static let columns =
        "id, name, rules, created_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS cursor_time"

    /// `nameContains`: only audiences whose name contains it, in any case.
    public func list(first: Int, after: CreationCursor?, nameContains: String? = nil, in session: TenantSession) throws -> AudiencePage {
        let connection = try session.connection
        var conditions: PostgresQuery = "organization_id = \(session.organizationID)"
        if let after { conditions += " AND (created_at, id) < (\(after.createdAt)::timestamptz, \(after.id)::uuid)" }
        if let name = NameSearch.condition("name", contains: nameContains) { conditions += " AND \(name)" }
        let rows = try connection.query(
            "SELECT \(unescaped: Self.columns) FROM audiences WHERE \(conditions) ORDER BY created_at DESC, id DESC LIMIT \(first + 1)")
        var audiences = try rows.map { row in
            (audience: try Audience(row: row), cursor: try Self.cursor(row))
        }
        let hasNextPage = audiences.count > first
        if hasNextPage { audiences.removeLast() }
        return AudiencePage(audiences: audiences, hasNextPage: hasNextPage)
    }

    /// How many audiences the organization has (all pages), or of those whose name contains `nameContains`.
    public func count(nameContains: String? = nil, in session: TenantSession) throws -> Int {
        var conditions: PostgresQuery = "organization_id = \(session.organizationID)"
        if let name = NameSearch.condition("name", contains: nameContains) { conditions += " AND \(name)" }
        return try session.connection.query("SELECT count(*)::bigint AS total FROM audiences WHERE \(conditions)")[0].decode("total")
    }

    public func get(_ id: UUID, in session: TenantSession) throws -> Audience {
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.columns) FROM audiences WHERE organization_id = \(session.organizationID) AND id = \(id)")
        guard let row = rows.first else { throw AudienceError.notFound }
        return try Audience(row: row)
    }

    /// Audiences by id, in one statement (for campaign units).
    public func get(ids: [UUID], in session: TenantSession) throws -> [UUID: Audience] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.columns) FROM audiences WHERE organization_id = \(session.organizationID) AND id = ANY(\(uuidArray(ids))::uuid[])")
        return Dictionary(try rows.map(Audience.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func create(_ draft: AudienceDraft, in session: TenantSession) throws -> Audience {
        let draft = try AudienceRules.validated(draft)
        let row = try session.connection.query(
            "INSERT INTO audiences (organization_id, name, rules) VALUES (\(session.organizationID), \(draft.name), \(try Self.rules(draft))::jsonb) RETURNING \(unescaped: Self.columns)")[0]
        return try Audience(row: row)
    }

    public func update(_ id: UUID, with changes: AudienceChanges, in session: TenantSession) throws -> Audience {
        let current = try get(id, in: session)
        let draft = try AudienceRules.validated(changes.applied(to: current))
        let rows = try session.connection.query(
            "UPDATE audiences SET name = \(draft.name), rules = \(try Self.rules(draft))::jsonb WHERE organization_id = \(session.organizationID) AND id = \(id) RETURNING \(unescaped: Self.columns)")
        guard let row = rows.first else { throw AudienceError.notFound }
        return try Audience(row: row)
    }

    public func delete(_ id: UUID, in session: TenantSession) throws {
        let rows: PostgresRows
        do {
            rows = try session.connection.query(
                "DELETE FROM audiences WHERE organization_id = \(session.organizationID) AND id = \(id)")
        } catch let error as PostgresError {
            if let server = error.serverError, server.kind == .foreignKeyViolation, server.constraint == "campaign_units_audience_fkey" {
                throw AudienceError.inUse
            }
            throw error
        }
        if rows.affectedRows == 0 { throw AudienceError.notFound }
    }

    // MARK: Rows

    fileprivate struct Rules: Codable {
        var locations: [String]
        var age_min: Int?
        var age_max: Int?
        var interests: [String]?
        var location_targets: [TargetingEntry]?
        var interest_targets: [TargetingEntry]?
    }

    private static func rules(_ draft: AudienceDraft) throws -> PostgresJSON {
        let rules = Rules(locations: draft.locations, age_min: draft.ageMin, age_max: draft.ageMax, interests: draft.interests,
                          location_targets: draft.locationTargets.isEmpty ? nil : draft.locationTargets,
                          interest_targets: draft.interestTargets.isEmpty ? nil : draft.interestTargets)
        return PostgresJSON(text: String(decoding: try JSONEncoder().encode(rules), as: UTF8.self))
    }

    private static func cursor(_ row: PostgresRow) throws -> CreationCursor {
        guard let cursor = CreationCursor(createdAt: try row.decode("cursor_time"), id: try row.decode("id")) else {
            throw PostgresError.decoding(column: "cursor_time", message: "not a cursor instant")
        }
        return cursor
    }
}

extension Audience {
    /// A row of `AudienceService.columns`.
    init(row: PostgresRow) throws {
        let json: PostgresJSON = try row.decode("rules")
        let rules = try JSONDecoder().decode(AudienceService.Rules.self, from: Data(json.text.utf8))
        self.init(
            id: try row.decode("id"), name: try row.decode("name"), locations: rules.locations,
            ageMin: rules.age_min ?? AudienceRules.ages.lowerBound, ageMax: rules.age_max ?? AudienceRules.ages.upperBound,
            interests: rules.interests ?? [], createdAt: try row.decode("created_at"),
            locationTargets: rules.location_targets ?? [], interestTargets: rules.interest_targets ?? [])
    }
}
