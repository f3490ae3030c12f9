import Foundation

/// Meta's OAuth: the login dialog, the code exchange at `/oauth/access_token`, and the exchange of that token
/// for a long-lived one (`grant_type=fb_exchange_token`, about 60 days). Meta issues no refresh token and
/// documents no way for a server to extend a long-lived user token ("Long-Lived Access Tokens", Facebook Login
/// docs): the connection lasts until `expires_in` runs out, the API warns before, and the user connects again.
/// The app secret, the code and the tokens go in a form body (as OAuth 2.0's token requests do, RFC 6749 §4.1.3),
/// never in the URL, where proxies and access logs would keep them.
extension MetaAdsProvider {
    /// With a Facebook Login for Business configuration (`META_LOGIN_CONFIG_ID`), the login asks for what the
    /// configuration holds (permissions, assets, token type) instead of a scope: the flow Meta prefers for the
    /// business apps the Marketing API lives in (Facebook Login for Business docs); the redirect still brings a code.
    public func authorizationURL(state: String, redirectURI: String) -> URL {
        var query = [("client_id", settings.meta.appID), ("redirect_uri", redirectURI), ("state", state)]
        if let configuration = settings.meta.loginConfigurationID {
            query += [("config_id", configuration), ("response_type", "code"), ("override_default_response_type", "true")]
        } else {
            query += [("scope", MetaGraphAPI.scopes.joined(separator: ",")), ("response_type", "code")]
        }
        return MetaGraphAPI.url(settings.meta.dialogURL, "dialog/oauth", query: query)
    }

    /// The code becomes a short-lived token, which is exchanged at once for a long-lived one.
    public func exchangeCode(_ code: String, redirectURI: String) throws -> OAuthTokens {
        let shortLived = try tokenRequest([
            ("client_id", settings.meta.appID), ("client_secret", settings.meta.appSecret),
            ("redirect_uri", redirectURI), ("code", code),
        ])
        return try longLived(shortLived.accessToken)
    }

    /// Only the user renews a Meta connection, by connecting again.
    public func refresh(_ tokens: OAuthTokens) throws -> OAuthTokens {
        throw PlatformError.reconnectRequired(
            message: "Meta connections last about 60 days and only the user can renew them: connect Meta again.")
    }

    func longLived(_ accessToken: String) throws -> OAuthTokens {
        try tokenRequest([
            ("grant_type", "fb_exchange_token"), ("client_id", settings.meta.appID),
            ("client_secret", settings.meta.appSecret), ("fb_exchange_token", accessToken),
        ])
    }

    /// `POST /oauth/access_token` (form body) → `{"access_token", "token_type", "expires_in"}`.
    func tokenRequest(_ fields: [(String, String)]) throws -> OAuthTokens {
        let request = PlatformRequest(
            method: "POST", url: MetaGraphAPI.url(settings.meta.graphURL, "oauth/access_token"), body: .form(fields))
        let answer = try client.sendJSON(request)
        guard let token = answer["access_token"] as? String, !token.isEmpty else {
            throw PlatformError.permanent(message: "Meta's token endpoint answered without an access_token")
        }
        let expiresAt = MetaErrorParser.integer(answer["expires_in"]).map { Date(timeIntervalSinceNow: Double($0)) }
        return OAuthTokens(accessToken: token, refreshToken: nil, expiresAt: expiresAt)
    }
}
