import Campaigns
import Foundation
import Integrations
import TestSupport

/// A simulator behind nginx and a Google Ads provider and adapter pointed at it, with quick retries.
final class GoogleAdsFixture: @unchecked Sendable {
    let server: TestSimulatorServer
    let settings: PlatformSettings
    let provider: GoogleAdsProvider
    var adapter: GoogleAdsAdapter { GoogleAdsAdapter(provider: provider) }
    static let redirectURI = "http://127.0.0.1:9/oauth/callback"

    init(environment: [String: String] = [:]) throws {
        server = try TestSimulatorServer(environment: environment)
        var settings = PlatformSettings.simulator(server.url)
        settings.retryPolicy = RetryPolicy(maximumAttempts: 4, baseDelay: 0.01, maximumDelay: 0.1)
        settings.timeout = 10
        self.settings = settings
        provider = GoogleAdsProvider(settings: settings)
    }

    deinit { server.stop() }

    /// Consent (the simulator approves at once) and code exchange: what a user's browser and our callback do.
    func connect() async throws -> OAuthTokens {
        let (code, state) = try await approve(state: "state-123")
        precondition(state == "state-123")
        return try provider.exchangeCode(code, redirectURI: Self.redirectURI)
    }

    /// Follows the authorization URL to its 302 and reads `code` and `state` from the Location.
    func approve(state: String) async throws -> (code: String, state: String) {
        let url = provider.authorizationURL(state: state, redirectURI: Self.redirectURI)
        let response = try await HTTPClient.sendWithoutRedirects(url)
        guard response.status == 302, let location = response.header("Location") else {
            throw TestSupportError("expected a 302 from \(url), got \(response.status)")
        }
        let items = URLComponents(string: location)?.queryItems ?? []
        guard location.hasPrefix(Self.redirectURI + "?"), let code = items.first(where: { $0.name == "code" })?.value,
              let returnedState = items.first(where: { $0.name == "state" })?.value else {
            throw TestSupportError("unexpected consent redirect \(location)")
        }
        return (code, returnedState)
    }

    func account(_ tokens: OAuthTokens, id: String = "1234567890", currency: String = "USD") -> PlatformAccount {
        PlatformAccount(externalAccountID: id, currency: currency, accessToken: tokens.accessToken)
    }

    @discardableResult
    func control(_ path: String, _ body: [String: Any]) async throws -> HTTPResponse {
        let response = try await HTTPClient.send(
            server.url.appendingPathComponent("_control/\(path)"), method: "POST",
            headers: TestSimulator.controlHeaders.merging(["Content-Type": "application/json"]) { $1 },
            body: try JSONSerialization.data(withJSONObject: body))
        guard response.status == 200 else { throw TestSupportError("control \(path): \(response.status) \(response.text)") }
        return response
    }

    func fail(_ failure: String, path: String, times: Int, after: Int = 0) async throws {
        try await control("failures", ["platform": "google_ads", "path": path, "failure": failure, "times": times, "after": after])
    }

    /// The simulated Google Ads' state (`objects`, `accounts`, `requests`, `tokens`).
    func state() async throws -> [String: Any] {
        let response = try await HTTPClient.send(server.url.appendingPathComponent("_control/state"), headers: TestSimulator.controlHeaders)
        return try response.json()["google_ads"] as? [String: Any] ?? [:]
    }

    /// The simulator's objects of one collection (`campaigns`, `adGroupCriteria`, ...).
    func objects(_ collection: String) async throws -> [[String: Any]] {
        let objects = try await state()["objects"] as? [String: [String: Any]] ?? [:]
        return objects.filter { $0.key.contains("/\(collection)/") }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// How many requests (failed ones included) reached a path ending in `suffix`.
    func requestCount(_ suffix: String) async throws -> Int {
        let counts = try await state()["requests"] as? [String: Int] ?? [:]
        return counts.filter { $0.key.hasSuffix(suffix) }.values.reduce(0, +)
    }
}
