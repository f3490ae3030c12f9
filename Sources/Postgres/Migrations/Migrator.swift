/// Applies migrations in order, each in its own transaction, and records them with a checksum.
public struct Migrator: Sendable {
    public let pool: PostgresPool

    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Applies the migrations not applied yet and returns their versions. Safe to run from several
    /// processes at once: an advisory lock lets one of them do the work.
    @discardableResult
    public func migrate(_ migrations: [Migration]) throws -> [Int] {
        try pool.withConnection { connection in
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }

            var applied: [Int: String] = [:]
            for row in try connection.query("SELECT version, checksum FROM schema_migrations") {
                applied[try row.decode("version")] = try row.decode("checksum")
            }
            let known = Set(migrations.map(\.version))
            if let stranger = applied.keys.sorted().first(where: { !known.contains($0) }) {
                throw MigrationError.unknownApplied(version: stranger)
            }
            var newlyApplied: [Int] = []
            for migration in migrations {
                let checksum: String = try connection.query("SELECT encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex') AS checksum")[0].decode("checksum")
                if let recorded = applied[migration.version] {
                    guard recorded == checksum else { throw MigrationError.checksumMismatch(version: migration.version, name: migration.name) }
                    continue
                }
                try connection.withTransaction { connection in
                    try connection.execute(migration.sql)
                    try connection.query(
                        "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(migration.version), \(migration.name), \(checksum))")
                }
                newlyApplied.append(migration.version)
            }
            return newlyApplied
        }
    }

    private static let lockKey = 7_243_110_001
}
