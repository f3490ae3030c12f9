import Foundation
import Postgres

/// A thread with its own connection that `LISTEN`s on the jobs channel and calls `onNotify` for each batch of
/// notifications; it reconnects after errors (the workers' polling covers the gap).
final class NotificationListener: @unchecked Sendable {
    private let conninfo: String
    private let channel: String
    private let onNotify: @Sendable () -> Void
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(conninfo: String, channel: String, log: @escaping @Sendable (String) -> Void, onNotify: @escaping @Sendable () -> Void) {
        self.conninfo = conninfo
        self.channel = channel
        self.log = log
        self.onNotify = onNotify
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "jobs-listener"
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        finished.wait()
    }

    private func run() {
        while !isStopped {
            do {
                let connection = try PostgresConnection(conninfo: conninfo)
                try connection.execute("LISTEN \(channel)")
                // Jobs queued while not listening are found by the next claim.
                onNotify()
                while !isStopped {
                    guard try connection.waitForNotification(timeout: 0.25) != nil else { continue }
                    // Drain what else arrived, then wake the workers once.
                    while try connection.waitForNotification(timeout: 0) != nil {}
                    onNotify()
                }
            } catch {
                log("jobs listener: \(error); reconnecting")
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }
}
