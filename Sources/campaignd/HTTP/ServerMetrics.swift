import API
import Integrations
import Telemetry

/// The responder's metric families, and how a request or a platform call is counted in them.
struct ServerMetrics: Sendable {
    let registry = MetricsRegistry()

    static let latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
    static let graphQLRequests = MetricFamily(
        "campaignd_graphql_requests_total", .counter,
        help: "GraphQL requests by operation type (none: refused before one was selected), outcome and HTTP status.")
    static let graphQLDuration = MetricFamily(
        "campaignd_graphql_request_duration_seconds", .histogram,
        help: "Time the responder spent on each /graphql request, by operation type.", buckets: latencyBuckets)
    static let plannedReads = MetricFamily(
        "campaignd_planned_reads_total", .counter,
        help: "Fields answered by one planned statement instead of their resolvers (campaigns pages the read planner knows).")
    static let platformRequests = MetricFamily(
        "campaignd_platform_requests_total", .counter,
        help: "Requests to the ad platforms from this responder (launches, status changes, OAuth), by platform and outcome; each retry counts.")
    static let platformDuration = MetricFamily(
        "campaignd_platform_request_duration_seconds", .histogram,
        help: "Time each ad platform request took, by platform.", buckets: latencyBuckets)

    init() {
        for family in [Self.graphQLRequests, Self.graphQLDuration, Self.plannedReads, Self.platformRequests, Self.platformDuration] {
            registry.register(family)
        }
    }

    func record(_ request: GraphQLRequestRecord) {
        let type = request.operationType ?? "none"
        registry.increment(Self.graphQLRequests.name, [
            ("operation_type", type), ("outcome", request.outcome.rawValue), ("status", String(request.status)),
        ])
        registry.observe(Self.graphQLDuration.name, request.seconds, [("operation_type", type)])
        if request.plannedReads > 0 { registry.increment(Self.plannedReads.name, by: Double(request.plannedReads)) }
    }

    func recordPlatformRequest(_ platform: AdPlatform, _ outcome: String, _ seconds: Double) {
        registry.increment(Self.platformRequests.name, [("platform", platform.rawValue), ("outcome", outcome)])
        registry.observe(Self.platformDuration.name, seconds, [("platform", platform.rawValue)])
    }
}
