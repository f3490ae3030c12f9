import Foundation

/// The worker's settings from the environment (see README, "Background jobs").
struct WorkerSettings: Sendable {
    var threads: Int
    var pollSeconds: Double
    var shutdownSeconds: Double
    var leaseSeconds: Double
    var runScheduler: Bool
    var metricsBatchSize: Int
    var retentionDays: Int
    /// Days execution-log entries of completed campaigns are kept; 0 keeps them.
    var executionLogRetentionDays: Int
    /// Seconds between periodic runs, by job kind.
    var intervals: [String: Int]

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> WorkerSettings {
        func seconds(_ name: String, default value: Double, minimum: Double? = nil) throws -> Double {
            guard let text = environment[name], !text.isEmpty else { return value }
            guard let number = Double(text), minimum.map({ number >= $0 }) ?? (number > 0), number <= 86_400 else {
                let range = minimum.map { "[\(String(format: "%g", $0)), 86400]" } ?? "(0, 86400]"
                throw UsageError("\(name) must be a number of seconds in \(range), got \"\(text)\"")
            }
            return number
        }
        let scheduler = environment["CAMPAIGND_SCHEDULER"] ?? ""
        guard ["", "on", "off"].contains(scheduler) else {
            throw UsageError("CAMPAIGND_SCHEDULER must be on or off, got \"\(scheduler)\"")
        }
        return WorkerSettings(
            threads: try environment.integerSetting("CAMPAIGND_WORKER_THREADS", default: 4, range: 1...64),
            pollSeconds: try seconds("CAMPAIGND_WORKER_POLL_SECONDS", default: 5),
            shutdownSeconds: try seconds("CAMPAIGND_WORKER_SHUTDOWN_SECONDS", default: 30),
            // The heartbeat renews leases at most every 0.2 s: a shorter lease would expire under a running
            // job, and another worker would run it a second time.
            leaseSeconds: try seconds("CAMPAIGND_JOB_LEASE_SECONDS", default: 60, minimum: 1),
            runScheduler: scheduler != "off",
            metricsBatchSize: try environment.integerSetting("CAMPAIGND_SYNC_METRICS_BATCH", default: 500, range: 1...10_000),
            retentionDays: try environment.integerSetting("CAMPAIGND_JOBS_RETENTION_DAYS", default: 14, range: 1...3650),
            executionLogRetentionDays: try environment.integerSetting("CAMPAIGND_EXECUTION_LOG_RETENTION_DAYS", default: 365, range: 0...36_500),
            intervals: [
                JobKinds.syncCampaignMetrics: try environment.integerSetting("CAMPAIGND_SYNC_METRICS_INTERVAL", default: 900, range: 1...604_800),
                JobKinds.refreshExpiringTokens: try environment.integerSetting("CAMPAIGND_REFRESH_TOKENS_INTERVAL", default: 300, range: 1...604_800),
                JobKinds.syncAdAccounts: try environment.integerSetting("CAMPAIGND_SYNC_AD_ACCOUNTS_INTERVAL", default: 3600, range: 1...604_800),
                JobKinds.pruneJobs: 3600,
            ])
    }

    static let environmentHelp = """
        Worker environment:
          CAMPAIGND_WORKER_THREADS          jobs run at once (default 4)
          CAMPAIGND_WORKER_POLL_SECONDS     claim interval when no NOTIFY arrives (default 5)
          CAMPAIGND_WORKER_SHUTDOWN_SECONDS on SIGTERM, wait this long for running jobs, then give them back (default 30)
          CAMPAIGND_JOB_LEASE_SECONDS       how soon another worker takes over a dead worker's job (default 60, at least 1)
          CAMPAIGND_SCHEDULER               on|off: queue the periodic jobs (default on)
          CAMPAIGND_SYNC_METRICS_INTERVAL   seconds between metrics syncs (default 900)
          CAMPAIGND_SYNC_METRICS_BATCH      campaigns per metrics sync batch (default 500)
          CAMPAIGND_REFRESH_TOKENS_INTERVAL seconds between token refreshes (default 300)
          CAMPAIGND_SYNC_AD_ACCOUNTS_INTERVAL seconds between ad account syncs (default 3600)
          CAMPAIGND_JOBS_RETENTION_DAYS     finished jobs are deleted after this many days (default 14; hourly)
          CAMPAIGND_EXECUTION_LOG_RETENTION_DAYS  execution-log entries of completed campaigns are deleted
                                            after this many days (default 365; 0 keeps them; hourly)
        """
}
