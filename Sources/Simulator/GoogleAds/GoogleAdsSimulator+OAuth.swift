import FastCGI
import Foundation

/// Google's consent page (approves at once, for registered redirect URIs only) and token endpoint (authorization code and refresh grants).
extension GoogleAdsSimulator {
    func consent(_ request: SimulatorRequest) -> FastCGIResponse {
        let query = request.query
        guard query["client_id"] == Self.clientID else { return consentError("invalid_client", "The OAuth client was not found.") }
        guard query["response_type"] == "code" else { return consentError("unsupported_response_type", "response_type must be code.") }
        guard let redirectURI = query["redirect_uri"], let redirect = URLComponents(string: redirectURI), redirect.scheme != nil else {
            return consentError("invalid_request", "Missing required parameter: redirect_uri")
        }
        // Google's consent page refuses any redirect URI not registered for the client, matched exactly.
        guard tokens.isRegistered(redirectURI: redirectURI) else {
            return consentError("redirect_uri_mismatch", "The redirect URI in the request, \(redirectURI), does not match the ones authorized for the OAuth client.")
        }
        guard let scope = query["scope"], scope.split(separator: " ").contains("https://www.googleapis.com/auth/adwords") else {
            return consentError("invalid_scope", "Missing required parameter: scope")
        }
        let code = tokens.issueCode(clientID: Self.clientID, redirectURI: redirectURI)
        var components = redirect
        var items = components.queryItems ?? []
        items.append(URLQueryItem(name: "code", value: code))
        if let state = query["state"] { items.append(URLQueryItem(name: "state", value: state)) }
        items.append(URLQueryItem(name: "scope", value: scope))
        components.queryItems = items
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return .redirect(components.string ?? redirectURI)
    }

    func token(_ request: SimulatorRequest) -> FastCGIResponse {
        let form = request.form
        guard form["client_id"] == Self.clientID, form["client_secret"] == Self.clientSecret else {
            return .simulatorJSON(401, ["error": "invalid_client", "error_description": "Unauthorized"])
        }
        switch form["grant_type"] {
        case "authorization_code":
            guard let code = form["code"], let redirectURI = form["redirect_uri"] else {
                return .simulatorJSON(400, ["error": "invalid_request", "error_description": "Missing required parameter: code or redirect_uri"])
            }
            guard tokens.redeemCode(code, clientID: Self.clientID, redirectURI: redirectURI) else {
                return .simulatorJSON(400, ["error": "invalid_grant", "error_description": "Malformed auth code."])
            }
            let access = tokens.issueAccessToken()
            return .simulatorJSON(200, [
                "access_token": access.token, "expires_in": access.expiresIn, "refresh_token": tokens.issueRefreshToken(),
                "scope": "https://www.googleapis.com/auth/adwords", "token_type": "Bearer",
            ])
        case "refresh_token":
            guard let refreshToken = form["refresh_token"], tokens.isValidRefreshToken(refreshToken) else {
                return .simulatorJSON(400, ["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
            }
            let access = tokens.issueAccessToken()
            return .simulatorJSON(200, [
                "access_token": access.token, "expires_in": access.expiresIn,
                "scope": "https://www.googleapis.com/auth/adwords", "token_type": "Bearer",
            ])
        default:
            return .simulatorJSON(400, ["error": "unsupported_grant_type", "error_description": "Invalid grant_type: \(form["grant_type"] ?? "")"])
        }
    }

    private func consentError(_ code: String, _ message: String) -> FastCGIResponse {
        .simulatorJSON(400, ["error": code, "error_description": "Access blocked: \(message)"])
    }
}
