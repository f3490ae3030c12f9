import Foundation

/// The `state` of an authorization request: 32 random bytes, base64url without padding (43 characters),
/// so that it cannot be guessed and travels unescaped in a query string.
enum OAuthState {
    static let lifetime: TimeInterval = 600

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Checks that `text` is an absolute http(s) URL without a fragment, as OAuth redirect URIs must be.
    static func validateRedirectURI(_ text: String) throws -> String {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw IntegrationError.invalidRedirectURI("The redirect URI must be an absolute http:// or https:// URL.")
        }
        guard components.fragment == nil else {
            throw IntegrationError.invalidRedirectURI("The redirect URI must not contain a fragment (#…).")
        }
        guard text.count <= 2_000 else { throw IntegrationError.invalidRedirectURI("The redirect URI is too long.") }
        // Schemes are case-insensitive, but oauth_states stores the URI lower-case `http(s)://` (its CHECK would
        // refuse `HTTPS://…` as an internal error); only the scheme is rewritten, the rest stays as sent.
        return scheme + text.dropFirst(scheme.count)
    }
}
