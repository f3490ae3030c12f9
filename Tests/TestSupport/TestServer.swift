import Foundation

/// `campaignd serve` behind a throwaway nginx: what a client of the product talks to.
public final class TestServer: @unchecked Sendable {
    public let directory: URL
    public let responder: ChildProcess
    public let nginx: TestNginx
    public let socketPath: String
    /// Where the responder stores uploads and nginx serves them from (`/media/`).
    public let mediaDirectory: URL
    public var baseURL: URL { nginx.baseURL }

    /// Starts the responder against `databaseURL` (extra settings in `environment`) and nginx in front.
    public init(databaseURL: String, environment: [String: String] = [:]) throws {
        directory = try TestPaths.temporaryDirectory("campaignd-server")
        socketPath = directory.appendingPathComponent("campaignd.sock").path
        mediaDirectory = directory.appendingPathComponent("media")
        var settings = [
            "DATABASE_URL": databaseURL,
            "CAMPAIGND_SOCKET": socketPath,
            "CAMPAIGND_THREADS": "8",
            "CAMPAIGND_MIGRATIONS": TestPaths.repository.appendingPathComponent("schema/migrations").path,
            "CAMPAIGND_SCHEMA": TestPaths.repository.appendingPathComponent("schema/schema.graphql").path,
            "CAMPAIGND_MEDIA_DIR": mediaDirectory.path,
        ]
        settings.merge(environment) { $1 }
        responder = try ChildProcess(TestPaths.campaignd, ["serve"], environment: settings, logFile: directory.appendingPathComponent("campaignd.log"))
        let deadline = Date(timeIntervalSinceNow: 20)
        while !FileManager.default.fileExists(atPath: socketPath) {
            guard responder.isRunning, Date() < deadline else {
                throw TestSupportError("campaignd serve did not start: \(responder.output)")
            }
            usleep(20_000)
        }
        nginx = try TestNginx(responderSocket: socketPath, directory: directory, mediaDirectory: mediaDirectory)
    }

    public func stop() {
        nginx.stop()
        responder.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    public func url(_ path: String) -> URL {
        URL(string: path, relativeTo: baseURL)!.absoluteURL
    }
}
