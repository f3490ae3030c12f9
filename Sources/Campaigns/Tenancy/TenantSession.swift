import Foundation
import Postgres

/// A database transaction scoped to one organization: the statements of a request run in it, and
/// row-level security sees the organization through `app.organization_id`.
public struct TenantSession: @unchecked Sendable {
    public let organizationID: UUID
    private let transaction: DeferredTenantTransaction?
    private let openConnection: PostgresConnection?

    init(organizationID: UUID, connection: PostgresConnection) {
        self.organizationID = organizationID
        self.openConnection = connection
        self.transaction = nil
    }

    public init(deferred transaction: DeferredTenantTransaction) {
        self.organizationID = transaction.organizationID
        self.openConnection = nil
        self.transaction = transaction
    }

    /// The connection, inside the organization's transaction. A session of a request whose key was found in the
    /// key cache opens that transaction here, at the first statement; a request that needs none (`{ __typename }`)
    /// never touches the database.
    public var connection: PostgresConnection {
        get throws {
            if let openConnection { return openConnection }
            return try transaction!.open()
        }
    }

    /// Runs one statement and keeps its rows as bytes (`PostgresConnection.queryResult`); when it is the request's
    /// first, it travels with the transaction's beginning, in one round trip. `alone` is for a query operation's
    /// reads, which need no transaction in common (under READ COMMITTED each statement sees its own snapshot anyway):
    /// a first statement then has a transaction of its own, committed in that same round trip, so a request that
    /// reads once costs one round trip in all; a later statement begins the request's transaction as usual.
    public func queryResult(_ query: PostgresQuery, alone: Bool = false, file: StaticString = #fileID, line: UInt = #line)
        throws -> PostgresResult {
        if let openConnection { return try openConnection.queryResult(query, file: file, line: line) }
        return try transaction!.open(then: query, alone: alone, file: file, line: line).first!
    }
}

/// Finds the organization an API key belongs to; keys are compared by their SHA-256 hash only.
public struct APIKeyAuthenticator: Sendable {
    public init() {}

    /// The key's organization's session, in one statement (`begin_api_request`): the key is looked up through
    /// the one function allowed to see every key, `app.organization_id` is set, and the transaction switches to
    /// `campaignd_app`, the role that owns nothing and is bound by row-level security. `nil` for an unknown key
    /// (the transaction is then in the application role with no organization: it sees no rows).
    /// The transaction's time limits are set in the same statement.
    public func session(forKey key: String, timeouts: TransactionTimeouts = TransactionTimeouts(), on connection: PostgresConnection)
        throws -> TenantSession? {
        try Self.organization(forKey: key, timeouts: timeouts, on: connection).map { TenantSession(organizationID: $0, connection: connection) }
    }

    static func organization(forKey key: String, timeouts: TransactionTimeouts, on connection: PostgresConnection) throws -> UUID? {
        try connection.query(beginRequest(key: key, timeouts: timeouts))[0].decode("organization_id", as: UUID?.self)
    }

    /// Opens the key's scope in one round trip, with `next` in it when given: in a transaction left open for the
    /// request's other statements, or, `alone`, in one of their own that ends with `next`
    /// (`PostgresConnection.runTogether`: committed after it, rolled back if either is refused). The organization, or
    /// nil; a key refused there makes `next`'s rows moot (the caller throws; they were read in the application role
    /// without an organization, which sees no rows).
    static func openScope(forKey key: String, timeouts: TransactionTimeouts, on connection: PostgresConnection,
                          then next: PostgresQuery?, alone: Bool, file: StaticString = #fileID, line: UInt = #line)
        throws -> (UUID?, PostgresResult?) {
        let begin = beginRequest(key: key, timeouts: timeouts)
        let (rows, result): (PostgresRows, PostgresResult?)
        if alone, let next {
            (rows, result) = try connection.runTogether(begin, then: next, file: file, line: line)
        } else {
            (rows, result) = try connection.beginTransaction(with: begin, then: next, file: file, line: line)
        }
        return (try rows[0].decode("organization_id", as: UUID?.self), result)
    }

    private static func beginRequest(key: String, timeouts: TransactionTimeouts) -> PostgresQuery {
        """
        SELECT begin_api_request(\(key), \(timeouts.statementMilliseconds), \(timeouts.lockMilliseconds), \
        \(timeouts.idleInTransactionMilliseconds)) AS organization_id
        """
    }
}
