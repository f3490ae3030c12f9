import FastCGI
import Foundation

// PLACEHOLDER — replaced by the real simulated platform on branch `meta`.
public final class MetaSimulator: SimulatedPlatform, @unchecked Sendable {
    public let name = "meta_ads"
    public let prefixes: [String] = []
    public let tokens: TokenIssuer

    public init(tokenLifetime: TimeInterval) { tokens = TokenIssuer(tokenPrefix: "meta-", accessTokenLifetime: tokenLifetime) }

    public func handle(_ request: SimulatorRequest) -> FastCGIResponse { .simulatorJSON(501, ["error": "not built yet"]) }
    public func render(_ failure: InjectedFailure, for request: SimulatorRequest) -> FastCGIResponse { .simulatorJSON(500, ["error": failure.rawValue]) }
    public func snapshot() -> [String: Any] { [:] }
    public func restore(_ snapshot: [String: Any]) {}
    public func control(_ action: String, _ body: [String: Any]) -> FastCGIResponse? { nil }
    public func reset() {}
}
