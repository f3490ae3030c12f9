import Campaigns
import Foundation
import Integrations
import Jobs
import Postgres

/// `syncCampaignMetrics` jobs: with `{"campaignId": …}` and an organization, one campaign (queued by the API);
/// without, every organization's live and lately paused campaigns (queued by the scheduler). After a sync,
/// the automated rules of the organizations it covered are evaluated on the new figures.
enum MetricsSyncTask {
    /// The metrics sync of the worker and of `jobs bench-sync`: access tokens come through `tokens` (refreshed
    /// when the platform says they expired).
    static func sync(pool: PostgresPool, adapters: PlatformAdapters, tokens: TokenService, batchSize: Int,
                     log: @escaping @Sendable (String) -> Void = { _ in }) -> MetricsSync {
        MetricsSync(
            pool: pool, adapters: adapters,
            accessToken: { organizationID, integrationID, force in
                try pool.withConnection { connection in
                    try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: connection, forceRefresh: force)
                }
            },
            settings: MetricsSync.Settings(batchSize: batchSize), log: log)
    }

    static func definition(sync: MetricsSync, rules: AutomationRuleEvaluator, lease: Double, log: @escaping @Sendable (String) -> Void) -> JobDefinition {
        JobDefinition(kind: JobKinds.syncCampaignMetrics, lease: lease, backoff: BackoffPolicy(baseDelay: 10, maximumDelay: 600)) { job, _ in
            guard let payload = try? job.payload(as: MetricsSyncRequest.self) else {
                throw PermanentJobFailure("the payload is not a metrics sync request: \(job.payloadJSON.prefix(200))")
            }
            if let campaignID = payload.campaignId {
                guard let organizationID = job.organizationID else {
                    throw PermanentJobFailure("a campaign's sync needs the job's organization")
                }
                let report: MetricsSyncReport
                do {
                    report = try sync.sync(campaignID: campaignID, organizationID: organizationID)
                } catch {
                    // The job's last error is the organization's to read (`Job.lastError`): database and network
                    // details are for the operators' log only.
                    log("metrics sync of campaign \(campaignID.uuidString.lowercased()) failed: \(error)")
                    throw MetricsSyncFailed(message: "the campaign's metrics could not be synced (an internal error, logged for the operators)")
                }
                // The failure is on the campaign's execution log; failing the job retries it.
                if let message = report.failures[campaignID] { throw MetricsSyncFailed(message: message) }
                do {
                    _ = try rules.evaluate(organizationID: organizationID)
                } catch {
                    log("automation rules of organization \(organizationID.uuidString.lowercased()) failed: \(error)")
                }
                return
            }
            let report = try sync.syncAll()
            log("metrics sync: \(report.synced) of \(report.campaigns) campaigns synced, \(report.failed) failed, \(report.valuesWritten) values written")
            let runs = rules.evaluateAll(log: log)
            if !runs.isEmpty { log("automation rules: \(runs.count) evaluation(s) acted or would act") }
        }
    }
}

struct MetricsSyncFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
