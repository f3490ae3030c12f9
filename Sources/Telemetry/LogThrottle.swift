import Foundation

/// Lets the first line of each kind through once per `interval` and counts the rest, so that an outage that
/// fails every request writes a few lines a minute, not one per request.
public final class LogThrottle: @unchecked Sendable {
    private let interval: TimeInterval
    private let lock = NSLock()
    private var windows: [String: (started: Date, suppressed: Int)] = [:]

    public init(interval: TimeInterval = 10) {
        self.interval = interval
    }

    /// nil when a line of this `kind` was let through within the interval; otherwise how many were held back
    /// since the last one (0 for the first).
    public func admit(_ kind: String, now: Date = Date()) -> Int? {
        lock.withLock {
            if let window = windows[kind], now.timeIntervalSince(window.started) < interval {
                windows[kind]!.suppressed += 1
                return nil
            }
            let suppressed = windows[kind]?.suppressed ?? 0
            if windows.count > 1_000 { windows.removeAll() }  // bounded, whatever the kinds
            windows[kind] = (now, 0)
            return suppressed
        }
    }
}
