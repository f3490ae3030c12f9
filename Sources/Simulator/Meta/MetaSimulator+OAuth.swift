import FastCGI
import Foundation

/// The login dialog (approves at once) and `/oauth/access_token`: code exchange (a short-lived token) and
/// `grant_type=fb_exchange_token` (a long-lived one).
extension MetaSimulator {
    /// Short-lived tokens live an hour at most, as Meta's do (or less when the simulator's lifetime is shorter).
    static let shortLivedLifetime: TimeInterval = 3600

    /// `GET /{version}/dialog/oauth?client_id&redirect_uri&state&scope` → 302 to `redirect_uri?code&state`.
    func dialog(_ request: SimulatorRequest) throws -> FastCGIResponse {
        guard let clientID = request.query["client_id"], !clientID.isEmpty else { throw MetaSimulatedError.missing("client_id") }
        guard let redirectURI = request.query["redirect_uri"], let url = URL(string: redirectURI), url.scheme != nil else {
            throw MetaSimulatedError(code: 191, message: "The redirect_uri URL must be absolute.")
        }
        let code = tokens.issueCode(clientID: clientID, redirectURI: redirectURI)
        var location = redirectURI + (redirectURI.contains("?") ? "&" : "?") + "code=\(Self.escape(code))"
        if let state = request.query["state"] { location += "&state=\(Self.escape(state))" }
        return .redirect(location)
    }

    /// `GET /{version}/oauth/access_token` → `{"access_token", "token_type": "bearer", "expires_in"}`.
    /// A long-lived exchange accepts an expired token that was never revoked (the real API wants a live one),
    /// so that refreshing after `expire_tokens` can be exercised.
    func accessToken(_ request: SimulatorRequest) throws -> FastCGIResponse {
        let parameters = request.parameters
        guard let clientID = parameters["client_id"], !clientID.isEmpty else { throw MetaSimulatedError.missing("client_id") }
        guard let secret = parameters["client_secret"], !secret.isEmpty else { throw MetaSimulatedError.missing("client_secret") }
        if parameters["grant_type"] == "fb_exchange_token" {
            guard let current = parameters["fb_exchange_token"], !current.isEmpty else { throw MetaSimulatedError.missing("fb_exchange_token") }
            guard tokens.validity(ofAccessToken: current) != .unknown else { throw MetaSimulatedError.invalidToken }
            let issued = tokens.issueAccessToken()
            return .simulatorJSON(200, ["access_token": issued.token, "token_type": "bearer", "expires_in": issued.expiresIn])
        }
        guard let code = parameters["code"], !code.isEmpty else { throw MetaSimulatedError.missing("code") }
        guard let redirectURI = parameters["redirect_uri"] else { throw MetaSimulatedError.missing("redirect_uri") }
        guard tokens.redeemCode(code, clientID: clientID, redirectURI: redirectURI) else {
            throw MetaSimulatedError(code: 100, subcode: 36009, message: "This authorization code has been used, has expired or was issued for another redirect_uri.")
        }
        let issued = tokens.issueAccessToken(lifetime: min(Self.shortLivedLifetime, tokens.accessTokenLifetime))
        return .simulatorJSON(200, ["access_token": issued.token, "token_type": "bearer", "expires_in": issued.expiresIn])
    }
}
