import Campaigns
import Foundation
import Integrations
import Jobs
import Postgres

/// Binds job kinds to the tasks that do the work, and says which kinds are periodic.
struct WorkerTasks {
    static let kinds = [JobKinds.syncCampaignMetrics, JobKinds.refreshExpiringTokens, JobKinds.syncAdAccounts, JobKinds.pruneJobs, JobKinds.noop]

    let definitions: [JobDefinition]
    let periodic: [PeriodicJob]

    init(pool: PostgresPool, configuration: Configuration, settings: WorkerSettings, log: @escaping @Sendable (String) -> Void) throws {
        let lease = settings.leaseSeconds
        let tokenKey = try configuration.requireTokenKey()
        // Background syncs reach 80 % of the daily Google operations at most: the rest is for launches and changes.
        let providers = PlatformProviders(settings: configuration.platformSettings(share: 0.8))
        let adapters = PlatformAdapters(providers: providers)
        let tokens = TokenService(providers: providers, encryptionKey: tokenKey)
        let metricsSync = MetricsSyncTask.sync(pool: pool, adapters: adapters, tokens: tokens, batchSize: settings.metricsBatchSize, log: log)
        let definitions = [
            MetricsSyncTask.definition(
                sync: metricsSync, rules: AutomationRuleEvaluator(pool: pool, lifecycle: CampaignLifecycleService(pool: pool, adapters: adapters, tokens: tokens)),
                lease: lease, log: log),
            IntegrationTasks.refreshExpiringTokens(
                tokens: tokens, pool: pool, interval: Double(settings.intervals[JobKinds.refreshExpiringTokens] ?? 300), lease: lease, log: log),
            IntegrationTasks.syncAdAccounts(accounts: AccountSyncService(providers: providers, tokens: tokens), pool: pool, lease: lease, log: log),
            JobKinds.pruneDefinition(
                retentionDays: settings.retentionDays, executionLogRetentionDays: settings.executionLogRetentionDays, lease: lease,
                log: log, pool: pool),
            JobKinds.noopDefinition(lease: lease),
        ]
        let periodic = [JobKinds.syncCampaignMetrics, JobKinds.refreshExpiringTokens, JobKinds.syncAdAccounts, JobKinds.pruneJobs].map { kind in
            PeriodicJob(kind: kind, interval: settings.intervals[kind] ?? 900)
        }
        self.definitions = definitions
        self.periodic = periodic
    }
}
