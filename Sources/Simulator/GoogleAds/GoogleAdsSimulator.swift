import FastCGI
import Foundation

/// The Google Ads REST API (`/simulator/google-ads/v…/…`), Google's OAuth token endpoint
/// (`/simulator/google-oauth/token`) and consent page (`/simulator/google-accounts/o/oauth2/v2/auth`),
/// answering in the shapes the real ones use.
public final class GoogleAdsSimulator: SimulatedPlatform, @unchecked Sendable {
    public let name = "google_ads"
    public let prefixes = ["google-ads", "google-oauth", "google-accounts"]
    public let tokens: TokenIssuer

    /// The OAuth client and developer token the simulator accepts (PlatformSettings.simulator uses them).
    static let clientID = "simulator-google-client"
    static let clientSecret = "simulator-google-secret"

    let lock = NSLock()
    var store = GoogleAdsStore()
    /// Requests seen per "METHOD path", injected failures included, so that tests can count attempts.
    var requestCounts: [String: Int] = [:]

    public init(tokenLifetime: TimeInterval, redirectURIs: Set<String> = []) {
        tokens = TokenIssuer(tokenPrefix: "google-", accessTokenLifetime: tokenLifetime, redirectURIs: redirectURIs)
    }

    public func handle(_ request: SimulatorRequest) -> FastCGIResponse {
        count(request)
        switch (request.prefix, request.method, request.path) {
        case ("google-accounts", "GET", "/o/oauth2/v2/auth"): return consent(request)
        case ("google-oauth", "POST", "/token"): return token(request)
        case ("google-ads", _, _): return api(request)
        default:
            return .simulatorJSON(404, ["error": ["code": 404, "message": "Google has no endpoint \(request.method) \(request.path).", "status": "NOT_FOUND"]])
        }
    }

    func count(_ request: SimulatorRequest) {
        lock.withLock { requestCounts["\(request.method) \(request.path)", default: 0] += 1 }
    }

    public func snapshot() -> [String: Any] {
        lock.withLock {
            var snapshot = store.snapshot
            snapshot["tokens"] = tokens.snapshot()
            snapshot["requests"] = requestCounts
            return snapshot
        }
    }

    public func restore(_ snapshot: [String: Any]) {
        lock.withLock {
            store = GoogleAdsStore(snapshot: snapshot)
            requestCounts = snapshot["requests"] as? [String: Int] ?? [:]
        }
        tokens.restore(snapshot["tokens"] as? [String: Any] ?? [:])
    }

    public func reset() {
        lock.withLock {
            store = GoogleAdsStore()
            requestCounts = [:]
        }
        tokens.reset()
    }
}
