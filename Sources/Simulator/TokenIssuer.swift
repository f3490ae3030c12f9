import Foundation

/// Authorization codes and tokens of one simulated platform's OAuth client. Codes are single-use and short-lived
/// and go only to the client's registered redirect URIs; access tokens expire after `accessTokenLifetime`, so
/// that refreshing is exercised.
public final class TokenIssuer: @unchecked Sendable {
    public enum Validity: Equatable, Sendable {
        case valid
        case expired
        case unknown
    }

    struct Code {
        var clientID: String
        var redirectURI: String
        var expiresAt: Date
    }

    struct AccessToken {
        var expiresAt: Date
        var revoked: Bool
        /// Meta's code exchange gives a short-lived token, the one a long-lived exchange extends.
        var shortLived = false
    }

    public let tokenPrefix: String
    public var accessTokenLifetime: TimeInterval
    /// The redirect URIs registered for the client (in the platform's developer console), matched exactly:
    /// Google answers `redirect_uri_mismatch` to any other, Meta error 191.
    public let redirectURIs: Set<String>
    private let lock = NSLock()
    private var codes: [String: Code] = [:]
    private var accessTokens: [String: AccessToken] = [:]
    private var refreshTokens: [String: Bool] = [:]  // token → revoked

    public init(tokenPrefix: String, accessTokenLifetime: TimeInterval, redirectURIs: Set<String> = []) {
        self.tokenPrefix = tokenPrefix
        self.accessTokenLifetime = accessTokenLifetime
        self.redirectURIs = redirectURIs
    }

    public func isRegistered(redirectURI: String) -> Bool { redirectURIs.contains(redirectURI) }

    /// A code the consent page hands to the redirect URI.
    public func issueCode(clientID: String, redirectURI: String) -> String {
        let code = "\(tokenPrefix)code-\(Self.random())"
        lock.withLock { codes[code] = Code(clientID: clientID, redirectURI: redirectURI, expiresAt: Date().addingTimeInterval(600)) }
        return code
    }

    /// Consumes a code; false when it is unknown, used, expired, or was issued to another client or redirect URI.
    public func redeemCode(_ code: String, clientID: String, redirectURI: String) -> Bool {
        lock.withLock {
            guard let stored = codes.removeValue(forKey: code) else { return false }
            return stored.clientID == clientID && stored.redirectURI == redirectURI && stored.expiresAt > Date()
        }
    }

    /// A new access token (and its expiry).
    public func issueAccessToken(lifetime: TimeInterval? = nil) -> (token: String, expiresIn: Int) {
        issueAccessToken(expiresAt: Date().addingTimeInterval(lifetime ?? accessTokenLifetime))
    }

    /// A new access token that expires at `expiresAt` (a re-exchanged Meta token keeps its predecessor's end).
    public func issueAccessToken(expiresAt: Date, shortLived: Bool = false) -> (token: String, expiresIn: Int) {
        let token = "\(tokenPrefix)at-\(Self.random())"
        lock.withLock { accessTokens[token] = AccessToken(expiresAt: expiresAt, revoked: false, shortLived: shortLived) }
        return (token, Int(expiresAt.timeIntervalSinceNow.rounded()))
    }

    /// A known, unrevoked access token's expiry and whether it is short-lived.
    public func details(ofAccessToken token: String) -> (expiresAt: Date, shortLived: Bool)? {
        lock.withLock { accessTokens[token].flatMap { $0.revoked ? nil : ($0.expiresAt, $0.shortLived) } }
    }

    public func issueRefreshToken() -> String {
        let token = "\(tokenPrefix)rt-\(Self.random())"
        lock.withLock { refreshTokens[token] = false }
        return token
    }

    public func validity(ofAccessToken token: String?) -> Validity {
        guard let token else { return .unknown }
        return lock.withLock {
            guard let stored = accessTokens[token], !stored.revoked else { return .unknown }
            return stored.expiresAt > Date() ? .valid : .expired
        }
    }

    public func isValidRefreshToken(_ token: String) -> Bool {
        lock.withLock { refreshTokens[token] == false }
    }

    /// Makes every access token expired now (control: `expire_tokens`).
    public func expireAccessTokens() {
        lock.withLock {
            for key in accessTokens.keys { accessTokens[key]!.expiresAt = Date(timeIntervalSinceNow: -1) }
        }
    }

    /// Revokes every refresh token and access token (control: `revoke_tokens`): the user disconnected the app.
    public func revokeAll() {
        lock.withLock {
            for key in refreshTokens.keys { refreshTokens[key] = true }
            for key in accessTokens.keys { accessTokens[key]!.revoked = true }
        }
    }

    /// Tokens as JSON (codes are short-lived and not kept).
    public func snapshot() -> [String: Any] {
        lock.withLock {
            [
                "accessTokens": accessTokens.mapValues {
                    ["expiresAt": $0.expiresAt.timeIntervalSince1970, "revoked": $0.revoked, "shortLived": $0.shortLived]
                },
                "refreshTokens": refreshTokens,
            ]
        }
    }

    public func restore(_ snapshot: [String: Any]) {
        lock.withLock {
            for (token, value) in snapshot["accessTokens"] as? [String: [String: Any]] ?? [:] {
                guard let expiresAt = value["expiresAt"] as? Double else { continue }
                accessTokens[token] = AccessToken(
                    expiresAt: Date(timeIntervalSince1970: expiresAt), revoked: value["revoked"] as? Bool ?? false,
                    shortLived: value["shortLived"] as? Bool ?? false)
            }
            for (token, revoked) in snapshot["refreshTokens"] as? [String: Bool] ?? [:] { refreshTokens[token] = revoked }
        }
    }

    public func reset() {
        lock.withLock {
            codes.removeAll()
            accessTokens.removeAll()
            refreshTokens.removeAll()
        }
    }

    static func random() -> String {
        (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 36) }.joined()
    }
}
