import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct PoolTests {
    @Test func manyThreadsShareABoundedPool() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let pool = database.pool(maximumConnections: 4, waitTimeout: 30)
        let results = LockedArray<Int>()
        let peak = LockedArray<Int>()
        DispatchQueue.concurrentPerform(iterations: 32) { thread in
            for step in 0..<25 {
                let value = thread * 1000 + step
                let echoed: Int? = try? pool.withConnection { connection in
                    peak.append(pool.openConnections)
                    return try connection.query("SELECT \(value)::int AS v")[0].decode("v")
                }
                if echoed == value { results.append(value) }
            }
        }
        #expect(results.count == 32 * 25)
        #expect(Set(results.values).count == 32 * 25)
        #expect(peak.values.max()! <= 4)
    }

    @Test func aCallerWaitsAtMostTheTimeout() throws {
        let database = try TestCluster.shared.emptyDatabase()
        let pool = database.pool(maximumConnections: 1, waitTimeout: 0.3)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? pool.withConnection { _ in
                holding.signal()
                release.wait()
            }
        }
        holding.wait()
        let started = Date()
        #expect {
            try pool.withConnection { _ in }
        } throws: { error in
            guard case PostgresError.poolTimeout? = error as? PostgresError else { return false }
            return true
        }
        #expect(Date().timeIntervalSince(started) >= 0.3)
        release.signal()
        // The connection comes back and serves the next caller.
        let value: Int = try pool.withConnection { try $0.query("SELECT 7 AS v")[0].decode("v") }
        #expect(value == 7)
    }

    @Test func connectionsAreReplacedAfterTheServerRestarts() throws {
        let cluster = try TestCluster()
        defer { try? cluster.stop(mode: "immediate") }
        let pool = PostgresPool(conninfo: cluster.url(database: "postgres"), maximumConnections: 2)
        let before: Int = try pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid")[0].decode("pid") }
        try cluster.restart()
        let after: Int = try pool.withConnection { try $0.query("SELECT pg_backend_pid() AS pid")[0].decode("pid") }
        #expect(after != before)
        #expect(pool.openConnections == 1)
    }

    @Test func aStoppedServerIsAConnectionErrorNotAHang() throws {
        let cluster = try TestCluster()
        let pool = PostgresPool(conninfo: cluster.url(database: "postgres"), maximumConnections: 2)
        _ = try pool.withConnection { try $0.query("SELECT 1") }
        try cluster.stop()
        #expect {
            try pool.withConnection { try $0.query("SELECT 1") }
        } throws: { error in
            (error as? PostgresError)?.isConnectionFailure == true
        }
        try cluster.start()
        let value: Int = try pool.withConnection { try $0.query("SELECT 3 AS v")[0].decode("v") }
        #expect(value == 3)
        try cluster.stop(mode: "immediate")
    }
}

/// An array appended to from many threads.
final class LockedArray<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Element] = []

    func append(_ element: Element) { lock.withLock { storage.append(element) } }
    var values: [Element] { lock.withLock { storage } }
    var count: Int { lock.withLock { storage.count } }
}
