import Foundation
import Postgres

/// When campaigns' metrics were last synced from their platforms (set by ``MetricsSync``).
public struct MetricsSyncTimes: Sendable {
    public init() {}

    public func lastSync(of campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: Date] {
        guard !campaignIDs.isEmpty else { return [:] }
        var result: [UUID: Date] = [:]
        for row in try session.connection.query(
            """
            SELECT id, last_metrics_sync_at FROM campaigns
            WHERE organization_id = \(session.organizationID) AND id = ANY(\(uuidArray(campaignIDs))::uuid[]) AND last_metrics_sync_at IS NOT NULL
            """) {
            result[try row.decode("id")] = try row.decode("last_metrics_sync_at")
        }
        return result
    }
}
