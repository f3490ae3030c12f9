import Foundation

/// A throwaway nginx on a free loopback port, configured from the project's own template. With a simulator
/// socket, the simulator gets its own loopback server on a second port, as under `make run`.
public final class TestNginx: @unchecked Sendable {
    public let port: Int
    /// The simulator's server's port, when it has one.
    public let simulatorPort: Int?
    public let process: ChildProcess
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    /// The simulator's root (what CAMPAIGND_SIMULATOR_URL takes), when it has a server.
    public var simulatorURL: URL? { simulatorPort.map { URL(string: "http://127.0.0.1:\($0)/simulator")! } }

    /// `mediaDirectory` is served at `/media/` (default: a `media` folder in nginx's runtime folder).
    public init(responderSocket: String, simulatorSocket: String? = nil, directory: URL, mediaDirectory: URL? = nil) throws {
        let runtime = directory.appendingPathComponent("nginx")
        let configuration = directory.appendingPathComponent("nginx.conf")
        var lastError: Error = TestSupportError("nginx did not start")
        for _ in 0..<5 {
            let port = try FreePort.find()
            let simulatorPort = try simulatorSocket.map { _ in try FreePort.find() }
            var environment: [String: String] = [:]
            if let simulatorSocket, let simulatorPort {
                environment = ["SIMULATOR_LISTEN": "127.0.0.1:\(simulatorPort)", "SIMULATOR_SOCKET": simulatorSocket]
            }
            let rendered = try runCommand(TestPaths.script("nginx-conf.sh").path, ["127.0.0.1:\(port)", responderSocket, runtime.path]
                + (mediaDirectory.map { [$0.path] } ?? []), environment: environment)
            guard rendered.status == 0 else { throw TestSupportError("nginx-conf.sh failed: \(rendered.output)") }
            try rendered.output.write(to: configuration, atomically: true, encoding: .utf8)
            let process = try ChildProcess(
                URL(fileURLWithPath: "/usr/sbin/nginx"),
                ["-p", runtime.path, "-c", configuration.path, "-g", "daemon off;"],
                logFile: directory.appendingPathComponent("nginx.log"))
            if FreePort.waitUntilListening(port, timeout: 10), simulatorPort.map({ FreePort.waitUntilListening($0, timeout: 5) }) ?? true {
                self.port = port
                self.simulatorPort = simulatorPort
                self.process = process
                return
            }
            process.stop(signal: SIGKILL)
            lastError = TestSupportError("nginx did not listen on \(port): \(process.output)")
        }
        throw lastError
    }

    public func stop() {
        process.stop(signal: SIGQUIT, timeout: 5)
        if process.isRunning { process.stop(signal: SIGKILL) }
    }
}

/// Loopback ports for test servers.
public enum FreePort {
    /// A port the kernel just handed out and released; the caller binds it right away.
    public static func find() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSupportError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw TestSupportError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public static func waitUntilListening(_ port: Int, timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if canConnect(port) { return true }
            usleep(25_000)
        }
        return false
    }

    static func canConnect(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

extension FreePort {
    /// True once a program listens on the unix socket: the file appears at bind(), a moment before
    /// listen(), and nginx answers 502 to a request sent in between.
    public static func acceptsConnections(unixSocket path: String) -> Bool {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) == 0 }
        }
    }
}
