import Foundation
import Jobs

/// The job kinds the worker runs; the API queues some of them by these names.
enum JobKinds {
    static let syncCampaignMetrics = "syncCampaignMetrics"
    static let refreshExpiringTokens = "refreshExpiringTokens"
    static let syncAdAccounts = "syncAdAccounts"
    /// Does nothing (or sleeps `{"sleepSeconds": n}`): for checking a deployment and for the benchmark.
    static let noop = "noop"

    struct NoopPayload: Decodable {
        var sleepSeconds: Double?
    }

    static func noopDefinition(lease: Double) -> JobDefinition {
        JobDefinition(kind: noop, lease: lease) { job, context in
            let payload = (try? job.payload(as: NoopPayload.self)) ?? NoopPayload()
            var remaining = payload.sleepSeconds ?? 0
            while remaining > 0 {
                if context.isStopping { throw JobReleased() }
                Thread.sleep(forTimeInterval: min(remaining, 0.1))
                remaining -= 0.1
            }
        }
    }
}
