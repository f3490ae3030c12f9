import Foundation
import Postgres

/// The deployment's daily Google Ads API operations (a sliding 24 hours, by the Cloud project's access level),
/// counted in PostgreSQL before each request so that every responder and worker shares one count. `share` keeps
/// the rest for others: the worker's background syncs stop at 80 %, so they never use up what launches and
/// users' actions need.
public struct PlatformOperationQuota: Sendable {
    public let pool: PostgresPool
    /// Operations allowed in any 24 hours.
    public let dailyLimit: Int
    /// The part of `dailyLimit` this process may reach (1 for interactive work, less for background work).
    public let share: Double

    public init(pool: PostgresPool, dailyLimit: Int, share: Double = 1) {
        self.pool = pool
        self.dailyLimit = dailyLimit
        self.share = share
    }

    var cap: Int { Int((Double(dailyLimit) * share).rounded(.down)) }

    /// Takes `operations` for `platform`, or throws `PlatformError.rateLimited` saying when there will be room.
    public func take(_ platform: AdPlatform, operations: Int) throws {
        guard operations > 0 else { return }
        let row = try pool.withConnection {
            try $0.query("SELECT granted, used, retry_after_seconds FROM take_platform_operations(\(platform.rawValue), \(operations), \(cap))")[0]
        }
        guard try row.decode("granted", as: Bool.self) else {
            let retryAfter: Int = try row.decode("retry_after_seconds")
            let reach = share < 1 ? " (background work stops at \(cap), keeping the rest for launches and changes)" : ""
            throw PlatformError.rateLimited(
                retryAfter: Double(retryAfter),
                message: "This deployment has used \(try row.decode("used", as: Int.self)) of its \(dailyLimit) Google Ads API operations in the last 24 hours\(reach); the access level of its Google Cloud project allows no more until some leave the 24-hour window.")
        }
    }
}
