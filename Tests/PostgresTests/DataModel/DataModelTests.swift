import Foundation
import Postgres
import Testing
import TestSupport

/// The data model of schema/migrations, tested against a real database: each test gets a fresh migrated one.
@Suite struct DataModelTests {
    let database = try! TestCluster.shared.migratedDatabase()
    let connection: PostgresConnection

    init() throws {
        connection = try PostgresConnection(conninfo: database.url)
    }

    /// One organization with one row in each table, linked together, for tests to build on.
    struct Tenant {
        var organization: UUID
        var integration: UUID
        var adAccount: UUID
        var campaign: UUID
        var audience: UUID
        var unit: UUID
        var creative: UUID
    }

    func insert(_ sql: PostgresQuery) throws -> UUID {
        try connection.query(sql)[0].decode(at: 0)
    }

    func count(_ sql: PostgresQuery) throws -> Int {
        try connection.query("SELECT (\(sql))::int AS n")[0].decode("n")
    }

    func makeTenant(_ name: String = "Acme", provider: String = "google_ads") throws -> Tenant {
        let organization = try insert("INSERT INTO organizations (name) VALUES (\(name)) RETURNING id")
        let integration = try insert(
            "INSERT INTO integrations (organization_id, provider) VALUES (\(organization), \(provider)) RETURNING id")
        let adAccount = try insert("""
            INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
            VALUES (\(organization), \(integration), \("acct-\(name)"), 'Main account', 'EUR') RETURNING id
            """)
        let campaign = try insert("""
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective)
            VALUES (\(organization), \(adAccount), 'Spring sale', \(provider), 'sales') RETURNING id
            """)
        let audience = try insert("""
            INSERT INTO audiences (organization_id, name, rules)
            VALUES (\(organization), 'Adults in Paris', '{"locations": ["Paris"], "age_min": 18, "age_max": 65, "interests": ["shoes"]}') RETURNING id
            """)
        let unit = try insert("""
            INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name, budget_allocation)
            VALUES (\(organization), \(campaign), \(audience), 'Unit 1', 10.50) RETURNING id
            """)
        let creative = try insert("""
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url)
            VALUES (\(organization), \(unit), 'Shoes!', 'shop_now', 'https://example.com/shoes') RETURNING id
            """)
        return Tenant(
            organization: organization, integration: integration, adAccount: adAccount, campaign: campaign,
            audience: audience, unit: unit, creative: creative)
    }

    /// Gives the tenant's campaign a budget, two metrics, an execution log and a platform mapping.
    func addCampaignDetails(_ tenant: Tenant) throws {
        try connection.query(
            "INSERT INTO organization_rate_limits (organization_id, tokens, refilled_at) VALUES (\(tenant.organization), 1, now())")
        try connection.query(
            "INSERT INTO campaign_budgets (organization_id, campaign_id, type, amount, currency) VALUES (\(tenant.organization), \(tenant.campaign), 'daily', 20, 'EUR')")
        try connection.query("""
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT \(tenant.organization), \(tenant.campaign), id, DATE '2026-11-01', 42 FROM metric_definitions WHERE key IN ('clicks', 'spend')
            """)
        try connection.query(
            "INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status) VALUES (\(tenant.organization), \(tenant.campaign), 'create', 'success')")
        try connection.query(
            "INSERT INTO campaign_platform_maps (organization_id, campaign_id, platform, external_campaign_id) VALUES (\(tenant.organization), \(tenant.campaign), 'google_ads', \("ext-\(tenant.campaign)"))")
        try connection.query(
            "INSERT INTO ad_review_statuses (ad_creative_id, organization_id, platform, status, platform_status) VALUES (\(tenant.creative), \(tenant.organization), 'google_ads', 'approved', 'APPROVED / REVIEWED')")
        try connection.query("""
            INSERT INTO ad_daily_metrics (organization_id, ad_creative_id, campaign_unit_id, campaign_id, platform, currency, date,
                                          impressions, clicks, spend, conversions, conversion_value)
            SELECT a.organization_id, a.id, a.campaign_unit_id, \(tenant.campaign), 'google_ads', 'EUR', DATE '2026-11-01', 100, 5, 2.5, 1, 10
            FROM ad_creatives a WHERE a.id = \(tenant.creative)
            """)
        let rule: UUID = try connection.query("""
            INSERT INTO automation_rules (organization_id, name, kind, campaign_id, metric, comparison, threshold, action)
            VALUES (\(tenant.organization), 'CPA guard', 'metric', \(tenant.campaign), 'cost_per_conversion', 'greater_than', 30, 'alert') RETURNING id
            """)[0].decode("id")
        try connection.query(
            "INSERT INTO automation_rule_runs (organization_id, rule_id, campaign_id, outcome, message) VALUES (\(tenant.organization), \(rule), \(tenant.campaign), 'alerted', 'CPA 31 > 30')")
        try connection.query(
            "INSERT INTO automation_alerts (organization_id, rule_id, campaign_id, message) VALUES (\(tenant.organization), \(rule), \(tenant.campaign), 'CPA 31 > 30')")
    }

    /// The server error `body` fails with, or nil when it succeeds.
    func failure(_ body: () throws -> Void) -> PostgresServerError? {
        do {
            try body()
            return nil
        } catch let error as PostgresError {
            return error.serverError
        } catch {
            return nil
        }
    }

    func failure(_ sql: PostgresQuery) -> PostgresServerError? {
        failure { try connection.query(sql) }
    }

    /// Runs `body` in a transaction as the application role, with `organization` as the current tenant
    /// (none when nil), the way the server does.
    @discardableResult
    func asApplication<Value>(organization: UUID?, _ body: (PostgresConnection) throws -> Value) throws -> Value {
        try connection.withTransaction { connection in
            try connection.execute("SET LOCAL ROLE campaignd_app")
            if let organization {
                try connection.query("SELECT set_config('app.organization_id', \(organization.uuidString), true)")
            }
            return try body(connection)
        }
    }

    func applicationFailure(organization: UUID?, _ sql: PostgresQuery) -> PostgresServerError? {
        failure {
            try asApplication(organization: organization) { connection -> PostgresRows in try connection.query(sql) }
        }
    }
}
