import Campaigns
import Foundation
import Integrations
import Jobs
import Postgres

/// Binds job kinds to the tasks that do the work, and says which kinds are periodic.
struct WorkerTasks {
    static let kinds = [JobKinds.syncCampaignMetrics, JobKinds.noop]

    let definitions: [JobDefinition]
    let periodic: [PeriodicJob]

    init(pool: PostgresPool, configuration: Configuration, settings: WorkerSettings, log: @escaping @Sendable (String) -> Void) throws {
        let lease = settings.leaseSeconds
        let tokenKey = try configuration.requireTokenKey()
        let adapters = PlatformAdapters(providers: PlatformProviders(settings: configuration.platforms))
        let tokens = StoredAccessTokens(pool: pool, tokenKey: tokenKey)
        var definitions = [JobKinds.noopDefinition(lease: lease)]
        var periodic: [PeriodicJob] = []
        let metricsSync = MetricsSync(
            pool: pool, adapters: adapters, accessToken: { try tokens.accessToken(organizationID: $0, integrationID: $1) },
            settings: MetricsSync.Settings(batchSize: settings.metricsBatchSize), log: log)
        definitions.append(MetricsSyncTask.definition(sync: metricsSync, lease: lease, log: log))
        periodic.append(PeriodicJob(kind: JobKinds.syncCampaignMetrics, interval: settings.intervals[JobKinds.syncCampaignMetrics] ?? 900))
        self.definitions = definitions
        self.periodic = periodic
    }
}
