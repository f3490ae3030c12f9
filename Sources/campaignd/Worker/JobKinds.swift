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

    static func pruneDefinition(retentionDays: Int, lease: Double, log: @escaping @Sendable (String) -> Void, pool: PostgresPool) -> JobDefinition {
        JobDefinition(kind: pruneJobs, lease: lease) { _, _ in
            var deleted = 0
            while true {
                let batch = try pool.withConnection { try JobQueue().prune(finishedBefore: Double(retentionDays) * 86_400, on: $0) }
                deleted += batch
                if batch < 10_000 { break }
            }
            if deleted > 0 { log("jobs: pruned \(deleted) job(s) finished more than \(retentionDays) days ago") }
        }
    }

    static func noopDefinition(lease: Double) -> JobDefinition {
        JobDefinition(kind: noop, lease: lease) { job, _ in
            let payload = (try? job.payload(as: NoopPayload.self)) ?? NoopPayload()
            if let seconds = payload.sleepSeconds, seconds > 0 { Thread.sleep(forTimeInterval: min(seconds, 3600)) }
        }
    }
}
