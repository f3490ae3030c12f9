import Foundation

/// Whether a connection works, and whether it is about to stop: what the API and the page warn with.
public enum ConnectionHealth: String, Sendable, Equatable {
    /// Works; the server renews it when the platform allows.
    case ok
    /// Works until it expires, within `warningPeriod`, and only connecting again renews it.
    case expiresSoon
    /// Refused by the platform, or expired: connect again.
    case reconnectRequired

    /// A week: time for the user to notice and reconnect before campaigns stop syncing.
    public static let warningPeriod: TimeInterval = 7 * 86_400

    public static func of(platform: AdPlatform, connected: Bool, expiresAt: Date?, now: Date = Date()) -> ConnectionHealth {
        guard connected else { return .reconnectRequired }
        guard !platform.renewsConnections, let expiresAt else { return .ok }
        if expiresAt <= now { return .reconnectRequired }
        return expiresAt.timeIntervalSince(now) < warningPeriod ? .expiresSoon : .ok
    }
}
