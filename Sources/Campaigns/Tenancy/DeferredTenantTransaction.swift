import Foundation
import Postgres

/// A request's tenant transaction, begun at its first statement rather than before it runs: a request answered
/// without the database (`{ __typename }`, a query refused by validation) costs no round trip and holds no connection,
/// so that a flood of them cannot keep other requests from the pool. The connection is lent at the first statement and
/// given back by `release`. Beginning runs the same `begin_api_request` as ever — the key is checked again, the role
/// switched, the organization set — so row-level security and the organization filter hold for every statement; a key
/// revoked since it was cached is refused there (`APIKeyRevoked`).
public final class DeferredTenantTransaction: @unchecked Sendable {
    public let organizationID: UUID
    let key: String
    let timeouts: TransactionTimeouts
    let pool: PostgresPool
    private var lent: PostgresConnection?
    private(set) var isOpen = false
    /// The key was refused when the transaction began: the request answers 401 and the cache forgets the key.
    public private(set) var keyWasRefused = false
    /// Why no connection could be had (the pool exhausted, the database unreachable): the request answers 503.
    public private(set) var unavailable: (any Error)?

    public init(organizationID: UUID, key: String, timeouts: TransactionTimeouts, pool: PostgresPool) {
        self.organizationID = organizationID
        self.key = key
        self.timeouts = timeouts
        self.pool = pool
    }

    /// The lent connection, borrowed from the pool at the first call.
    private var connection: PostgresConnection {
        get throws {
            if let lent { return lent }
            do {
                let connection = try pool.lend()
                lent = connection
                return connection
            } catch {
                unavailable = error
                throw error
            }
        }
    }

    func open() throws -> PostgresConnection {
        try open(then: nil).connection
    }

    /// Opens the transaction if it is not yet, with `first` as its first statement in the same round trip; then
    /// `first`'s rows as bytes (or nil when there was none). With `alone`, a `first` that would open the transaction
    /// runs in one of its own instead, begun, scoped and committed in that round trip; a later statement begins
    /// another (see `TenantSession.queryResult`).
    func open(then first: PostgresQuery?, alone: Bool = false, file: StaticString = #fileID, line: UInt = #line) throws
        -> (connection: PostgresConnection, first: PostgresResult?) {
        let connection = try connection
        if isOpen { return (connection, try first.map { try connection.queryResult($0, file: file, line: line) }) }
        let alone = alone && first != nil
        isOpen = !alone
        let (organization, result) = try APIKeyAuthenticator.openScope(
            forKey: key, timeouts: timeouts, on: connection, then: first, alone: alone, file: file, line: line)
        guard organization == organizationID else {
            keyWasRefused = true
            throw APIKeyRevoked()
        }
        return (connection, result)
    }

    /// Commits (or, after `failed`, rolls back) what was begun; nothing when no statement ran.
    public func finish(failed: Bool) throws {
        guard isOpen, let lent else { return }
        isOpen = false
        try lent.finishTransaction(commit: !failed)
    }

    /// Gives the connection back to the pool, if one was lent; `error` is what ended the request, if anything did.
    public func release(after error: (any Error)?) {
        guard let lent else { return }
        self.lent = nil
        pool.takeBack(lent, after: error)
    }
}

/// The key was valid when cached and is not any more (revoked or deleted since).
public struct APIKeyRevoked: Error, Sendable {}
