import FastCGI
import Foundation

/// The platform simulator behind nginx's `/simulator/` location: routes each request to the platform owning
/// its first path segment, applies injected failures first, and answers the control endpoints under
/// `/simulator/_control/` to callers that present `controlSecret` (none at all when it is nil).
public final class SimulatorServer: Sendable {
    public let platforms: [any SimulatedPlatform]
    public let failures = FailureInjector()
    /// What the control plane wants in the `X-Simulator-Secret` header: it reads every simulated token,
    /// wipes every platform object and fails every tenant's launches, so it is never open.
    private let controlSecret: String?

    public static let secretHeader = "X-Simulator-Secret"

    public init(platforms: [any SimulatedPlatform], controlSecret: String?) {
        self.platforms = platforms
        self.controlSecret = controlSecret.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Writes every platform's state to `file`, so that a restarted simulator still knows what it created.
    public func saveState(to file: URL) throws {
        try JSONSerialization.data(withJSONObject: state(), options: [.sortedKeys]).write(to: file, options: .atomic)
    }

    /// Every platform's snapshot by platform name: what `saveState` writes and `GET _control/state` answers.
    private func state() -> [String: Any] {
        var state: [String: Any] = [:]
        for platform in platforms { state[platform.name] = platform.snapshot() }
        return state
    }

    /// Reads what `saveState` wrote; a missing file is an empty start.
    public func loadState(from file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] ?? [:]
        for platform in platforms {
            if let snapshot = state[platform.name] as? [String: Any] { platform.restore(snapshot) }
        }
    }

    public func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        var segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard segments.first == "simulator", segments.count >= 2 else { return notFound(request.path) }
        segments.removeFirst()
        let prefix = segments.removeFirst()
        if prefix == "_control" {
            guard presentsControlSecret(request) else {
                return .simulatorJSON(403, ["error": ["code": 403, "message": "The simulator's control plane wants its secret in \(Self.secretHeader)."]])
            }
            return control(segments, request)
        }
        guard let platform = platforms.first(where: { $0.prefixes.contains(prefix) }) else { return notFound(request.path) }
        let rest = "/" + segments.joined(separator: "/")
        let simulatorRequest = SimulatorRequest(request, prefix: prefix, path: rest)
        if let failure = failures.failure(platform: platform.name, method: request.method, path: rest) {
            if failure == .serverErrorAfterApply { _ = platform.handle(simulatorRequest) }
            return platform.render(failure.reported, for: simulatorRequest)
        }
        return platform.handle(simulatorRequest)
    }

    private func control(_ segments: [String], _ request: FastCGIRequest) -> FastCGIResponse {
        let body = ((try? JSONSerialization.jsonObject(with: Data(request.body))) as? [String: Any]) ?? [:]
        switch (request.method, segments) {
        case ("GET", ["state"]):
            return .simulatorJSON(200, state())
        case ("POST", ["failures"]):
            do {
                try failures.add(body)
                return .simulatorJSON(200, ["ok": true])
            } catch let error as SimulatorControlError {
                return .simulatorJSON(400, ["error": error.message])
            } catch {
                return .simulatorJSON(400, ["error": "\(error)"])
            }
        case ("POST", ["reset"]):
            failures.reset()
            platforms.forEach { $0.reset() }
            return .simulatorJSON(200, ["ok": true])
        case ("POST", let path) where path.count == 2:
            guard let platform = platforms.first(where: { $0.name == path[0] }),
                  let response = platform.control(path[1], body) else { return notFound(request.path) }
            return response
        default:
            return notFound(request.path)
        }
    }

    /// Compared in constant time, so that answer timings do not spell the secret out.
    private func presentsControlSecret(_ request: FastCGIRequest) -> Bool {
        guard let controlSecret, let presented = request.header(Self.secretHeader) else { return false }
        let expected = Array(controlSecret.utf8), given = Array(presented.utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private func notFound(_ path: String) -> FastCGIResponse {
        .simulatorJSON(404, ["error": ["code": 404, "message": "The simulator has no endpoint \(path)."]])
    }
}
