import CLibPQ
import Foundation

/// One connection to PostgreSQL over libpq. Not thread-safe: one thread uses it at a time, which the
/// pool guarantees by handing it out exclusively.
public final class PostgresConnection: @unchecked Sendable {
    private var handle: OpaquePointer?
    /// Statement names by SQL text: repeated statements skip parsing and planning on the server.
    private var preparedStatements: [String: String] = [:]
    /// False behind a pooler in transaction mode (PgBouncer before 1.21), where the next transaction may run on
    /// another server connection that never saw the statement: every statement is then sent unnamed.
    private let preparesStatements: Bool
    public private(set) var isInTransaction = false

    /// Connects with a URL (`postgresql://…`, `postgresql:///db?host=/socket/dir`) or a key/value
    /// conninfo string (`host=/tmp dbname=app`).
    public init(conninfo: String, preparesStatements: Bool = true) throws {
        self.preparesStatements = preparesStatements
        guard let handle = PQconnectdb(conninfo) else { throw PostgresError.connection("out of memory") }
        self.handle = handle
        // Notices (`relation … already exists, skipping`) are not errors; keep them off stderr.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.trimmedMessage(PQerrorMessage(handle))
            PQfinish(handle)
            self.handle = nil
            throw PostgresError.connection(message)
        }
        // Timestamps decode without a time zone table, and statements cannot hang forever.
        try execute("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'")
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Whether the connection is still usable; it also notices a server that closed the socket
    /// while the connection sat idle in the pool (a restart, an administrator's termination).
    public var isHealthy: Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        // An idle pooled connection has nothing to read unless the server is saying goodbye
        // (`terminating connection due to administrator command`) or closed the socket.
        return ready == 0
    }

    /// Runs SQL without parameters, possibly several statements; used for DDL and session settings.
    public func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result)
    }

    /// Runs one parameterized statement, preparing it once per connection. With `plannedForValues`, it is sent
    /// unnamed and planned with its values every time: for a statement whose best plan depends on them (a report's
    /// range of days), where a prepared one soon runs a generic plan that guesses a handful of rows. A refusal names
    /// the call site, so a log line leads to the statement.
    @discardableResult
    public func query(
        _ query: PostgresQuery, plannedForValues: Bool = false, file: StaticString = #fileID, line: UInt = #line
    ) throws -> PostgresRows {
        try naming(file, line) {
            let statement = try prepare(query, plannedForValues: plannedForValues)
            let result = withCStrings(statement.texts) { statement.run(on: handle, $0) }
            defer { PQclear(result) }
            try check(result)
            return Self.rows(from: result)
        }
    }

    /// Runs one parameterized statement as `query` does, keeping its rows in libpq's result to be read as bytes.
    public func queryResult(_ query: PostgresQuery, file: StaticString = #fileID, line: UInt = #line) throws -> PostgresResult {
        try naming(file, line) {
            let statement = try prepare(query, plannedForValues: false)
            let result = withCStrings(statement.texts) { statement.run(on: handle, $0) }.map(PostgresResult.init)
            try check(result?.result)
            return result!
        }
    }

    /// A statement ready to send: its text, its parameters as text, and its prepared name unless sent unnamed.
    private struct Statement {
        var sql: String
        var texts: [String?]
        var name: String?

        /// Runs it and waits for its result.
        func run(on handle: OpaquePointer?, _ values: UnsafePointer<UnsafePointer<CChar>?>?) -> OpaquePointer? {
            if let name { return PQexecPrepared(handle, name, Int32(texts.count), values, nil, nil, 0) }
            return PQexecParams(handle, sql, Int32(texts.count), nil, values, nil, nil, 0)
        }

        /// Queues it in pipeline mode; false when libpq could not.
        func queue(on handle: OpaquePointer?, _ values: UnsafePointer<UnsafePointer<CChar>?>?) -> Bool {
            if let name { return PQsendQueryPrepared(handle, name, Int32(texts.count), values, nil, nil, 0) == 1 }
            return PQsendQueryParams(handle, sql, Int32(texts.count), nil, values, nil, nil, 0) == 1
        }
    }

    private func prepare(_ query: PostgresQuery, plannedForValues: Bool) throws -> Statement {
        let sql = query.sql
        let texts: [String?] = query.bindings.map { $0?.postgresText }
        // libpq reads parameters as C strings: a NUL would silently cut the value short. Refuse it the way
        // PostgreSQL refuses NUL in text (SQLSTATE 22021) instead.
        if let index = texts.firstIndex(where: { $0?.utf8.contains(0) == true }) {
            throw PostgresError.server(.nulInParameter(index + 1))
        }
        let name = preparesStatements && !plannedForValues ? try preparedName(for: sql, parameterCount: texts.count) : nil
        return Statement(sql: sql, texts: texts, name: name)
    }

    /// Runs `body`, naming the call site in a server refusal it throws.
    private func naming<Value>(_ file: StaticString, _ line: UInt, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch PostgresError.server(var error) {
            error.callSite = "\(file):\(line)"
            throw PostgresError.server(error)
        }
    }

    /// Begins a transaction whose end is not one closure's (a request's, begun at its first statement);
    /// `finishTransaction` ends it. `isInTransaction` holds meanwhile, as in `withTransaction`.
    public func beginTransaction() throws {
        precondition(!isInTransaction, "nested transactions are not supported; use the outer one")
        try execute("BEGIN")
        isInTransaction = true
    }

    /// Begins a transaction and runs `query` as its first statement in one round trip: libpq's pipeline mode sends
    /// `BEGIN` and the statement together and reads both answers. A refusal of the statement leaves the transaction
    /// open (and failed) for `finishTransaction` to roll back, as after `beginTransaction` and `query`.
    @discardableResult
    public func beginTransaction(with query: PostgresQuery, file: StaticString = #fileID, line: UInt = #line) throws -> PostgresRows {
        try beginTransaction(with: query, then: nil, file: file, line: line).rows
    }

    /// As `beginTransaction(with:)`, with a second statement `next` in the same round trip, whose rows are kept as
    /// bytes (`queryResult`). When `query` is refused, `next` is not run and the refusal is thrown.
    public func beginTransaction(
        with query: PostgresQuery, then next: PostgresQuery?, file: StaticString = #fileID, line: UInt = #line
    ) throws -> (rows: PostgresRows, next: PostgresResult?) {
        try pipeline(beginning: true, query, then: next, file: file, line: line)
    }

    /// Runs `query` and then `next` in one round trip and one transaction of their own, which ends with them:
    /// PostgreSQL commits it at the pipeline's sync point, or rolls it back there when either is refused (and `next`
    /// does not run when `query` is refused). What `query` sets for its transaction (`set_config(…, true)`) holds
    /// for `next` and is gone after.
    public func runTogether(
        _ query: PostgresQuery, then next: PostgresQuery, file: StaticString = #fileID, line: UInt = #line
    ) throws -> (rows: PostgresRows, next: PostgresResult) {
        let (rows, result) = try pipeline(beginning: false, query, then: next, file: file, line: line)
        return (rows, result!)
    }

    /// `query` and `next` in one pipeline, after a `BEGIN` when `beginning` (the transaction then stays open), in
    /// the pipeline's implicit transaction otherwise.
    private func pipeline(
        beginning: Bool, _ query: PostgresQuery, then next: PostgresQuery?, file: StaticString, line: UInt
    ) throws -> (rows: PostgresRows, next: PostgresResult?) {
        precondition(!isInTransaction, "nested transactions are not supported; use the outer one")
        let statement = try naming(file, line) { try prepare(query, plannedForValues: false) }
        let following = try next.map { next in try naming(file, line) { try prepare(next, plannedForValues: false) } }
        guard PQenterPipelineMode(handle) == 1 else { throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle))) }
        defer { PQexitPipelineMode(handle) }
        let sent = withCStrings(statement.texts) { values in
            withCStrings(following?.texts ?? []) { followingValues in
                (!beginning || PQsendQueryParams(handle, "BEGIN", 0, nil, nil, nil, nil, 0) == 1)
                    && statement.queue(on: handle, values)
                    && (following?.queue(on: handle, followingValues) ?? true)
            }
        }
        guard sent, PQpipelineSync(handle) == 1 else { throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle))) }
        // Each statement's result, then NULL; then the sync point. Everything is read before leaving pipeline mode.
        let begun = beginning ? nextPipelineResult() : nil
        defer { PQclear(begun) }
        let answered = nextPipelineResult()
        defer { PQclear(answered) }
        let followed = following == nil ? nil : nextPipelineResult().map(PostgresResult.init)
        let synced = PQgetResult(handle)
        defer { PQclear(synced) }
        guard PQresultStatus(synced) == PGRES_PIPELINE_SYNC else {
            throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle)))
        }
        if beginning {
            try check(begun)
            isInTransaction = true
        }
        try naming(file, line) { try check(answered) }
        let rows = Self.rows(from: answered)
        guard following != nil else { return (rows, nil) }
        try naming(file, line) { try check(followed?.result) }
        return (rows, followed)
    }

    /// One statement's result in pipeline mode, and the NULL that ends it.
    private func nextPipelineResult() -> OpaquePointer? {
        let result = PQgetResult(handle)
        if result != nil {
            while let extra = PQgetResult(handle) { PQclear(extra) }
        }
        return result
    }

    /// Commits, or rolls back, the transaction `beginTransaction` began.
    public func finishTransaction(commit: Bool) throws {
        guard isInTransaction else { return }
        defer { isInTransaction = false }
        if commit {
            try execute("COMMIT")
        } else if PQstatus(handle) == CONNECTION_OK {
            try? execute("ROLLBACK")
        }
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back when it throws.
    @discardableResult
    public func withTransaction<Value>(
        isolation: IsolationLevel = .readCommitted,
        _ body: (PostgresConnection) throws -> Value
    ) throws -> Value {
        precondition(!isInTransaction, "nested transactions are not supported; use the outer one")
        try execute(isolation == .readCommitted ? "BEGIN" : "BEGIN ISOLATION LEVEL \(isolation.sql)")
        isInTransaction = true
        defer { isInTransaction = false }
        do {
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            if PQstatus(handle) == CONNECTION_OK { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Waits until a notification arrives on a channel this connection listens to, or the timeout passes.
    public func waitForNotification(timeout: Double) throws -> PostgresNotification? {
        if let pending = nextNotification() { return pending }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(timeout * 1000))
        guard ready > 0 else { return nil }
        guard PQconsumeInput(handle) != 0 else { throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle))) }
        return nextNotification()
    }

    private func nextNotification() -> PostgresNotification? {
        guard let notify = PQnotifies(handle) else { return nil }
        defer { PQfreemem(notify) }
        return PostgresNotification(channel: String(cString: notify.pointee.relname), payload: String(cString: notify.pointee.extra))
    }

    private func preparedName(for sql: String, parameterCount: Int) throws -> String {
        if let name = preparedStatements[sql] { return name }
        let name = "s\(preparedStatements.count)"
        let result = PQprepare(handle, name, sql, Int32(parameterCount), nil)
        defer { PQclear(result) }
        try check(result)
        preparedStatements[sql] = name
        return name
    }

    private func check(_ result: OpaquePointer?) throws {
        guard let result else { throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle))) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            guard let state = field(result, "C") else {
                throw PostgresError.connection(Self.trimmedMessage(PQerrorMessage(handle)))
            }
            throw PostgresError.server(PostgresServerError(
                sqlState: state,
                message: field(result, "M") ?? "unknown error",
                detail: field(result, "D"),
                hint: field(result, "H"),
                constraint: field(result, "n"),
                table: field(result, "t"),
                column: field(result, "c")
            ))
        }
    }

    /// Reads a diagnostic field by its protocol code (libpq's `PG_DIAG_*` letters, e.g. `C` for SQLSTATE).
    private func field(_ result: OpaquePointer, _ code: Unicode.Scalar) -> String? {
        PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
    }

    private static func rows(from result: OpaquePointer?) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        var columns: [PostgresColumn] = []
        columns.reserveCapacity(columnCount)
        for column in 0..<columnCount {
            columns.append(PostgresColumn(name: String(cString: PQfname(result, Int32(column))), type: PostgresType(oid: PQftype(result, Int32(column)))))
        }
        var cells: [String?] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    cells.append(nil)
                } else {
                    cells.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
        }
        let affected = PQcmdTuples(result).flatMap { Int(String(cString: $0)) } ?? rowCount
        return PostgresRows(columns: columns, cells: cells, count: rowCount, affectedRows: affected)
    }

    private static func trimmedMessage(_ message: UnsafeMutablePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A NOTIFY received on a channel the connection listens to.
public struct PostgresNotification: Sendable, Equatable {
    public var channel: String
    public var payload: String
}

public enum IsolationLevel: Sendable {
    case readCommitted, repeatableRead, serializable

    var sql: String {
        switch self {
        case .readCommitted: return "READ COMMITTED"
        case .repeatableRead: return "REPEATABLE READ"
        case .serializable: return "SERIALIZABLE"
        }
    }
}

/// Passes Swift strings to C as a `const char * const *`, NULL entries for SQL NULL.
private func withCStrings<Result>(_ strings: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> Result) -> Result {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.map { strdup($0) } ?? nil }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buffer.count, 1)) { body($0) }
    }
}
