import Foundation

/// A throwaway nginx on a free loopback port, configured from the project's own template.
public final class TestNginx: @unchecked Sendable {
    public let port: Int
    public let process: ChildProcess
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    public init(responderSocket: String, simulatorSocket: String? = nil, directory: URL) throws {
        let runtime = directory.appendingPathComponent("nginx")
        let configuration = directory.appendingPathComponent("nginx.conf")
        var lastError: Error = TestSupportError("nginx did not start")
        for _ in 0..<5 {
            let port = try FreePort.find()
            let rendered = try runCommand(TestPaths.script("nginx-conf.sh").path, ["127.0.0.1:\(port)", responderSocket, runtime.path]
                + (simulatorSocket.map { [$0] } ?? []))
            guard rendered.status == 0 else { throw TestSupportError("nginx-conf.sh failed: \(rendered.output)") }
            try rendered.output.write(to: configuration, atomically: true, encoding: .utf8)
            let process = try ChildProcess(
                URL(fileURLWithPath: "/usr/sbin/nginx"),
                ["-p", runtime.path, "-c", configuration.path, "-g", "daemon off;"],
                logFile: directory.appendingPathComponent("nginx.log"))
            if FreePort.waitUntilListening(port, timeout: 10) {
                self.port = port
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
