import Foundation

/// `campaignd simulate` on a unix socket in `directory`; nginx serves it under `/simulator/` on a loopback
/// server of its own. Its control plane wants `controlSecret`, and its OAuth apps have `redirectURIs` registered.
public final class TestSimulator: @unchecked Sendable {
    public let process: ChildProcess
    public let socketPath: String

    /// The secret every test simulator's control plane wants (`controlHeaders` carries it).
    public static let controlSecret = "test-simulator-control-secret"
    public static var controlHeaders: [String: String] { ["X-Simulator-Secret": controlSecret] }

    /// The redirect URIs the tests' OAuth flows use; a consent page refuses any other.
    public static let redirectURIs = [
        "https://app.example.test/oauth/callback",
        "http://127.0.0.1/oauth/callback",
        "http://127.0.0.1:9/oauth/callback",
        "http://127.0.0.1:9/oauth/meta",
        "http://127.0.0.1:9/oauth/meta?from=test",
        "http://127.0.0.1:9/oauth/google_ads",
        "http://127.0.0.1:9/oauth/meta_ads",
    ]

    /// `socketPath` may be chosen before the simulator starts, so that nginx can be configured first.
    public init(socketPath: String, redirectURIs extra: [String] = [], environment: [String: String] = [:]) throws {
        self.socketPath = socketPath
        var settings = [
            "CAMPAIGND_SIMULATOR_SOCKET": socketPath,
            "CAMPAIGND_SIMULATOR_SECRET": Self.controlSecret,
            "CAMPAIGND_SIMULATOR_REDIRECT_URIS": (Self.redirectURIs + extra).joined(separator: " "),
        ]
        settings.merge(environment) { $1 }
        let logFile = URL(fileURLWithPath: socketPath).deletingLastPathComponent().appendingPathComponent("simulator.log")
        process = try ChildProcess(TestPaths.campaignd, ["simulate"], environment: settings, logFile: logFile)
        let deadline = Date(timeIntervalSinceNow: 20)
        while !FreePort.acceptsConnections(unixSocket: socketPath) {
            guard process.isRunning, Date() < deadline else {
                throw TestSupportError("campaignd simulate did not start: \(process.output)")
            }
            usleep(20_000)
        }
    }

    public func stop() { process.stop() }
}

/// The simulator behind its own throwaway nginx, for tests of providers that need no database.
public final class TestSimulatorServer: @unchecked Sendable {
    public let directory: URL
    public let simulator: TestSimulator
    public let nginx: TestNginx
    /// The simulator's root, e.g. http://127.0.0.1:PORT/simulator (what CAMPAIGND_SIMULATOR_URL takes).
    public var url: URL { nginx.simulatorURL! }

    public init(environment: [String: String] = [:]) throws {
        directory = try TestPaths.temporaryDirectory("campaignd-simulator")
        let socketPath = directory.appendingPathComponent("simulator.sock").path
        nginx = try TestNginx(responderSocket: directory.appendingPathComponent("no-responder.sock").path,
                              simulatorSocket: socketPath, directory: directory)
        do {
            simulator = try TestSimulator(socketPath: socketPath, environment: environment)
        } catch {
            nginx.stop()
            throw error
        }
    }

    public func stop() {
        nginx.stop()
        simulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
