import Postgres

/// Old execution-log entries of completed campaigns, deleted by the worker. The log is append-only for
/// everyone else; `prune_execution_logs` (migration 0014) is the one way past that rule, and the API role
/// cannot call it.
public struct ExecutionLogRetention: Sendable {
    public static let batchSize = 10_000

    public init() {}

    /// Deletes one batch of entries older than `days` days of completed campaigns; returns how many.
    public func pruneBatch(olderThanDays days: Int, on connection: PostgresConnection) throws -> Int {
        try connection.query("SELECT prune_execution_logs(\(days), \(Self.batchSize)) AS deleted")[0].decode("deleted")
    }
}
