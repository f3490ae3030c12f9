import API
import FastCGI

/// Sends each request to the endpoint that answers its path. nginx lets `/metrics` through from loopback only.
struct Router: Sendable {
    let health: HealthCheck
    let graphQL: GraphQLHTTPHandler
    let metrics: MetricsEndpoint

    func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        switch request.path {
        case "/healthz":
            return health.respond(ready: false)
        case "/readyz":
            return health.respond(ready: true)
        case "/graphql":
            return graphQL.respond(request)
        case "/metrics":
            return metrics.respond()
        default:
            return .json(404, #"{"errors":[{"message":"Not found.","extensions":{"code":"NOT_FOUND"}}]}"#)
        }
    }
}
