import Foundation

/// What the integration services refuse, phrased for the caller; platform failures stay `PlatformError`s.
public enum IntegrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The redirect URI of `startOAuth` is not an absolute http(s) URL.
    case invalidRedirectURI(String)
    /// The `state` of `completeOAuth` cannot be used (see ``StateRefusal``).
    case invalidState(StateRefusal)
    /// The platform refused the authorization code (wrong, used or expired code).
    case codeRejected(message: String)
    /// No such integration in the organization.
    case integrationNotFound
    /// The integration is disconnected (the platform no longer accepts its tokens): connect it again.
    case reconnectRequired(integrationID: UUID, message: String)

    /// Why a state was refused. Another organization's state reads as `unknown`: its existence is not revealed.
    public enum StateRefusal: String, Sendable, Equatable {
        case unknown, reused, expired, otherPlatform
    }

    public var description: String {
        switch self {
        case .invalidRedirectURI(let message): return message
        case .invalidState(.unknown): return "The OAuth state is unknown; start the connection again."
        case .invalidState(.reused): return "The OAuth state was already used; start the connection again."
        case .invalidState(.expired): return "The OAuth state expired; start the connection again."
        case .invalidState(.otherPlatform): return "The OAuth state was issued for another platform."
        case .codeRejected(let message): return "The platform refused the authorization code: \(message)"
        case .integrationNotFound: return "Integration not found."
        case .reconnectRequired(_, let message): return "The integration must be connected again: \(message)"
        }
    }
}
