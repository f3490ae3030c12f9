import Foundation

/// What went wrong on an ad platform, phrased as what the caller can do about it.
public enum PlatformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The access token expired or was revoked: refresh it (or reconnect when refreshing fails too).
    case tokenExpired(message: String)
    /// The refresh token itself is no longer accepted: the integration must be connected again.
    case reconnectRequired(message: String)
    /// Too many requests: try again after the given number of seconds.
    case rateLimited(retryAfter: Double, message: String)
    /// The platform refused the request as sent; `field` names the offending field when the platform says.
    case invalidRequest(message: String, field: String?)
    /// A failure that may pass (5xx, timeout, connection reset): retry.
    case transient(message: String)
    /// A failure that retrying will not fix.
    case permanent(message: String)

    public var message: String {
        switch self {
        case .tokenExpired(let message), .reconnectRequired(let message), .transient(let message), .permanent(let message):
            return message
        case .rateLimited(_, let message), .invalidRequest(let message, _):
            return message
        }
    }

    public var description: String {
        switch self {
        case .tokenExpired(let message): return "token expired: \(message)"
        case .reconnectRequired(let message): return "reconnect required: \(message)"
        case .rateLimited(let seconds, let message): return "rate limited (retry after \(seconds)s): \(message)"
        case .invalidRequest(let message, let field): return "invalid request\(field.map { " (\($0))" } ?? ""): \(message)"
        case .transient(let message): return "transient failure: \(message)"
        case .permanent(let message): return "permanent failure: \(message)"
        }
    }
}

extension PlatformError {
    /// The kind of failure as a metric label: `token_expired`, `rate_limited`, `invalid_request`, ...
    public var outcomeName: String {
        switch self {
        case .tokenExpired: "token_expired"
        case .reconnectRequired: "reconnect_required"
        case .rateLimited: "rate_limited"
        case .invalidRequest: "invalid_request"
        case .transient: "transient"
        case .permanent: "permanent"
        }
    }
}
