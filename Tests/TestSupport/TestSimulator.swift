import Foundation

/// `campaignd simulate` on a unix socket in `directory`; nginx serves it under `/simulator/`.
public final class TestSimulator: @unchecked Sendable {
    public let process: ChildProcess
    public let socketPath: String

    public init(directory: URL, environment: [String: String] = [:]) throws {
        socketPath = directory.appendingPathComponent("simulator.sock").path
        var settings = ["CAMPAIGND_SIMULATOR_SOCKET": socketPath]
        settings.merge(environment) { $1 }
        process = try ChildProcess(TestPaths.campaignd, ["simulate"], environment: settings, logFile: directory.appendingPathComponent("simulator.log"))
        let deadline = Date(timeIntervalSinceNow: 20)
        while !FileManager.default.fileExists(atPath: socketPath) {
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
    public var url: URL { nginx.baseURL.appendingPathComponent("simulator") }

    public init(environment: [String: String] = [:]) throws {
        directory = try TestPaths.temporaryDirectory("campaignd-simulator")
        simulator = try TestSimulator(directory: directory, environment: environment)
        nginx = try TestNginx(responderSocket: directory.appendingPathComponent("no-responder.sock").path,
                              simulatorSocket: simulator.socketPath, directory: directory)
    }

    public func stop() {
        nginx.stop()
        simulator.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
