import FastCGI

/// One platform the simulator speaks for. It owns the path prefixes it answers under `/simulator/`.
public protocol SimulatedPlatform: AnyObject, Sendable {
    /// The platform's name in control requests: `google_ads` or `meta_ads`.
    var name: String { get }
    /// First path segments it answers, e.g. `["google-ads", "google-oauth", "google-accounts"]`.
    var prefixes: [String] { get }
    func handle(_ request: SimulatorRequest) -> FastCGIResponse
    /// Renders a failure the way the platform reports it (error body shape and status).
    func render(_ failure: InjectedFailure, for request: SimulatorRequest) -> FastCGIResponse
    /// Everything it holds (objects and tokens), as JSON, for tests and operators (`GET /simulator/_control/state`),
    /// and to keep its state across restarts (CAMPAIGND_SIMULATOR_STATE).
    func snapshot() -> [String: Any]
    /// Takes back what `snapshot()` produced.
    func restore(_ snapshot: [String: Any])
    /// Applies a control action (`POST /simulator/_control/<platform>/<action>`) with a JSON body; nil if unknown.
    func control(_ action: String, _ body: [String: Any]) -> FastCGIResponse?
    /// Forgets everything (`POST /simulator/_control/reset`).
    func reset()
}
