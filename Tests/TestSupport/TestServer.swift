import Foundation

/// `campaignd serve` behind a throwaway nginx: what a client of the product talks to. With `simulator`,
/// `campaignd simulate` runs behind the same nginx, on a loopback server of its own, and the responder's platform
/// URLs point at it.
public final class TestServer: @unchecked Sendable {
    public let directory: URL
    public let responder: ChildProcess
    public let nginx: TestNginx
    public let simulator: TestSimulator?
    public let socketPath: String
    /// Where the responder stores uploads and nginx serves them from (`/media/`).
    public let mediaDirectory: URL
    public var baseURL: URL { nginx.baseURL }
    /// The simulator's root (CAMPAIGND_SIMULATOR_URL), when one runs.
    public var simulatorURL: URL { nginx.simulatorURL ?? nginx.baseURL.appendingPathComponent("simulator") }

    /// Starts the responder against `databaseURL` (extra settings in `environment`) and nginx in front.
    public init(databaseURL: String, environment: [String: String] = [:], simulator withSimulator: Bool = false,
                simulatorEnvironment: [String: String] = [:]) throws {
        directory = try TestPaths.temporaryDirectory("campaignd-server")
        socketPath = directory.appendingPathComponent("campaignd.sock").path
        mediaDirectory = directory.appendingPathComponent("media")
        let simulatorSocket = withSimulator ? directory.appendingPathComponent("simulator.sock").path : nil
        // nginx first: the simulator is told the Studio's redirect URIs and the responder the simulator's URL,
        // which have nginx's ports in them.
        nginx = try TestNginx(
            responderSocket: socketPath, simulatorSocket: simulatorSocket, directory: directory, mediaDirectory: mediaDirectory)
        do {
            let studio = nginx.baseURL.absoluteString
            simulator = try simulatorSocket.map {
                try TestSimulator(socketPath: $0, redirectURIs: ["\(studio)/?connect=GOOGLE_ADS", "\(studio)/?connect=META_ADS", "\(studio)/healthz"],
                                  environment: simulatorEnvironment)
            }
        } catch {
            nginx.stop()
            throw error
        }
        var settings = [
            "DATABASE_URL": databaseURL,
            "CAMPAIGND_SOCKET": socketPath,
            "CAMPAIGND_THREADS": "8",
            "CAMPAIGND_MIGRATIONS": TestPaths.repository.appendingPathComponent("schema/migrations").path,
            "CAMPAIGND_SCHEMA": TestPaths.repository.appendingPathComponent("schema/schema.graphql").path,
            "CAMPAIGND_TOKEN_KEY": TestServer.tokenKey,
            "CAMPAIGND_SIMULATOR_URL": (nginx.simulatorURL ?? nginx.baseURL.appendingPathComponent("simulator")).absoluteString,
            "CAMPAIGND_PUBLIC_URL": nginx.baseURL.absoluteString,
            "CAMPAIGND_MEDIA_DIR": mediaDirectory.path,
        ]
        settings.merge(environment) { $1 }
        responder = try ChildProcess(TestPaths.campaignd, ["serve"], environment: settings, logFile: directory.appendingPathComponent("campaignd.log"))
        let deadline = Date(timeIntervalSinceNow: 20)
        while !FreePort.acceptsConnections(unixSocket: socketPath) {
            guard responder.isRunning, Date() < deadline else {
                nginx.stop()
                simulator?.stop()
                throw TestSupportError("campaignd serve did not start: \(responder.output)")
            }
            usleep(20_000)
        }
    }

    /// The token encryption key test servers use (tests decrypt with it to prove tokens are stored encrypted).
    public static let tokenKey = "test-token-key-0123456789abcdef"

    public func stop() {
        nginx.stop()
        responder.stop()
        simulator?.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    public func url(_ path: String) -> URL {
        URL(string: path, relativeTo: baseURL)!.absoluteURL
    }
}
