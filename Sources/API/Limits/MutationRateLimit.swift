import Foundation
import GraphQL
import Postgres

/// The per-organization token bucket of the expensive mutations (``RequestLimits/rateLimitedMutations``).
enum MutationRateLimit {
    /// Takes a token for `fieldName` when it is rate-limited, or throws ``RateLimited``. The bucket is updated
    /// on a connection of its own, committed at once: the row is locked for one statement, not for the request,
    /// and a mutation that is later refused or rolled back still counts.
    static func take(for fieldName: String, in request: RequestContext) throws {
        let limits = request.services.limits
        guard limits.rateLimitBurst > 0, RequestLimits.rateLimitedMutations.contains(fieldName) else { return }
        let retryAfter: Int = try request.services.pool.withConnection { connection in
            try connection.query(
                "SELECT take_rate_limit_token(\(request.session.organizationID), \(limits.rateLimitBurst), \(limits.rateLimitPerMinute))::integer AS retry_after")[0].decode("retry_after")
        }
        if retryAfter > 0 { throw RateLimited(field: fieldName, retryAfterSeconds: retryAfter) }
    }
}

/// An organization ran more expensive mutations than its rate limit allows.
struct RateLimited: GraphQLErrorConvertible, Sendable {
    var field: String
    var retryAfterSeconds: Int

    var graphQLMessage: String {
        "Too many platform operations for this organization; \(field) can run again in \(retryAfterSeconds) s."
    }
    var graphQLCode: String { APIErrorCode.rateLimited.rawValue }
    var graphQLExtensions: JSONObject { JSONObject([("retryAfter", .int(retryAfterSeconds))]) }
}
