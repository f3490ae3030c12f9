import FastCGI
import Postgres

/// Sends each request to the endpoint that answers its path.
struct Router: Sendable {
    let pool: PostgresPool

    func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        switch request.path {
        case "/healthz":
            return HealthCheck(pool: pool).respond()
        case "/graphql":
            return .json(501, #"{"errors":[{"message":"The GraphQL API is not available yet.","extensions":{"code":"NOT_IMPLEMENTED"}}]}"#)
        default:
            return .json(404, #"{"errors":[{"message":"Not found.","extensions":{"code":"NOT_FOUND"}}]}"#)
        }
    }
}
