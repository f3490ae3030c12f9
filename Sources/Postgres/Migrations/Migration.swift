import Foundation

/// One SQL file of `schema/migrations`, named `NNNN_name.sql`.
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads every `NNNN_name.sql` in the folder, in version order; two files with one version are an error.
    public static func load(from directory: URL) throws -> [Migration] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }
        var migrations: [Migration] = []
        for file in files {
            let stem = file.dropLast(4)
            guard let separator = stem.firstIndex(of: "_"), let version = Int(stem[..<separator]) else {
                throw MigrationError.badFileName(file)
            }
            let sql = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            migrations.append(Migration(version: version, name: String(stem[stem.index(after: separator)...]), sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (previous, next) in zip(migrations, migrations.dropFirst()) where previous.version == next.version {
            throw MigrationError.duplicateVersion(next.version)
        }
        return migrations
    }
}

public enum MigrationError: Error, Sendable, Equatable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int)
    /// An applied migration's file changed since: the database no longer matches the files.
    case checksumMismatch(version: Int, name: String)
    /// The database has a migration this program does not know: it is older than the database.
    case unknownApplied(version: Int)

    public var description: String {
        switch self {
        case .badFileName(let file): return "migration file \(file) is not named NNNN_name.sql"
        case .duplicateVersion(let version): return "two migration files have version \(version)"
        case .checksumMismatch(let version, let name): return "migration \(version)_\(name) was edited after it was applied; add a new migration instead"
        case .unknownApplied(let version): return "the database has migration \(version), which is not among the files"
        }
    }
}
