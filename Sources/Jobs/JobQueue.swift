import Foundation
import Postgres

/// The queue's statements. Every method takes the connection to run on, so callers decide the transaction:
/// the API queues inside the request's (organization-scoped) transaction, workers on their own connections.
public struct JobQueue: Sendable {
    /// The `LISTEN`/`NOTIFY` channel that tells workers a job was queued; the payload is the job's kind.
    public static let channel = "campaignd_jobs"

    static let pending = "('queued', 'running', 'failed')"

    public init() {}

    /// Queues a job and notifies the workers when the transaction commits. With a `uniqueKey` that a pending
    /// job already has, returns that job instead and queues nothing.
    public func enqueue(_ new: NewJob, on connection: PostgresConnection) throws -> Enqueued {
        for _ in 0..<3 {
            let inserted = try connection.query(
                """
                INSERT INTO jobs (kind, payload, organization_id, unique_key, run_at, max_attempts)
                VALUES (\(new.kind), \(new.payloadJSON)::jsonb, \(new.organizationID)::uuid, \(new.uniqueKey), coalesce(\(new.runAt)::timestamptz, now()), \(new.maxAttempts))
                ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL AND state IN \(unescaped: Self.pending) DO NOTHING
                RETURNING \(unescaped: Job.columns)
                """)
            if let row = inserted.first {
                // NOTIFY is transactional: workers hear of the job only once it is visible to them.
                try connection.query("SELECT pg_notify(\(Self.channel), \(new.kind))")
                return Enqueued(job: try Job(row: row), isNew: true)
            }
            let existing = try connection.query(
                """
                SELECT \(unescaped: Job.columns) FROM jobs
                WHERE unique_key = \(new.uniqueKey) AND state IN \(unescaped: Self.pending) AND organization_id IS NOT DISTINCT FROM \(new.organizationID)::uuid
                """)
            if let row = existing.first { return Enqueued(job: try Job(row: row), isNew: false) }
            // The conflicting job finished in between: try again.
        }
        throw JobQueueError.uniqueKeyContended(new.uniqueKey ?? "")
    }

    /// Claims up to `limit` due jobs of the given kinds (queued, or waiting for a retry), oldest `runAt` first,
    /// skipping rows other workers hold, counting an attempt and leasing each to `workerID` for its kind's
    /// number of seconds in `leases`. The partial index on due jobs keeps this one index probe however long
    /// the table's history.
    public func claim(leases: [String: Double], limit: Int, workerID: String, on connection: PostgresConnection) throws -> [Job] {
        let kinds = leases.keys.sorted()
        return try connection.query(
            """
            WITH due AS (
                SELECT id AS due_id FROM jobs
                WHERE state IN ('queued', 'failed') AND run_at <= now() AND kind = ANY(\(textArray(kinds))::text[])
                ORDER BY run_at, id
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE jobs j SET
                state = 'running', attempts = j.attempts + 1, locked_by = \(workerID),
                locked_until = now() + make_interval(secs => coalesce(
                    (SELECT l.lease FROM unnest(\(textArray(kinds))::text[], \(doubleArray(kinds.map { leases[$0]! }))::float8[]) AS l(kind, lease) WHERE l.kind = j.kind), 60)),
                updated_at = now()
            FROM due WHERE j.id = due.due_id
            RETURNING \(unescaped: Job.columns)
            """)
            .map(Job.init(row:))
    }

    /// Running jobs whose lease expired (their worker died or hung): queued again for another worker, or dead
    /// when that was their last attempt. Returns how many were reclaimed.
    @discardableResult
    public func reclaimExpired(on connection: PostgresConnection) throws -> Int {
        let rows = try connection.query(
            """
            WITH expired AS (
                SELECT id AS expired_id FROM jobs WHERE state = 'running' AND locked_until < now() FOR UPDATE SKIP LOCKED
            )
            UPDATE jobs j SET
                state = CASE WHEN j.attempts >= j.max_attempts THEN 'dead' ELSE 'queued' END,
                finished_at = CASE WHEN j.attempts >= j.max_attempts THEN now() END,
                run_at = now(), updated_at = now(), locked_until = NULL, locked_by = NULL,
                last_error = 'lease expired: ' || j.locked_by || ' stopped before finishing'
                    || CASE WHEN j.attempts >= j.max_attempts THEN ' the last attempt' ELSE '' END
            FROM expired WHERE j.id = expired.expired_id
            RETURNING j.state, j.kind
            """)
        for row in rows where try row.decode("state", as: String.self) == "queued" {
            try connection.query("SELECT pg_notify(\(Self.channel), \(try row.decode("kind", as: String.self)))")
        }
        return rows.count
    }

    /// Marks a job this worker still holds as succeeded; false when the lease was lost to another worker.
    @discardableResult
    public func complete(_ id: UUID, workerID: String, on connection: PostgresConnection) throws -> Bool {
        try connection.query(
            """
            UPDATE jobs SET state = 'succeeded', finished_at = now(), updated_at = now(), locked_until = NULL, locked_by = NULL
            WHERE id = \(id) AND locked_by = \(workerID) AND state = 'running'
            """).affectedRows == 1
    }

    /// Records a failed attempt: the job waits `retryDelay` seconds for the next one, or is dead when it has
    /// used its attempts (its own, or `maxAttempts`, the kind's, when given) or `retry` is false. Returns the
    /// new state, `nil` when the lease was lost.
    @discardableResult
    public func fail(_ id: UUID, workerID: String, error: String, retryDelay: Double, retry: Bool = true, maxAttempts: Int? = nil,
                     on connection: PostgresConnection) throws -> JobState? {
        let rows = try connection.query(
            """
            UPDATE jobs SET
                state = CASE WHEN \(retry) AND attempts < coalesce(\(maxAttempts)::integer, max_attempts) THEN 'failed' ELSE 'dead' END,
                run_at = CASE WHEN \(retry) AND attempts < coalesce(\(maxAttempts)::integer, max_attempts)
                    THEN now() + make_interval(secs => \(retryDelay)::float8) ELSE run_at END,
                finished_at = CASE WHEN \(retry) AND attempts < coalesce(\(maxAttempts)::integer, max_attempts) THEN NULL ELSE now() END,
                max_attempts = coalesce(\(maxAttempts)::integer, max_attempts),
                last_error = \(String(error.prefix(4000))), locked_until = NULL, locked_by = NULL, updated_at = now()
            WHERE id = \(id) AND locked_by = \(workerID) AND state = 'running'
            RETURNING state
            """)
        return try rows.first.flatMap { JobState(rawValue: try $0.decode("state")) }
    }

    /// Gives jobs back unfinished (a stopping worker): queued again at once, the attempt not counted.
    @discardableResult
    public func release(_ ids: [UUID], workerID: String, on connection: PostgresConnection) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let released = try connection.query(
            """
            UPDATE jobs SET state = 'queued', attempts = greatest(attempts - 1, 0), run_at = now(), updated_at = now(),
                locked_until = NULL, locked_by = NULL
            WHERE id = ANY(\(uuidArray(ids))::uuid[]) AND locked_by = \(workerID) AND state = 'running'
            RETURNING kind
            """)
        for row in released { try connection.query("SELECT pg_notify(\(Self.channel), \(try row.decode("kind", as: String.self)))") }
        return released.count
    }

    /// Extends the leases of jobs this worker is still running, each by its own number of seconds.
    @discardableResult
    public func extendLeases(_ leases: [UUID: Double], workerID: String, on connection: PostgresConnection) throws -> Int {
        guard !leases.isEmpty else { return 0 }
        let ids = Array(leases.keys)
        return try connection.query(
            """
            UPDATE jobs j SET locked_until = now() + make_interval(secs => l.lease), updated_at = now()
            FROM unnest(\(uuidArray(ids))::uuid[], \(doubleArray(ids.map { leases[$0]! }))::float8[]) AS l(id, lease)
            WHERE j.id = l.id AND j.locked_by = \(workerID) AND j.state = 'running'
            """).affectedRows
    }

    /// Deletes jobs that finished (succeeded or dead) more than `age` seconds ago, at most `limit` at a time,
    /// so the table and its indexes keep the size of the recent history. Returns how many were deleted.
    @discardableResult
    public func prune(finishedBefore age: Double, limit: Int = 10_000, on connection: PostgresConnection) throws -> Int {
        try connection.query(
            """
            DELETE FROM jobs WHERE id IN (
                SELECT id FROM jobs
                WHERE state IN ('succeeded', 'dead') AND finished_at < now() - make_interval(secs => \(age)::float8)
                LIMIT \(limit)
            )
            """).affectedRows
    }

    /// The newest job with `uniqueKey` of the organization that was queued less than `seconds` ago, whatever its
    /// state: a caller that asks again so soon gets that job instead of new work.
    public func recent(uniqueKey: String, organizationID: UUID, within seconds: Int, on connection: PostgresConnection) throws -> Job? {
        try connection.query(
            """
            SELECT \(unescaped: Job.columns) FROM jobs
            WHERE unique_key = \(uniqueKey) AND organization_id = \(organizationID) AND created_at > now() - make_interval(secs => \(seconds))
            ORDER BY created_at DESC LIMIT 1
            """).first.map(Job.init(row:))
    }

    public func find(_ id: UUID, on connection: PostgresConnection) throws -> Job? {
        try connection.query("SELECT \(unescaped: Job.columns) FROM jobs WHERE id = \(id)").first.map(Job.init(row:))
    }

    /// An organization's jobs, newest first, optionally of one state (keyset pagination).
    public func list(organizationID: UUID, state: JobState?, first: Int, after: JobCursor?, on connection: PostgresConnection) throws -> JobPage {
        let rows = try connection.query(
            """
            SELECT \(unescaped: Job.columns) FROM jobs
            WHERE organization_id = \(organizationID) AND (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)::text)
              AND (\(after?.createdAt)::timestamptz IS NULL OR (created_at, id) < (\(after?.createdAt)::timestamptz, \(after?.id)::uuid))
            ORDER BY created_at DESC, id DESC
            LIMIT \(first + 1)
            """)
        let jobs = try rows.map(Job.init(row:))
        return JobPage(jobs: Array(jobs.prefix(first)), hasNextPage: jobs.count > first)
    }

    /// How many jobs there are of each kind in each state.
    public func counts(on connection: PostgresConnection) throws -> [JobCount] {
        try connection.query("SELECT kind, state, count(*)::bigint AS n FROM jobs GROUP BY kind, state ORDER BY kind, state").map {
            JobCount(kind: try $0.decode("kind"), state: JobState(rawValue: try $0.decode("state")) ?? .queued, count: try $0.decode("n"))
        }
    }

    /// The most recently failed jobs (waiting for a retry, or dead), newest first.
    public func latestFailures(limit: Int, on connection: PostgresConnection) throws -> [Job] {
        try connection.query(
            """
            SELECT \(unescaped: Job.columns) FROM jobs WHERE last_error IS NOT NULL AND state IN ('failed', 'dead')
            ORDER BY updated_at DESC LIMIT \(limit)
            """).map(Job.init(row:))
    }
}

/// Jobs of one kind in one state.
public struct JobCount: Sendable, Equatable {
    public var kind: String
    public var state: JobState
    public var count: Int
}

public enum JobQueueError: Error, CustomStringConvertible {
    case uniqueKeyContended(String)

    public var description: String {
        switch self {
        case .uniqueKeyContended(let key): "the job with unique key \(key) kept changing while queuing; try again"
        }
    }
}
