import Campaigns
import Foundation
import Jobs

/// The job kinds the worker runs; the API queues some of them by these names.
enum JobKinds {
    static let syncCampaignMetrics = MetricsSyncRequest.jobKind
    static let refreshExpiringTokens = "refreshExpiringTokens"
    static let syncAdAccounts = "syncAdAccounts"
    /// Does nothing (or sleeps `{"sleepSeconds": n}`, not interrupted by a stop): for checking a deployment
    /// and for the benchmark.
    static let noop = "noop"

    struct NoopPayload: Decodable {
        var sleepSeconds: Double?
    }

    static func noopDefinition(lease: Double) -> JobDefinition {
        JobDefinition(kind: noop, lease: lease) { job, _ in
            let payload = (try? job.payload(as: NoopPayload.self)) ?? NoopPayload()
            if let seconds = payload.sleepSeconds, seconds > 0 { Thread.sleep(forTimeInterval: min(seconds, 3600)) }
        }
    }
}
