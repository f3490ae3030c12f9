import Foundation

/// A thread-safe pool of connections with a maximum size and a wait timeout.
///
/// Connections are checked for health when handed out and dropped when they broke during use, so
/// a restarted server costs at most the statements that were running at the time, never a
/// restarted process.
public final class PostgresPool: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var conninfo: String
        public var maximumConnections: Int
        /// Seconds a caller waits for a free connection before `PostgresError.poolTimeout`.
        public var waitTimeout: Double
        /// False behind a transaction-mode pooler that cannot keep prepared statements (see PostgresConnection).
        public var preparesStatements: Bool

        public init(conninfo: String, maximumConnections: Int = 10, waitTimeout: Double = 5, preparesStatements: Bool = true) {
            self.conninfo = conninfo
            self.maximumConnections = maximumConnections
            self.waitTimeout = waitTimeout
            self.preparesStatements = preparesStatements
        }
    }

    public let configuration: Configuration
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var openCount = 0
    private var waitingCount = 0

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    public convenience init(conninfo: String, maximumConnections: Int = 10, waitTimeout: Double = 5, preparesStatements: Bool = true) {
        self.init(Configuration(
            conninfo: conninfo, maximumConnections: maximumConnections, waitTimeout: waitTimeout, preparesStatements: preparesStatements))
    }

    /// Connections currently open, idle or in use.
    public var openConnections: Int {
        condition.lock()
        defer { condition.unlock() }
        return openCount
    }

    /// Open, idle and waiting counts taken together, for metrics.
    public var statistics: PostgresPoolStatistics {
        condition.lock()
        defer { condition.unlock() }
        return PostgresPoolStatistics(
            open: openCount, idle: idle.count, waiting: waitingCount, maximum: configuration.maximumConnections)
    }

    /// Lends a connection to `body` exclusively and takes it back afterwards.
    @discardableResult
    public func withConnection<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        let connection = try lend()
        do {
            let value = try body(connection)
            takeBack(connection)
            return value
        } catch {
            takeBack(connection, after: error)
            throw error
        }
    }

    /// A connection for the caller alone until it gives it back with `takeBack`: for a user whose need for one is
    /// not one closure's (a request that takes one at its first statement, if it has any).
    public func lend() throws -> PostgresConnection {
        try checkOut()
    }

    /// Takes back a lent connection; after `error`, one that may be broken (a lost server, a transaction left open)
    /// is closed instead of kept.
    public func takeBack(_ connection: PostgresConnection, after error: (any Error)? = nil) {
        switch error {
        case nil: checkIn(connection, broken: false)
        case let error as PostgresError: checkIn(connection, broken: error.isConnectionFailure || !connection.isHealthy)
        default: checkIn(connection, broken: connection.isInTransaction)
        }
    }

    /// Runs `body` in one transaction; serialization failures and deadlocks (SQLSTATE 40001, 40P01)
    /// rerun the whole body up to `retries` more times, since only a rerun can succeed.
    @discardableResult
    public func withTransaction<Value>(
        isolation: IsolationLevel = .readCommitted,
        retries: Int = 0,
        _ body: (PostgresConnection) throws -> Value
    ) throws -> Value {
        var attempt = 0
        while true {
            do {
                return try withConnection { try $0.withTransaction(isolation: isolation, body) }
            } catch let error as PostgresError where attempt < retries && error.isRetryableConflict {
                attempt += 1
                usleep(UInt32.random(in: 1_000...(5_000 * UInt32(attempt))))
            }
        }
    }

    /// Closes idle connections; connections in use close when they come back.
    public func drain() {
        condition.lock()
        let closing = idle
        idle.removeAll()
        openCount -= closing.count
        condition.broadcast()
        condition.unlock()
        _ = closing
    }

    private func checkOut() throws -> PostgresConnection {
        let deadline = Date(timeIntervalSinceNow: configuration.waitTimeout)
        condition.lock()
        while true {
            if let connection = idle.popLast() {
                condition.unlock()
                if connection.isHealthy { return connection }
                condition.lock()
                openCount -= 1
                continue
            }
            if openCount < configuration.maximumConnections {
                openCount += 1
                condition.unlock()
                do {
                    return try PostgresConnection(conninfo: configuration.conninfo, preparesStatements: configuration.preparesStatements)
                } catch {
                    condition.lock()
                    openCount -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            waitingCount += 1
            let signalled = condition.wait(until: deadline)
            waitingCount -= 1
            if !signalled {
                condition.unlock()
                throw PostgresError.poolTimeout(waited: configuration.waitTimeout)
            }
        }
    }

    private func checkIn(_ connection: PostgresConnection, broken: Bool) {
        condition.lock()
        if broken {
            openCount -= 1
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }
}

extension PostgresError {
    /// Conflicts that a rerun of the whole transaction can resolve.
    public var isRetryableConflict: Bool {
        guard let kind = serverError?.kind else { return false }
        return kind == .serializationFailure || kind == .deadlock
    }
}

/// A pool's connections at one moment: in use is `open - idle`; `waiting` callers wait for one.
public struct PostgresPoolStatistics: Sendable, Equatable {
    public var open: Int
    public var idle: Int
    public var waiting: Int
    public var maximum: Int
    public var inUse: Int { open - idle }
}
