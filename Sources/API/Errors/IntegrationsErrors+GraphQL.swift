import GraphQL
import Integrations

// The Integrations module's errors as the API reports them: refused input is `BAD_USER_INPUT` with
// `extensions.field`, a missing integration `NOT_FOUND`, and a platform failure a code saying what to do.

extension IntegrationError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .invalidRedirectURI: return .badInput(description, field: "redirectUri")
        case .invalidState(let reason): return .badInput(description, field: "state", [("reason", .string(reason.apiName))])
        case .codeRejected: return .badInput(description, field: "code")
        case .integrationNotFound: return .notFound(.integration)
        case .reconnectRequired: return UserError(description, code: .reconnectRequired)
        }
    }
}

extension PlatformError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .rateLimited(let retryAfter, let message):
            return UserError("The platform is rate limiting requests; try again in \(Int(retryAfter.rounded(.up))) s. \(message)",
                             code: .platformRateLimited, extensions: JSONObject([("retryAfter", .double(retryAfter))]))
        case .transient(let message):
            return UserError("The platform is unavailable; try again later. \(message)", code: .platformUnavailable)
        case .tokenExpired(let message), .reconnectRequired(let message):
            return UserError("The platform refused the connection's token; connect it again. \(message)", code: .reconnectRequired)
        case .invalidRequest(let message, let field):
            return UserError("The platform refused the request: \(message)", code: .platformInvalidRequest,
                             extensions: JSONObject(field.map { [("platformField", .string($0))] } ?? []))
        case .permanent(let message):
            return UserError("The platform failed: \(message)", code: .platformError)
        }
    }
}

extension IntegrationError.StateRefusal {
    /// `UNKNOWN`, `REUSED`, `EXPIRED`, `OTHER_PLATFORM`.
    var apiName: String {
        switch self {
        case .unknown: return "UNKNOWN"
        case .reused: return "REUSED"
        case .expired: return "EXPIRED"
        case .otherPlatform: return "OTHER_PLATFORM"
        }
    }
}
