import GraphQL
import Integrations
import Postgres

/// Integration and platform errors as the API reports them: refused input is `BAD_USER_INPUT` with
/// `extensions.field`, a missing integration `NOT_FOUND`, and a platform failure a code saying what to do.
enum IntegrationErrorMapping {
    static func graphQLError(_ error: any Error) -> any Error {
        switch error {
        case let error as IntegrationError:
            switch error {
            case .invalidRedirectURI:
                return userError(error.description, "BAD_USER_INPUT", [("field", .string("redirectUri"))])
            case .invalidState(let reason):
                return userError(error.description, "BAD_USER_INPUT", [("field", .string("state")), ("reason", .string(reason.apiName))])
            case .codeRejected:
                return userError(error.description, "BAD_USER_INPUT", [("field", .string("code"))])
            case .integrationNotFound:
                return UserError("Integration not found.", code: "NOT_FOUND")
            case .reconnectRequired:
                return userError(error.description, "RECONNECT_REQUIRED", [])
            }
        case let error as PlatformError:
            switch error {
            case .rateLimited(let retryAfter, let message):
                return userError("The platform is rate limiting requests; try again in \(Int(retryAfter.rounded(.up))) s. \(message)",
                                 "PLATFORM_RATE_LIMITED", [("retryAfter", .double(retryAfter))])
            case .transient(let message):
                return userError("The platform is unavailable; try again later. \(message)", "PLATFORM_UNAVAILABLE", [])
            case .tokenExpired(let message), .reconnectRequired(let message):
                return userError("The platform refused the connection's token; connect it again. \(message)", "RECONNECT_REQUIRED", [])
            case .invalidRequest(let message, let field):
                return userError("The platform refused the request: \(message)", "PLATFORM_INVALID_REQUEST",
                                 field.map { [("platformField", .string($0))] } ?? [])
            case .permanent(let message):
                return userError("The platform failed: \(message)", "PLATFORM_ERROR", [])
            }
        default:
            return error
        }
    }

    /// Whether writes made before `error` stay: refused input leaves nothing behind, but a platform contacted
    /// may have consumed a code or rotated a token, and a disconnection must be recorded.
    static func keepsWrites(_ error: any Error) -> Bool {
        switch error {
        case is PlatformError: return true
        case IntegrationError.reconnectRequired, IntegrationError.codeRejected: return true
        default: return false
        }
    }

    private static func userError(_ message: String, _ code: String, _ extensions: [(String, JSON)]) -> UserError {
        UserError(message, code: code, extensions: JSONObject(extensions))
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
