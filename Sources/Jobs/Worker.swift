import Foundation
import Postgres

/// Runs jobs on a number of threads: each thread claims one due job at a time, runs its kind's handler and
/// records the outcome. Threads sleep until a `NOTIFY` says a job was queued, or the poll interval passes
/// (for retries coming due and missed notifications). A heartbeat renews the leases of running jobs.
public final class Worker: @unchecked Sendable {
    public struct Configuration: Sendable {
        public var threads: Int
        /// Seconds between claims when no notification arrives.
        public var pollInterval: Double
        /// Seconds `stop()` waits for running handlers before giving their jobs back.
        public var shutdownGrace: Double
        /// Names this worker in `locked_by` (with `#n`, the claiming thread's number); unique per process.
        public var workerID: String
        public var log: @Sendable (String) -> Void

        public init(threads: Int = 4, pollInterval: Double = 5, shutdownGrace: Double = 30,
                    workerID: String = Worker.defaultID(), log: @escaping @Sendable (String) -> Void = { _ in }) {
            self.threads = max(1, threads)
            self.pollInterval = pollInterval
            self.shutdownGrace = shutdownGrace
            self.workerID = workerID
            self.log = log
        }
    }

    /// `host:pid:random`, so two workers never share an id.
    public static func defaultID() -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UInt32.random(in: 0...UInt32.max) % 100_000)"
    }

    public let configuration: Configuration
    private let pool: PostgresPool
    private let definitions: [String: JobDefinition]
    private let queue = JobQueue()
    private let condition = NSCondition()
    private var generation = 0
    private var stopping = false
    /// Jobs being run, with their leases and holders, for the heartbeat and for release on stop.
    private var running: [UUID: (lease: Double, holder: String)] = [:]
    private let threadsDone = DispatchGroup()
    private var listener: NotificationListener?
    private let doneCondition = NSCondition()
    private var done = false
    private var lastReclaim = Date.distantPast
    /// Seconds between looks for expired leases: a dead worker's job waits at most its lease plus this.
    private var reclaimInterval: Double { min(1, configuration.pollInterval) }

    /// `pool` serves the queue's statements: give it at least `threads + 1` connections.
    public init(pool: PostgresPool, configuration: Configuration, definitions: [JobDefinition]) {
        self.pool = pool
        self.configuration = configuration
        self.definitions = Dictionary(definitions.map { ($0.kind, $0) }, uniquingKeysWith: { $1 })
    }

    public var kinds: [String] { definitions.keys.sorted() }

    public func start() {
        let listener = NotificationListener(
            conninfo: pool.configuration.conninfo, channel: JobQueue.channel, log: configuration.log) { [weak self] in self?.wake() }
        self.listener = listener
        listener.start()
        for index in 0..<configuration.threads {
            threadsDone.enter()
            let thread = Thread { [self] in
                runLoop(holder: "\(configuration.workerID)#\(index)")
                threadsDone.leave()
            }
            thread.name = "jobs-worker-\(index)"
            thread.start()
        }
        threadsDone.enter()
        let heartbeat = Thread { [self] in
            heartbeatLoop()
            threadsDone.leave()
        }
        heartbeat.name = "jobs-heartbeat"
        heartbeat.start()
    }

    /// Stops claiming, waits up to the shutdown grace for running handlers, then gives the jobs still running
    /// back to the queue (a handler that outlasts the grace may go on, but can no longer complete its job).
    public func stop() {
        condition.lock()
        let alreadyStopping = stopping
        stopping = true
        condition.broadcast()
        condition.unlock()
        guard !alreadyStopping else { waitUntilStopped(); return }
        listener?.stop()
        if threadsDone.wait(timeout: .now() + configuration.shutdownGrace) == .timedOut {
            let unfinished = condition.withLock { Dictionary(grouping: running, by: \.value.holder).mapValues { $0.map(\.key) } }
            do {
                let released = try pool.withConnection { connection in
                    try unfinished.reduce(0) { $0 + (try queue.release($1.value, workerID: $1.key, on: connection)) }
                }
                configuration.log("jobs: released \(released) unfinished job(s) after \(configuration.shutdownGrace)s")
            } catch {
                configuration.log("jobs: could not release unfinished jobs (their leases will expire): \(error)")
            }
        }
        doneCondition.withLock {
            done = true
            doneCondition.broadcast()
        }
    }

    /// Blocks until ``stop()`` finished.
    public func waitUntilStopped() {
        doneCondition.lock()
        while !done { doneCondition.wait() }
        doneCondition.unlock()
    }

    /// Wakes idle threads to claim now (a job was queued).
    public func wake() {
        condition.withLock {
            generation += 1
            condition.broadcast()
        }
    }

    private var isStopping: Bool { condition.withLock { stopping } }

    /// `holder` is the thread's name in `locked_by`: one per thread, so that when a lease expired under a
    /// running handler and another thread of this worker took the job over, the first can no longer finish it.
    private func runLoop(holder: String) {
        let leases = definitions.mapValues(\.lease)
        while true {
            let seen: Int = condition.withLock { stopping ? -1 : generation }
            guard seen >= 0 else { return }
            reclaimExpiredLeases()
            var job: Job?
            do {
                job = try pool.withConnection { connection in
                    try queue.claim(leases: leases, limit: 1, workerID: holder, on: connection).first
                }
            } catch {
                configuration.log("jobs: claim failed: \(error)")
            }
            if let job {
                run(job, holder: holder)
                continue
            }
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: configuration.pollInterval)
            while generation == seen && !stopping {
                if !condition.wait(until: deadline) { break }
            }
            condition.unlock()
        }
    }

    /// At most every `reclaimInterval` seconds per worker, gives expired leases' jobs back to the queue.
    private func reclaimExpiredLeases() {
        let due: Bool = condition.withLock {
            guard Date().timeIntervalSince(lastReclaim) >= reclaimInterval else { return false }
            lastReclaim = Date()
            return true
        }
        guard due else { return }
        do {
            let reclaimed = try pool.withConnection { try queue.reclaimExpired(on: $0) }
            if reclaimed > 0 { configuration.log("jobs: reclaimed \(reclaimed) job(s) whose worker's lease expired") }
        } catch {
            configuration.log("jobs: reclaiming expired leases failed: \(error)")
        }
    }

    private func run(_ job: Job, holder: String) {
        guard let definition = definitions[job.kind] else { return }
        condition.withLock { running[job.id] = (definition.lease, holder) }
        defer {
            condition.withLock {
                if running[job.id]?.holder == holder { running[job.id] = nil }
                // A stopping heartbeat waits for the last running job.
                condition.broadcast()
            }
        }
        let context = JobContext(workerID: configuration.workerID) { [weak self] in self?.isStopping ?? true }
        let started = Date()
        do {
            try definition.handler(job, context)
            let completed = try pool.withConnection { try queue.complete(job.id, workerID: holder, on: $0) }
            guard completed else {
                configuration.log("jobs: \(job.kind) \(job.id.uuidString.lowercased()) finished after its lease was lost; not recorded")
                return
            }
            configuration.log("jobs: \(job.kind) \(job.id.uuidString.lowercased()) succeeded in \(String(format: "%.3f", Date().timeIntervalSince(started)))s")
        } catch is JobReleased {
            _ = try? pool.withConnection { try queue.release([job.id], workerID: holder, on: $0) }
            configuration.log("jobs: \(job.kind) \(job.id.uuidString.lowercased()) released")
        } catch {
            let retry = !(error is PermanentJobFailure) && job.attempts < (definition.maxAttempts ?? job.maxAttempts)
            let delay = definition.backoff.delay(afterAttempt: job.attempts)
            do {
                let state = try pool.withConnection {
                    try queue.fail(job.id, workerID: holder, error: String(describing: error), retryDelay: delay, retry: retry,
                                   maxAttempts: definition.maxAttempts, on: $0)
                }
                let outcome = state == .dead ? "dead" : "retried in \(String(format: "%.1f", delay))s"
                configuration.log("jobs: \(job.kind) \(job.id.uuidString.lowercased()) attempt \(job.attempts) failed (\(outcome)): \(error)")
            } catch let recordError {
                configuration.log("jobs: could not record the failure of \(job.id.uuidString.lowercased()): \(recordError)")
            }
        }
    }

    private func heartbeatLoop() {
        let interval = max(0.2, (definitions.values.map(\.lease).min() ?? 60) / 3)
        while true {
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: interval)
            // Once stopping, the heartbeat ends as soon as the last running job is done, not an interval later.
            while !(stopping && running.isEmpty), condition.wait(until: deadline) {}
            let leases = running
            let stop = stopping
            condition.unlock()
            // After stop() the heartbeat keeps the leases of handlers still finishing, until they are done.
            if stop && leases.isEmpty { return }
            guard !leases.isEmpty else { continue }
            do {
                try pool.withConnection { connection in
                    for (holder, held) in Dictionary(grouping: leases, by: \.value.holder) {
                        _ = try queue.extendLeases(held.reduce(into: [:]) { $0[$1.key] = $1.value.lease }, workerID: holder, on: connection)
                    }
                }
            } catch {
                configuration.log("jobs: lease renewal failed: \(error)")
            }
        }
    }
}
