import Foundation
import Postgres

/// A campaign the metrics sync reads: it exists on its platform, in an account of an integration.
public struct MetricsSyncTarget: Sendable, Equatable {
    public var campaignID: UUID
    public var organizationID: UUID
    public var platform: Platform
    public var status: CampaignStatus
    public var externalCampaignID: String
    public var integrationID: UUID
    public var externalAccountID: String
    public var currency: String
    /// Google: the manager account requests to the account go through.
    public var loginCustomerID: String? = nil

    /// The campaigns of one organization that have a platform id, by id; `statuses` nil takes any status.
    /// With `statuses`, only campaigns of connected integrations: a disconnected one waits for the user to
    /// connect it again rather than failing every periodic sync.
    static func load(organizationID: UUID, statuses: [CampaignStatus]?, pausedSince: Date?, only campaignID: UUID?,
                     after: UUID?, limit: Int, on connection: PostgresConnection) throws -> [MetricsSyncTarget] {
        try connection.query(
            """
            SELECT c.id, c.organization_id, c.platform, c.status, m.external_campaign_id, a.integration_id,
                   a.external_account_id, a.currency, a.login_customer_id
            FROM campaigns c
            JOIN campaign_platform_maps m ON m.organization_id = c.organization_id AND m.campaign_id = c.id
            JOIN ad_accounts a ON a.organization_id = c.organization_id AND a.id = c.ad_account_id
            JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id
            WHERE c.organization_id = \(organizationID) AND (\(statuses.map { textArray($0.map(\.rawValue)) })::text[] IS NULL OR i.connected)
              AND (\(statuses.map { textArray($0.map(\.rawValue)) })::text[] IS NULL OR c.status = ANY(\(statuses.map { textArray($0.map(\.rawValue)) })::text[])
                   OR (c.status = 'paused' AND \(pausedSince)::timestamptz IS NOT NULL AND c.updated_at >= \(pausedSince)::timestamptz))
              AND (\(campaignID)::uuid IS NULL OR c.id = \(campaignID)::uuid)
              AND (\(after)::uuid IS NULL OR c.id > \(after)::uuid)
            ORDER BY c.id
            LIMIT \(limit)
            """
        ).map { row in
            guard let platform = Platform(rawValue: try row.decode("platform")),
                  let status = CampaignStatus(rawValue: try row.decode("status")) else {
                throw PostgresError.decoding(column: "platform", message: "unknown platform or status")
            }
            return MetricsSyncTarget(
                campaignID: try row.decode("id"), organizationID: try row.decode("organization_id"), platform: platform,
                status: status, externalCampaignID: try row.decode("external_campaign_id"),
                integrationID: try row.decode("integration_id"), externalAccountID: try row.decode("external_account_id"),
                currency: try row.decode("currency"), loginCustomerID: try row.decode("login_customer_id", as: String?.self))
        }
    }
}

/// What one sync did.
public struct MetricsSyncReport: Sendable, Equatable {
    public var campaigns = 0
    public var synced = 0
    public var failed = 0
    /// Daily values written (inserted or changed); unchanged values are not rewritten.
    public var valuesWritten = 0
    /// The error message of each campaign that failed.
    public var failures: [UUID: String] = [:]

    public init() {}

    mutating func add(_ other: MetricsSyncReport) {
        campaigns += other.campaigns
        synced += other.synced
        failed += other.failed
        valuesWritten += other.valuesWritten
        failures.merge(other.failures) { $1 }
    }
}

/// Platform metric names and keys without a definition, each logged once per process.
public final class UnknownMetricLog: @unchecked Sendable {
    public static let shared = UnknownMetricLog()
    private let lock = NSLock()
    private var seen: Set<String> = []

    public init() {}

    /// The names not reported before; they are now.
    func firstSightings(_ names: some Sequence<String>) -> [String] {
        lock.withLock {
            names.filter { seen.insert($0).inserted }.sorted()
        }
    }
}
