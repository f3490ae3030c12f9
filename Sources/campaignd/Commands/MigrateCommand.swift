import Foundation
import Postgres

/// `campaignd migrate`: applies the SQL migrations not applied yet.
enum MigrateCommand {
    static let help = """
        usage: campaignd migrate

        Applies schema/migrations/NNNN_name.sql in order, each in its own transaction, and records
        them in schema_migrations with a checksum. Running it again is a no-op; an applied migration
        whose file was edited is an error.

        \(Configuration.environmentHelp)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: "migrate", valued: [])
        if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
        let configuration = try Configuration.fromEnvironment()
        let migrations = try Migration.load(from: URL(fileURLWithPath: configuration.migrationsDirectory))
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1)
        let applied = try Migrator(pool: pool).migrate(migrations)
        FileHandleOutput.standardOutput(applied.isEmpty
            ? "campaignd: database is up to date (\(migrations.count) migrations)\n"
            : "campaignd: applied migrations \(applied.map(String.init).joined(separator: ", "))\n")
        return 0
    }
}
