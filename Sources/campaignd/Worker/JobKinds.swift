import Campaigns
import Foundation
import Jobs
import Postgres

/// The job kinds the worker runs; the API queues some of them by these names.
enum JobKinds {
    static let syncCampaignMetrics = MetricsSyncRequest.jobKind
    static let refreshExpiringTokens = "refreshExpiringTokens"
    static let syncAdAccounts = "syncAdAccounts"
    /// Deletes finished jobs older than the retention (`CAMPAIGND_JOBS_RETENTION_DAYS`).
    static let pruneJobs = "pruneJobs"
    /// Does nothing (or sleeps `{"sleepSeconds": n}`, not interrupted by a stop): for checking a deployment
    /// and for the benchmark.
    static let noop = "noop"

    struct NoopPayload: Decodable {
        var sleepSeconds: Double?
    }

    /// Deletes finished jobs, and execution-log entries of completed campaigns, older than their retentions
    /// (`executionLogRetentionDays` 0 keeps the log for ever), in batches so no statement runs long.
    static func pruneDefinition(
        retentionDays: Int, executionLogRetentionDays: Int, lease: Double, log: @escaping @Sendable (String) -> Void, pool: PostgresPool
    ) -> JobDefinition {
        JobDefinition(kind: pruneJobs, lease: lease) { _, _ in
            let jobs = try pruneInBatches(of: 10_000) {
                try pool.withConnection { try JobQueue().prune(finishedBefore: Double(retentionDays) * 86_400, on: $0) }
            }
            if jobs > 0 { log("jobs: pruned \(jobs) job(s) finished more than \(retentionDays) days ago") }
            guard executionLogRetentionDays > 0 else { return }
            let entries = try pruneInBatches(of: ExecutionLogRetention.batchSize) {
                try pool.withConnection { try ExecutionLogRetention().pruneBatch(olderThanDays: executionLogRetentionDays, on: $0) }
            }
            if entries > 0 {
                log("jobs: pruned \(entries) execution-log entr\(entries == 1 ? "y" : "ies") of completed campaigns older than \(executionLogRetentionDays) days")
            }
        }
    }

    private static func pruneInBatches(of size: Int, _ batch: () throws -> Int) throws -> Int {
        var deleted = 0
        while true {
            let count = try batch()
            deleted += count
            if count < size { return deleted }
        }
    }

    static func noopDefinition(lease: Double) -> JobDefinition {
        JobDefinition(kind: noop, lease: lease) { job, _ in
            let payload = (try? job.payload(as: NoopPayload.self)) ?? NoopPayload()
            if let seconds = payload.sleepSeconds, seconds > 0 { Thread.sleep(forTimeInterval: min(seconds, 3600)) }
        }
    }
}
