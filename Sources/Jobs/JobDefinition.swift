import Foundation

/// A kind of job a worker runs: its handler, how long a claim's lease lasts, and how failures are retried.
public struct JobDefinition: Sendable {
    public typealias Handler = @Sendable (Job, JobContext) throws -> Void

    public var kind: String
    /// Seconds a claimed job stays leased; the worker renews the lease while the handler runs, so this is how
    /// soon another worker takes over after this one died.
    public var lease: Double
    public var backoff: BackoffPolicy
    /// The kind's most attempts, whatever a job was queued with (`nil`: the job's own `maxAttempts`).
    public var maxAttempts: Int?
    public var handler: Handler

    public init(kind: String, lease: Double = 60, backoff: BackoffPolicy = BackoffPolicy(), maxAttempts: Int? = nil,
                handler: @escaping Handler) {
        self.kind = kind
        self.lease = lease
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.handler = handler
    }
}

/// What a running handler can ask the worker.
public struct JobContext: Sendable {
    public let workerID: String
    let stopping: @Sendable () -> Bool

    /// True once the worker was asked to stop: a long handler may throw ``JobReleased`` to give the job back
    /// (queued again, the attempt not counted) instead of finishing it.
    public var isStopping: Bool { stopping() }
}

/// Thrown by a handler to give its job back unfinished, e.g. because the worker is stopping.
public struct JobReleased: Error {
    public init() {}
}

/// Thrown by a handler for a failure that no retry can fix: the job is dead at once.
public struct PermanentJobFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
