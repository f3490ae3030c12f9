import Foundation
import Postgres
import Testing
import TestSupport

/// The list queries the API runs find an index of their shape, under row-level security, without sorting.
extension DataModelTests {
    func plan(organization: UUID, _ sql: PostgresQuery) throws -> String {
        try asApplication(organization: organization) { connection in
            // The tables are tiny: forbid sequential scans so the planner shows which index fits.
            try connection.execute("SET LOCAL enable_seqscan = off")
            return try connection.query("EXPLAIN " + sql).map { try $0.decode(at: 0, as: String.self) }.joined(separator: "\n")
        }
    }

    @Test func listQueriesUseTheirIndexes() throws {
        let tenant = try makeTenant()
        let newestFirst = try plan(organization: tenant.organization, """
            SELECT id FROM campaigns WHERE (created_at, id) < (\(Date()), \(tenant.campaign)) ORDER BY created_at DESC, id DESC LIMIT 20
            """)
        #expect(newestFirst.contains("campaigns_organization_created_idx"), "\(newestFirst)")
        #expect(!newestFirst.contains("Sort"), "\(newestFirst)")

        let byStatus = try plan(organization: tenant.organization, """
            SELECT id FROM campaigns WHERE status = \("live") ORDER BY created_at DESC, id DESC LIMIT 20
            """)
        #expect(byStatus.contains("campaigns_organization_status_created_idx"), "\(byStatus)")
        #expect(!byStatus.contains("Sort"), "\(byStatus)")

        let units = try plan(organization: tenant.organization, """
            SELECT id FROM campaign_units WHERE campaign_id = \(tenant.campaign) ORDER BY created_at, id
            """)
        #expect(units.contains("campaign_units_organization_campaign_created_idx"), "\(units)")
        #expect(!units.contains("Sort"), "\(units)")

        let metrics = try plan(organization: tenant.organization, """
            SELECT date, value FROM campaign_metrics WHERE campaign_id = \(tenant.campaign) AND date BETWEEN \("2026-11-01")::date AND \("2026-11-30")::date ORDER BY date
            """)
        #expect(metrics.contains("campaign_metrics_organization_campaign_date_idx"), "\(metrics)")

        let logs = try plan(organization: tenant.organization, """
            SELECT id FROM campaign_execution_logs WHERE campaign_id = \(tenant.campaign) ORDER BY created_at DESC, id DESC LIMIT 50
            """)
        #expect(logs.contains("campaign_execution_logs_organization_campaign_created_idx"), "\(logs)")
        #expect(!logs.contains("Sort"), "\(logs)")
    }
}
