import Foundation
import Jobs
import Postgres
import Testing
import TestSupport

/// A migrated database with helpers to queue jobs, read their rows and wait for conditions.
struct JobsHarness {
    let database: TestDatabase
    let pool: PostgresPool
    let queue = JobQueue()

    init() throws {
        database = try TestCluster.shared.migratedDatabase()
        pool = database.pool(maximumConnections: 8)
    }

    @discardableResult
    func enqueue(_ kind: String, payload: String = "{}", uniqueKey: String? = nil, maxAttempts: Int = 5,
                 organizationID: UUID? = nil) throws -> Enqueued {
        try pool.withTransaction { connection in
            try queue.enqueue(NewJob(kind: kind, payloadJSON: payload, organizationID: organizationID, uniqueKey: uniqueKey,
                                     maxAttempts: maxAttempts), on: connection)
        }
    }

    func job(_ id: UUID) throws -> Job {
        try pool.withConnection { try #require(try queue.find(id, on: $0)) }
    }

    func count(_ sql: PostgresQuery) throws -> Int {
        try pool.withConnection { try $0.query(sql)[0].decode(at: 0, as: Int.self) }
    }

    /// A worker on its own pool, logging into `log`.
    func worker(_ definitions: [JobDefinition], threads: Int = 2, poll: Double = 0.2, grace: Double = 5, id: String? = nil) -> Worker {
        let configuration = Worker.Configuration(
            threads: threads, pollInterval: poll, shutdownGrace: grace, workerID: id ?? "test-\(UUID().uuidString.prefix(8))")
        return Worker(pool: database.pool(maximumConnections: threads + 2), configuration: configuration, definitions: definitions)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` seconds pass; returns whether it held.
func eventually(timeout: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date(timeIntervalSinceNow: timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(20_000)
    }
    return try condition()
}

/// A thread-safe list that handlers append to.
final class Recorder<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []

    func append(_ value: Value) { lock.withLock { items.append(value) } }
    var values: [Value] { lock.withLock { items } }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
