import Foundation
import Postgres

/// Where a job is in its life; see `schema/migrations/0004_jobs.sql`.
public enum JobState: String, Sendable, CaseIterable {
    /// Waiting for its `runAt`.
    case queued
    /// Claimed by a worker that holds a lease until `lockedUntil`.
    case running
    case succeeded
    /// The last attempt failed; retried at `runAt`.
    case failed
    /// Failed `maxAttempts` times; `lastError` says why the last attempt failed.
    case dead
}

/// One row of the `jobs` table.
public struct Job: Sendable, Equatable {
    public var id: UUID
    public var kind: String
    /// The payload as JSON text; decode it with ``payload(as:)``.
    public var payloadJSON: String
    /// `nil` for system jobs, which belong to no organization.
    public var organizationID: UUID?
    public var state: JobState
    public var attempts: Int
    public var maxAttempts: Int
    public var runAt: Date
    public var lockedUntil: Date?
    public var lockedBy: String?
    public var lastError: String?
    public var uniqueKey: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var finishedAt: Date?
    /// The keyset position of the job in the newest-first order (`created_at` as microsecond text).
    public var cursor: JobCursor

    /// The payload decoded as `T`.
    public func payload<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(payloadJSON.utf8))
    }

    static let columns = """
        id, kind, payload, organization_id, state, attempts, max_attempts, run_at, locked_until, locked_by, last_error, \
        unique_key, created_at, updated_at, finished_at, \
        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time
        """

    init(row: PostgresRow) throws {
        let stateText: String = try row.decode("state")
        guard let state = JobState(rawValue: stateText) else {
            throw PostgresError.decoding(column: "state", message: "unknown job state \(stateText)")
        }
        id = try row.decode("id")
        kind = try row.decode("kind")
        payloadJSON = try row.decode("payload", as: PostgresJSON.self).text
        organizationID = try row.decode("organization_id", as: UUID?.self)
        self.state = state
        attempts = try row.decode("attempts")
        maxAttempts = try row.decode("max_attempts")
        runAt = try row.decode("run_at")
        lockedUntil = try row.decode("locked_until", as: Date?.self)
        lockedBy = try row.decode("locked_by", as: String?.self)
        lastError = try row.decode("last_error", as: String?.self)
        uniqueKey = try row.decode("unique_key", as: String?.self)
        createdAt = try row.decode("created_at")
        updatedAt = try row.decode("updated_at")
        finishedAt = try row.decode("finished_at", as: Date?.self)
        cursor = JobCursor(createdAt: try row.decode("cursor_time"), id: id)
    }
}

/// A position in the newest-first list of jobs: `createdAt` as `YYYY-MM-DDTHH:MM:SS.ffffffZ` and the id.
public struct JobCursor: Sendable, Equatable {
    public var createdAt: String
    public var id: UUID

    public init(createdAt: String, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }
}

/// One page of jobs, newest first.
public struct JobPage: Sendable {
    public var jobs: [Job]
    public var hasNextPage: Bool
}
