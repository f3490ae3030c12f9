import FastCGI
import GraphQL
import Postgres
import Telemetry

/// `GET /metrics`: the Prometheus text format. Counters come from the process; pool, document cache, job queue
/// and metrics-sync lag are read at scrape time, the database ones on the health check's own connection with a
/// short statement timeout, so a scrape works when API requests hold every other connection.
struct MetricsEndpoint: Sendable {
    let metrics: ServerMetrics
    let apiPool: PostgresPool
    let ownPool: PostgresPool
    let pipeline: GraphQLPipeline
    let log: RequestLog

    static let connections = MetricFamily(
        "campaignd_database_connections", .gauge, help: "The API's database connections by state (in_use, idle), and its maximum.")
    static let waiting = MetricFamily(
        "campaignd_database_connection_waiters", .gauge, help: "Requests waiting for a database connection.")
    static let cacheLookups = MetricFamily(
        "campaignd_document_cache_lookups_total", .counter, help: "Parsed-document cache lookups by result (hit, miss).")
    static let cacheEvictions = MetricFamily(
        "campaignd_document_cache_evictions_total", .counter, help: "Documents evicted from the parsed-document cache.")
    static let cacheSize = MetricFamily(
        "campaignd_document_cache_size", .gauge, help: "The parsed-document cache: entries and estimated bytes.")
    static let jobs = MetricFamily(
        "campaignd_jobs", .gauge, help: "Jobs waiting or running, by kind and state (queued, running, failed: waiting to retry).")
    static let jobAge = MetricFamily(
        "campaignd_job_oldest_age_seconds", .gauge, help: "Seconds since the oldest job of each kind and state was due.")
    static let syncLag = MetricFamily(
        "campaignd_metrics_sync_lag_seconds", .gauge,
        help: "Seconds since the last successful platform metrics sync finished (absent before the first).")
    static let scrapeErrors = MetricFamily(
        "campaignd_metrics_database_up", .gauge, help: "1 when the scrape could read the job queue from the database, else 0.")

    func respond() -> FastCGIResponse {
        var gauges: [GaugeSample] = []
        let pool = apiPool.statistics
        gauges.append(GaugeSample(Self.connections, [("state", "in_use")], Double(pool.inUse)))
        gauges.append(GaugeSample(Self.connections, [("state", "idle")], Double(pool.idle)))
        gauges.append(GaugeSample(Self.connections, [("state", "max")], Double(pool.maximum)))
        gauges.append(GaugeSample(Self.waiting, [], Double(pool.waiting)))
        let cache = pipeline.documentCache.statistics
        gauges.append(GaugeSample(Self.cacheLookups, [("result", "hit")], Double(cache.hits)))
        gauges.append(GaugeSample(Self.cacheLookups, [("result", "miss")], Double(cache.misses)))
        gauges.append(GaugeSample(Self.cacheEvictions, [], Double(cache.evictions)))
        gauges.append(GaugeSample(Self.cacheSize, [("unit", "entries")], Double(cache.count)))
        gauges.append(GaugeSample(Self.cacheSize, [("unit", "bytes")], Double(pipeline.documentCache.cachedBytes)))
        do {
            gauges += try databaseGauges()
            gauges.append(GaugeSample(Self.scrapeErrors, [], 1))
        } catch {
            log.failure("metrics_scrape", String(describing: error))
            gauges.append(GaugeSample(Self.scrapeErrors, [], 0))
        }
        let body = metrics.registry.exposition(gauges: gauges)
        return FastCGIResponse(
            status: 200, headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8"), ("Cache-Control", "no-store")],
            body: Array(body.utf8))
    }

    /// Pending jobs only (queued, running, failed), which the partial indexes hold; finished ones are history.
    private func databaseGauges() throws -> [GaugeSample] {
        try ownPool.withTransaction { connection in
            try connection.execute("SET LOCAL statement_timeout = '2s'")
            var gauges: [GaugeSample] = []
            for row in try connection.query("""
                SELECT kind, state, count(*)::float8 AS jobs, extract(epoch FROM now() - min(run_at))::float8 AS age
                FROM jobs WHERE state IN ('queued', 'running', 'failed') GROUP BY kind, state ORDER BY kind, state
                """) {
                let labels = [("kind", try row.decode("kind", as: String.self)), ("state", try row.decode("state", as: String.self))]
                gauges.append(GaugeSample(Self.jobs, labels, try row.decode("jobs")))
                gauges.append(GaugeSample(Self.jobAge, labels, max(0, try row.decode("age", as: Double.self))))
            }
            let lag: Double? = try connection.query("""
                SELECT extract(epoch FROM now() - max(finished_at))::float8 AS lag
                FROM jobs WHERE kind = 'syncCampaignMetrics' AND state = 'succeeded'
                """)[0].decode("lag")
            if let lag { gauges.append(GaugeSample(Self.syncLag, [], max(0, lag))) }
            return gauges
        }
    }
}
