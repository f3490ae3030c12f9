import Foundation
import Jobs
import Postgres

/// Binds job kinds to the tasks that do the work, and says which kinds are periodic.
struct WorkerTasks {
    static let kinds = [JobKinds.syncCampaignMetrics, JobKinds.noop]

    let definitions: [JobDefinition]
    let periodic: [PeriodicJob]

    init(pool: PostgresPool, configuration: Configuration, settings: WorkerSettings, log: @escaping @Sendable (String) -> Void) {
        let lease = settings.leaseSeconds
        var definitions = [JobKinds.noopDefinition(lease: lease)]
        var periodic: [PeriodicJob] = []
        definitions.append(MetricsSyncTask.definition(pool: pool, lease: lease, log: log))
        periodic.append(PeriodicJob(kind: JobKinds.syncCampaignMetrics, interval: settings.intervals[JobKinds.syncCampaignMetrics] ?? 900))
        self.definitions = definitions
        self.periodic = periodic
    }
}
