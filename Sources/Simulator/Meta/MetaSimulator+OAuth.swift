import FastCGI
import Foundation

/// The login dialog (approves at once, for registered redirect URIs only) and `/oauth/access_token`: code
/// exchange (a short-lived token) and `grant_type=fb_exchange_token` (a long-lived one). Parameters are read from
/// the query or a form body alike, as the Graph API reads them.
extension MetaSimulator {
    /// Short-lived tokens live an hour at most, as Meta's do (or less when the simulator's lifetime is shorter).
    static let shortLivedLifetime: TimeInterval = 3600

    /// `GET /{version}/dialog/oauth?client_id&redirect_uri&state&scope` → 302 to `redirect_uri?code&state`.
    func dialog(_ request: SimulatorRequest) throws -> FastCGIResponse {
        guard let clientID = request.query["client_id"], !clientID.isEmpty else { throw MetaSimulatedError.missing("client_id") }
        guard let redirectURI = request.query["redirect_uri"], let url = URL(string: redirectURI), url.scheme != nil else {
            throw MetaSimulatedError(code: 191, message: "The redirect_uri URL must be absolute.")
        }
        // Facebook Login's "Use Strict Mode for redirect URIs" (on for every app): an exact match or nothing.
        guard tokens.isRegistered(redirectURI: redirectURI) else {
            throw MetaSimulatedError(code: 191, message: "URL Blocked: This redirect failed because the redirect URI is not whitelisted in the app's Client OAuth Settings.")
        }
        // A login asks for permissions by scope or, with Facebook Login for Business, by a configuration's id.
        guard request.query["scope"] != nil || request.query["config_id"]?.allSatisfy(\.isNumber) == true else {
            throw MetaSimulatedError.invalidParameter(["scope"], "The login needs a scope or a config_id.")
        }
        let code = tokens.issueCode(clientID: clientID, redirectURI: redirectURI)
        var location = redirectURI + (redirectURI.contains("?") ? "&" : "?") + "code=\(Self.escape(code))"
        if let state = request.query["state"] { location += "&state=\(Self.escape(state))" }
        return .redirect(location)
    }

    /// `GET|POST /{version}/oauth/access_token` → `{"access_token", "token_type": "bearer", "expires_in"}`.
    /// A long-lived exchange wants a live token (Meta: "You can not use an expired token to request a long-lived
    /// token") and extends only a short-lived one: a long-lived token exchanged again keeps its end, since Meta
    /// documents no way for a server to extend it (the person logs in again).
    func accessToken(_ request: SimulatorRequest) throws -> FastCGIResponse {
        let parameters = request.parameters
        guard let clientID = parameters["client_id"], !clientID.isEmpty else { throw MetaSimulatedError.missing("client_id") }
        guard let secret = parameters["client_secret"], !secret.isEmpty else { throw MetaSimulatedError.missing("client_secret") }
        if parameters["grant_type"] == "fb_exchange_token" {
            guard let current = parameters["fb_exchange_token"], !current.isEmpty else { throw MetaSimulatedError.missing("fb_exchange_token") }
            guard let presented = tokens.details(ofAccessToken: current) else { throw MetaSimulatedError.invalidToken }
            guard presented.expiresAt > Date() else { throw MetaSimulatedError.expiredToken }
            let issued = presented.shortLived
                ? tokens.issueAccessToken() : tokens.issueAccessToken(expiresAt: presented.expiresAt)
            return .simulatorJSON(200, ["access_token": issued.token, "token_type": "bearer", "expires_in": issued.expiresIn])
        }
        guard let code = parameters["code"], !code.isEmpty else { throw MetaSimulatedError.missing("code") }
        guard let redirectURI = parameters["redirect_uri"] else { throw MetaSimulatedError.missing("redirect_uri") }
        guard tokens.redeemCode(code, clientID: clientID, redirectURI: redirectURI) else {
            throw MetaSimulatedError(code: 100, subcode: 36009, message: "This authorization code has been used, has expired or was issued for another redirect_uri.")
        }
        let issued = tokens.issueAccessToken(
            expiresAt: Date(timeIntervalSinceNow: min(Self.shortLivedLifetime, tokens.accessTokenLifetime)), shortLived: true)
        return .simulatorJSON(200, ["access_token": issued.token, "token_type": "bearer", "expires_in": issued.expiresIn])
    }
}
