import API
import FastCGI
import Postgres

/// Sends each request to the endpoint that answers its path.
struct Router: Sendable {
    let pool: PostgresPool
    let graphQL: GraphQLHTTPHandler

    func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        switch request.path {
        case "/healthz":
            return HealthCheck(pool: pool).respond()
        case "/graphql":
            return graphQL.respond(request)
        default:
            return .json(404, #"{"errors":[{"message":"Not found.","extensions":{"code":"NOT_FOUND"}}]}"#)
        }
    }
}
