import Foundation
import Postgres

/// A kind queued every `interval` seconds as a system job (no organization).
public struct PeriodicJob: Sendable, Equatable {
    public var kind: String
    public var interval: Int
    public var payloadJSON: String
    public var maxAttempts: Int

    public init(kind: String, interval: Int, payloadJSON: String = "{}", maxAttempts: Int = 3) {
        self.kind = kind
        self.interval = max(1, interval)
        self.payloadJSON = payloadJSON
        self.maxAttempts = maxAttempts
    }
}

/// Queues periodic jobs, once per period however many workers run a scheduler: periods are aligned to
/// the Unix epoch (`floor(now / interval)`), and the worker whose `UPDATE` of the kind's `job_schedules`
/// row moves `next_run_at` past now queues that period's job in the same transaction; the others find
/// the row already moved (the row lock orders them). The job's unique key `kind@periodStart` is a
/// second guard.
public final class Scheduler: @unchecked Sendable {
    public let jobs: [PeriodicJob]
    private let pool: PostgresPool
    private let tickInterval: Double
    private let log: @Sendable (String) -> Void
    private let condition = NSCondition()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private var thread: Thread?

    public init(pool: PostgresPool, jobs: [PeriodicJob], tickInterval: Double = 1, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.pool = pool
        self.jobs = jobs
        self.tickInterval = tickInterval
        self.log = log
    }

    /// Queues the jobs whose period began and was not queued yet; returns them.
    @discardableResult
    public func tick() throws -> [Job] {
        var queued: [Job] = []
        for periodic in jobs {
            let job: Job? = try pool.withTransaction { connection in
                try connection.query(
                    """
                    INSERT INTO job_schedules (kind, interval_seconds, next_run_at) VALUES (\(periodic.kind), \(periodic.interval), now())
                    ON CONFLICT (kind) DO NOTHING
                    """)
                let due = try connection.query(
                    """
                    UPDATE job_schedules SET interval_seconds = \(periodic.interval), last_run_at = now(),
                        next_run_at = to_timestamp((floor(extract(epoch FROM now()) / \(periodic.interval)::integer) + 1) * \(periodic.interval)::integer)
                    WHERE kind = \(periodic.kind) AND next_run_at <= now()
                    RETURNING to_char(to_timestamp(floor(extract(epoch FROM now()) / \(periodic.interval)::integer) * \(periodic.interval)::integer) AT TIME ZONE 'UTC',
                                      'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS period_start
                    """)
                guard let row = due.first else { return nil }
                let periodStart: String = try row.decode("period_start")
                let enqueued = try JobQueue().enqueue(
                    NewJob(kind: periodic.kind, payloadJSON: periodic.payloadJSON, uniqueKey: "\(periodic.kind)@\(periodStart)",
                           maxAttempts: periodic.maxAttempts), on: connection)
                return enqueued.isNew ? enqueued.job : nil
            }
            if let job { queued.append(job) }
        }
        return queued
    }

    /// Ticks every `tickInterval` seconds on a thread of its own until ``stop()``.
    public func start() {
        let thread = Thread { [self] in
            while true {
                do {
                    for job in try tick() { log("scheduler: queued \(job.kind) (\(job.uniqueKey ?? ""))") }
                } catch {
                    log("scheduler: \(error)")
                }
                condition.lock()
                let deadline = Date(timeIntervalSinceNow: tickInterval)
                while !stopped, condition.wait(until: deadline) {}
                let done = stopped
                condition.unlock()
                if done { break }
            }
            finished.signal()
        }
        thread.name = "jobs-scheduler"
        self.thread = thread
        thread.start()
    }

    public func stop() {
        guard thread != nil else { return }
        condition.withLock {
            stopped = true
            condition.broadcast()
        }
        finished.wait()
        thread = nil
    }
}
