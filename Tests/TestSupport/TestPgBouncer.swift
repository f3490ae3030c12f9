import Foundation

/// PgBouncer in transaction mode in front of a test cluster, on a unix socket of its own: what a deployment
/// that pools connections puts between the responders and PostgreSQL. As root it runs as `postgres`, since
/// PgBouncer refuses to run as root.
public final class TestPgBouncer: @unchecked Sendable {
    public let directory: URL
    public let port: Int
    public let process: ChildProcess

    public static let executable = "/usr/sbin/pgbouncer"

    /// `serverConnections`: the most server connections per database, fewer than the clients so that
    /// consecutive transactions of one client land on different server connections.
    public init(cluster: TestCluster, serverConnections: Int = 2) throws {
        directory = try TestPaths.temporaryDirectory("campaignd-pgbouncer")
        port = try FreePort.find()
        let configuration = """
            [databases]
            * = host=\(cluster.socketDirectory.path)

            [pgbouncer]
            listen_addr =
            listen_port = \(port)
            unix_socket_dir = \(directory.path)
            auth_type = trust
            auth_file = \(directory.path)/users.txt
            pool_mode = transaction
            default_pool_size = \(serverConnections)
            max_client_conn = 500
            logfile = \(directory.path)/pgbouncer.log
            pidfile = \(directory.path)/pgbouncer.pid

            """
        try configuration.write(to: directory.appendingPathComponent("pgbouncer.ini"), atomically: true, encoding: .utf8)
        try #""postgres" """#.write(to: directory.appendingPathComponent("users.txt"), atomically: true, encoding: .utf8)
        let ini = directory.appendingPathComponent("pgbouncer.ini").path
        if getuid() == 0 {
            _ = try runCommand("/bin/chown", ["-R", "postgres:", directory.path])
            process = try ChildProcess(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", Self.executable, ini],
                                       logFile: directory.appendingPathComponent("stdout.log"))
        } else {
            process = try ChildProcess(URL(fileURLWithPath: Self.executable), [ini], logFile: directory.appendingPathComponent("stdout.log"))
        }
        let socket = directory.appendingPathComponent(".s.PGSQL.\(port)").path
        let deadline = Date(timeIntervalSinceNow: 10)
        while !FreePort.acceptsConnections(unixSocket: socket) {
            guard process.isRunning, Date() < deadline else {
                let log = (try? String(contentsOf: directory.appendingPathComponent("pgbouncer.log"), encoding: .utf8)) ?? ""
                throw TestSupportError("pgbouncer did not start: \(process.output) \(log)")
            }
            usleep(20_000)
        }
    }

    public func url(database: String) -> String {
        "postgresql:///\(database)?host=\(directory.path)&port=\(port)&user=postgres"
    }

    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
