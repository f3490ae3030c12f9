import Foundation
import Integrations
import TestSupport

/// A simulator behind nginx with a Meta provider pointed at it (fast retries), and the simulator's control
/// endpoints for tests.
final class MetaSimulatorFixture: @unchecked Sendable {
    let server: TestSimulatorServer
    let settings: PlatformSettings
    let provider: MetaAdsProvider

    init(environment: [String: String] = [:]) throws {
        server = try TestSimulatorServer(environment: environment)
        var settings = PlatformSettings.simulator(server.url)
        settings.retryPolicy = RetryPolicy(maximumAttempts: 3, baseDelay: 0.01, maximumDelay: 0.05)
        self.settings = settings
        provider = MetaAdsProvider(settings: settings)
    }

    deinit { server.stop() }

    /// `POST /simulator/_control/<path>` with a JSON body; fails unless it answers 200.
    func control(_ path: String, _ body: [String: Any] = [:]) async throws {
        let response = try await HTTPClient.send(
            server.url.appendingPathComponent("_control/\(path)"), method: "POST",
            headers: TestSimulator.controlHeaders.merging(["Content-Type": "application/json"]) { $1 },
            body: try JSONSerialization.data(withJSONObject: body))
        guard response.status == 200 else { throw TestSupportError("control \(path) answered \(response.status): \(response.text)") }
    }

    /// `POST /oauth/access_token` with `grant_type=fb_exchange_token`, as a form, straight to the simulator.
    func exchangeForLongLived(_ token: String) async throws -> HTTPResponse {
        let form = FormEncoding.encode([
            ("grant_type", "fb_exchange_token"), ("client_id", settings.meta.appID),
            ("client_secret", settings.meta.appSecret), ("fb_exchange_token", token),
        ])
        return try await HTTPClient.send(
            settings.meta.graphURL.appendingPathComponent("\(MetaGraphAPI.version)/oauth/access_token"), method: "POST",
            headers: ["Content-Type": "application/x-www-form-urlencoded"], body: Data(form.utf8))
    }

    /// Makes the next `times` requests whose path contains `path` fail with `failure`.
    func fail(_ path: String, with failure: String, times: Int, after: Int = 0) async throws {
        try await control("failures", ["platform": "meta_ads", "path": path, "failure": failure, "times": times, "after": after])
    }

    /// What the simulated Meta holds (`accounts`, `objects`, `tokens`).
    func state() async throws -> [String: Any] {
        let response = try await HTTPClient.send(server.url.appendingPathComponent("_control/state"), headers: TestSimulator.controlHeaders)
        guard let meta = try response.json()["meta_ads"] as? [String: Any] else { throw TestSupportError("no meta_ads state: \(response.text)") }
        return meta
    }

    /// The simulator's objects of one kind (`campaign`, `adset`, `adcreative`, `ad`), each with its `id` and `fields`.
    func objects(_ kind: String) async throws -> [[String: Any]] {
        (try await state()["objects"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == kind }
    }

    /// The whole OAuth flow as a browser would follow it: the dialog's redirect, then the code exchange.
    func connect(redirectURI: String = "http://127.0.0.1:9/oauth/meta") async throws -> OAuthTokens {
        let location = try await redirectLocation(provider.authorizationURL(state: "state-1", redirectURI: redirectURI))
        let query = FormEncoding.decode(URLComponents(string: location)?.percentEncodedQuery ?? "")
        guard let code = query.first(where: { $0.0 == "code" })?.1 else { throw TestSupportError("no code in \(location)") }
        return try provider.exchangeCode(code, redirectURI: redirectURI)
    }

    /// The `Location` of a redirect, without following it.
    func redirectLocation(_ url: URL) async throws -> String {
        let response = try await HTTPClient.sendWithoutRedirects(url)
        guard response.status == 302, let location = response.header("Location") else {
            throw TestSupportError("expected a 302 from \(url), got \(response.status)")
        }
        return location
    }
}
