import Foundation

/// Google's OAuth 2.0 web-server flow: consent page, authorization-code exchange, refresh grant.
extension GoogleAdsProvider: PlatformConnector {
    public var platform: AdPlatform { .googleAds }

    public func authorizationURL(state: String, redirectURI: String) -> URL {
        var components = URLComponents(url: settings.google.authorizeURL, resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "client_id", value: settings.google.clientID),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "scope", value: GoogleAdsAPI.scope),
            // offline + consent: Google returns a refresh token, also when the user approved the app before.
            URLQueryItem(name: "access_type", value: "offline"),
            URLQueryItem(name: "prompt", value: "consent"),
            URLQueryItem(name: "state", value: state),
        ]
        // "+" in a query value would read as a space; URLComponents leaves it alone.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.url!
    }

    public func exchangeCode(_ code: String, redirectURI: String) throws -> OAuthTokens {
        let answer = try sendJSON(tokenRequest([
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("client_id", settings.google.clientID), ("client_secret", settings.google.clientSecret),
        ]), secrets: [code])
        return try tokens(from: answer, keepingRefreshToken: nil)
    }

    public func refresh(_ tokens: OAuthTokens) throws -> OAuthTokens {
        guard let refreshToken = tokens.refreshToken else {
            throw PlatformError.reconnectRequired(message: "The Google connection has no refresh token; connect it again.")
        }
        let answer = try sendJSON(tokenRequest([
            ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
            ("client_id", settings.google.clientID), ("client_secret", settings.google.clientSecret),
        ]), accessToken: tokens.accessToken, secrets: [refreshToken])
        return try self.tokens(from: answer, keepingRefreshToken: refreshToken)
    }

    /// A form POST to the token endpoint; every secret field is masked in dry runs and logs.
    public func tokenRequest(_ fields: [(String, String)]) -> PlatformRequest {
        PlatformRequest(method: "POST", url: settings.google.tokenURL, headers: ["Accept": "application/json"], body: .form(fields),
                        isSafeToRepeat: true)
    }

    /// Google answers a refresh without a new refresh token: the old one stays valid.
    private func tokens(from answer: [String: Any], keepingRefreshToken refreshToken: String?) throws -> OAuthTokens {
        guard let accessToken = answer["access_token"] as? String, !accessToken.isEmpty else {
            throw PlatformError.permanent(message: "Google's token endpoint answered without an access_token.")
        }
        let expiresIn = (answer["expires_in"] as? NSNumber)?.doubleValue
        return OAuthTokens(
            accessToken: accessToken,
            refreshToken: (answer["refresh_token"] as? String) ?? refreshToken,
            expiresAt: expiresIn.map { Date(timeIntervalSinceNow: $0) })
    }
}
