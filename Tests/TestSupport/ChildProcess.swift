import Foundation

/// A program started by a test with `posix_spawn`, its output kept in a file for failure messages,
/// and a watchdog that ends it if the test process dies first.
///
/// Foundation's `Process` is avoided on purpose: its exit monitoring can hang when many processes
/// start and end concurrently, which a test suite does all the time.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let logFile: URL
    private let lock = NSLock()
    private var exitStatus: Int32?

    public init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], logFile: URL) throws {
        self.logFile = logFile
        pid = try spawn(executable.path, arguments, environment: environment, outputFile: logFile.path)
        Watchdog.whenTestsExit("kill -9 \(pid)")
    }

    public var isRunning: Bool { reap(blocking: false) == nil }

    /// What the program printed so far.
    public var output: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Sends a signal and waits up to `timeout` seconds for the exit; returns the exit status
    /// (128 + signal for a killed process), or nil on timeout.
    @discardableResult
    public func stop(signal: Int32 = SIGTERM, timeout: Double = 10) -> Int32? {
        if isRunning { kill(pid, signal) }
        return waitForExit(timeout: timeout)
    }

    public func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline {
            if let status = reap(blocking: false) { return status }
            usleep(10_000)
        }
        return reap(blocking: false)
    }

    private func reap(blocking: Bool) -> Int32? {
        lock.withLock {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            guard result == pid else { return nil }
            exitStatus = decodeWaitStatus(status)
            return exitStatus
        }
    }

    deinit {
        if reap(blocking: false) == nil {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }
}

/// Runs a command to completion and returns its exit status and everything it printed.
@discardableResult
public func runCommand(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
    let outputFile = NSTemporaryDirectory() + "campaignd-command-\(UUID().uuidString)"
    defer { unlink(outputFile) }
    let pid = try spawn(executable, arguments, environment: environment, outputFile: outputFile)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
    return (decodeWaitStatus(status), output)
}

/// Cleans up after the test process even when it crashes: a shell that waits for this process to
/// end, then runs the given commands.
public enum Watchdog {
    public static func whenTestsExit(_ commands: String) {
        let pid = ProcessInfo.processInfo.processIdentifier
        _ = try? spawn("/bin/sh", ["-c", "while kill -0 \(pid) 2>/dev/null; do sleep 1; done; \(commands)"], outputFile: "/dev/null")
    }
}

/// Starts a program with stdin from /dev/null and stdout and stderr appended to `outputFile`.
func spawn(_ executable: String, _ arguments: [String], environment: [String: String] = [:], outputFile: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    let settings = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = settings.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard result == 0 else { throw TestSupportError("cannot start \(executable): \(String(cString: strerror(result)))") }
    return pid
}

/// The exit code of a process that exited, or 128 + the signal that killed it, as shells report it.
func decodeWaitStatus(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
}
