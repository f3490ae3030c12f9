import Foundation
import Postgres
import Testing
import TestSupport

@Suite struct MigrationTests {
    let database = try! TestCluster.shared.emptyDatabase()

    func folder(_ files: [String: String]) throws -> URL {
        let directory = try TestPaths.temporaryDirectory("migrations")
        for (name, sql) in files {
            try sql.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func appliesInOrderOnceAndRecordsChecksums() throws {
        let directory = try folder([
            "0002_add_column.sql": "ALTER TABLE things ADD COLUMN label text;",
            "0001_things.sql": "CREATE TABLE things (id int PRIMARY KEY);",
        ])
        let pool = database.pool()
        let migrator = Migrator(pool: pool)
        #expect(try migrator.migrate(Migration.load(from: directory)) == [1, 2])
        #expect(try migrator.migrate(Migration.load(from: directory)) == [])
        let recorded = try pool.withConnection { try $0.query("SELECT version, name, length(checksum) AS l FROM schema_migrations ORDER BY version") }
        #expect(try recorded.map { try $0.decode("name", as: String.self) } == ["things", "add_column"])
        #expect(try recorded.map { try $0.decode("l", as: Int.self) } == [64, 64])
    }

    @Test func anEditedAppliedMigrationIsAnError() throws {
        let directory = try folder(["0001_things.sql": "CREATE TABLE things (id int);"])
        let migrator = Migrator(pool: database.pool())
        try migrator.migrate(Migration.load(from: directory))
        try "CREATE TABLE things (id bigint);".write(to: directory.appendingPathComponent("0001_things.sql"), atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.checksumMismatch(version: 1, name: "things")) {
            try migrator.migrate(Migration.load(from: directory))
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let directory = try folder([
            "0001_ok.sql": "CREATE TABLE fine (id int);",
            "0002_broken.sql": "CREATE TABLE half (id int); SELECT no_such_function();",
        ])
        let pool = database.pool()
        #expect(throws: PostgresError.self) { try Migrator(pool: pool).migrate(Migration.load(from: directory)) }
        let tables: [String] = try pool.withConnection {
            try $0.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").map { try $0.decode("tablename") }
        }
        #expect(tables == ["fine", "schema_migrations"])
    }

    @Test func badFileNamesAndDuplicateVersionsAreRefused() throws {
        #expect(throws: MigrationError.badFileName("init.sql")) { try Migration.load(from: folder(["init.sql": ""])) }
        #expect(throws: MigrationError.duplicateVersion(1)) { try Migration.load(from: folder(["0001_a.sql": "", "0001_b.sql": ""])) }
    }

    @Test func theProjectMigrationsApplyToAnEmptyDatabase() throws {
        let pool = database.pool()
        let migrations = try Migration.load(from: TestPaths.repository.appendingPathComponent("schema/migrations"))
        #expect(try Migrator(pool: pool).migrate(migrations).count == migrations.count)
        let count: Int = try pool.withConnection { try $0.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('organizations', 'api_keys')")[0].decode("n") }
        #expect(count == 2)
    }
}
