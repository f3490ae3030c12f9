import Foundation
import Postgres

/// A throwaway PostgreSQL cluster in a temporary folder (unix socket, fsync off). Tests share one
/// cluster per test run and get a database each, copied from a migrated template.
public final class TestCluster: @unchecked Sendable {
    public let directory: URL
    public let socketDirectory: URL
    private let lock = NSLock()
    private var templateReady = false
    private var databaseCount = 0

    /// The run's shared cluster, started on first use and stopped when the test process exits.
    public static let shared: TestCluster = {
        do {
            return try TestCluster()
        } catch {
            fatalError("cannot start the test PostgreSQL cluster: \(error)")
        }
    }()

    /// A cluster of its own, for tests that stop or restart the server.
    public init() throws {
        directory = try TestPaths.temporaryDirectory("campaignd-pg")
        socketDirectory = directory.appendingPathComponent("socket")
        let data = directory.appendingPathComponent("data").path
        let script = TestPaths.script("pg-cluster.sh").path
        Watchdog.whenTestsExit("\(script) stop \(data) immediate; rm -rf \(directory.path)")
        let started = try runCommand(script, ["start", data, socketDirectory.path, "throwaway"])
        guard started.status == 0 else { throw TestSupportError("pg-cluster start failed: \(started.output)") }
    }

    public func url(database: String, user: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(socketDirectory.path)&user=\(user)"
    }

    public func stop(mode: String = "fast") throws {
        let result = try runCommand(TestPaths.script("pg-cluster.sh").path, ["stop", directory.appendingPathComponent("data").path, mode])
        guard result.status == 0 else { throw TestSupportError("pg-cluster stop failed: \(result.output)") }
    }

    public func start() throws {
        let result = try runCommand(TestPaths.script("pg-cluster.sh").path, ["start", directory.appendingPathComponent("data").path, socketDirectory.path, "throwaway"])
        guard result.status == 0 else { throw TestSupportError("pg-cluster start failed: \(result.output)") }
    }

    public func restart() throws {
        let result = try runCommand(TestPaths.script("pg-cluster.sh").path, ["restart", directory.appendingPathComponent("data").path])
        guard result.status == 0 else { throw TestSupportError("pg-cluster restart failed: \(result.output)") }
    }

    /// A new, empty database (no migrations).
    public func emptyDatabase() throws -> TestDatabase {
        let name = nextName()
        try admin { try $0.execute("CREATE DATABASE \(name)") }
        return TestDatabase(name: name, url: url(database: name))
    }

    /// A new database with every migration applied, copied from the template (fast).
    public func migratedDatabase() throws -> TestDatabase {
        try prepareTemplate()
        let name = nextName()
        try admin { try $0.execute("CREATE DATABASE \(name) TEMPLATE campaignd_template") }
        return TestDatabase(name: name, url: url(database: name))
    }

    private func nextName() -> String {
        lock.withLock {
            databaseCount += 1
            return "test_\(databaseCount)"
        }
    }

    private func prepareTemplate() throws {
        try lock.withLock {
            guard !templateReady else { return }
            try admin { try $0.execute("CREATE DATABASE campaignd_template") }
            let pool = PostgresPool(conninfo: url(database: "campaignd_template"), maximumConnections: 1)
            let migrations = try Migration.load(from: TestPaths.repository.appendingPathComponent("schema/migrations"))
            try Migrator(pool: pool).migrate(migrations)
            pool.drain()
            templateReady = true
        }
    }

    /// `CREATE DATABASE` cannot run in a transaction block, and copying a template needs it idle:
    /// a fresh connection each time keeps both true.
    private func admin(_ body: (PostgresConnection) throws -> Void) throws {
        let connection = try PostgresConnection(conninfo: url(database: "postgres"))
        try body(connection)
    }
}

/// One test's database.
public struct TestDatabase: Sendable {
    public let name: String
    public let url: String

    public func pool(maximumConnections: Int = 4, waitTimeout: Double = 5) -> PostgresPool {
        PostgresPool(conninfo: url, maximumConnections: maximumConnections, waitTimeout: waitTimeout)
    }
}

public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
