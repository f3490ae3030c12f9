import Foundation

/// Meta's OAuth: the login dialog, the code exchange at `/oauth/access_token`, and the exchange of a token for
/// a long-lived one (`grant_type=fb_exchange_token`). Meta issues no refresh token: refreshing is exchanging
/// the current long-lived token again.
extension MetaAdsProvider {
    public func authorizationURL(state: String, redirectURI: String) -> URL {
        MetaGraphAPI.url(settings.meta.dialogURL, "dialog/oauth", query: [
            ("client_id", settings.meta.appID), ("redirect_uri", redirectURI), ("state", state),
            ("scope", MetaGraphAPI.scopes.joined(separator: ",")), ("response_type", "code"),
        ])
    }

    /// The code becomes a short-lived token, which is exchanged at once for a long-lived one.
    public func exchangeCode(_ code: String, redirectURI: String) throws -> OAuthTokens {
        let shortLived = try tokenRequest([
            ("client_id", settings.meta.appID), ("client_secret", settings.meta.appSecret),
            ("redirect_uri", redirectURI), ("code", code),
        ])
        return try longLived(shortLived.accessToken)
    }

    /// A token Meta no longer exchanges (expired long ago, revoked, app removed) means connecting again.
    public func refresh(_ tokens: OAuthTokens) throws -> OAuthTokens {
        do {
            return try longLived(tokens.accessToken)
        } catch PlatformError.tokenExpired(let message) {
            throw PlatformError.reconnectRequired(message: message)
        }
    }

    func longLived(_ accessToken: String) throws -> OAuthTokens {
        try tokenRequest([
            ("grant_type", "fb_exchange_token"), ("client_id", settings.meta.appID),
            ("client_secret", settings.meta.appSecret), ("fb_exchange_token", accessToken),
        ])
    }

    /// `GET /oauth/access_token` → `{"access_token", "token_type", "expires_in"}`.
    func tokenRequest(_ query: [(String, String)]) throws -> OAuthTokens {
        let request = PlatformRequest(method: "GET", url: MetaGraphAPI.url(settings.meta.graphURL, "oauth/access_token", query: query))
        let answer = try client.sendJSON(request)
        guard let token = answer["access_token"] as? String, !token.isEmpty else {
            throw PlatformError.permanent(message: "Meta's token endpoint answered without an access_token")
        }
        let expiresAt = MetaErrorParser.integer(answer["expires_in"]).map { Date(timeIntervalSinceNow: Double($0)) }
        return OAuthTokens(accessToken: token, refreshToken: nil, expiresAt: expiresAt)
    }
}
