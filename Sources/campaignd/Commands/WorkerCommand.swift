import Dispatch
import Foundation
import Jobs
import Postgres

/// `campaignd worker`: runs background jobs and queues the periodic ones.
enum WorkerCommand {
    static let help = """
        usage: campaignd worker

        Claims due jobs from the database's queue and runs them on CAMPAIGND_WORKER_THREADS threads, woken by
        LISTEN/NOTIFY when a job is queued (polling as a fallback), and queues the periodic jobs once per
        period however many workers run. On SIGTERM or SIGINT it stops claiming, lets running jobs finish (or
        gives them back after CAMPAIGND_WORKER_SHUTDOWN_SECONDS) and exits 0.

        Job kinds: \(WorkerTasks.kinds.joined(separator: ", "))

        \(WorkerSettings.environmentHelp)

        \(Configuration.environmentHelp)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: "worker", valued: [])
        if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
        let configuration = try Configuration.fromEnvironment()
        let settings = try WorkerSettings.fromEnvironment()
        let log: @Sendable (String) -> Void = { FileHandleOutput.standardError("campaignd: \($0)\n") }
        // Queue statements (one per thread, the heartbeat, the scheduler) and the tasks' own statements.
        let queuePool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: settings.threads + 2, waitTimeout: 30,
            preparesStatements: configuration.databasePreparedStatements)
        let taskPool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: settings.threads * 2, waitTimeout: 30,
            preparesStatements: configuration.databasePreparedStatements)
        let tasks = try WorkerTasks(pool: taskPool, configuration: configuration, settings: settings, log: log)
        let worker = Worker(
            pool: queuePool,
            configuration: Worker.Configuration(
                threads: settings.threads, pollInterval: settings.pollSeconds, shutdownGrace: settings.shutdownSeconds, log: log),
            definitions: tasks.definitions)
        let scheduler = Scheduler(pool: queuePool, jobs: tasks.periodic, log: log)
        let stopRequested = DispatchSemaphore(value: 0)
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { stopRequested.signal() }
        worker.start()
        if settings.runScheduler { scheduler.start() }
        log("worker \(worker.configuration.workerID) running \(worker.kinds.joined(separator: ", ")) on \(settings.threads) threads")
        stopRequested.wait()
        log("stopping: no new jobs; waiting for running ones")
        scheduler.stop()
        worker.stop()
        signals.cancel()
        queuePool.drain()
        taskPool.drain()
        log("stopped")
        return 0
    }
}
