import Campaigns
import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// Campaigns with one unit and some creatives, and their ads' daily figures, written straight to the database:
/// reports and rules are then checked against figures computed by hand.
struct ReportCampaign {
    var id: UUID
    var unit: UUID
    var creatives: [UUID]
}

extension APITestHarness {
    /// The worker's metrics sync, in this process, over the server's database and simulator.
    func metricsSync() -> MetricsSync {
        let pool = database.pool(maximumConnections: 2)
        var settings = PlatformSettings.simulator(server.simulatorURL)
        settings.retryPolicy = RetryPolicy(maximumAttempts: 2, baseDelay: 0.01, maximumDelay: 0.02)
        let providers = PlatformProviders(settings: settings)
        let tokens = TokenService(providers: providers, encryptionKey: TestServer.tokenKey)
        return MetricsSync(pool: pool, adapters: PlatformAdapters(providers: providers), accessToken: { organizationID, integrationID, force in
            try pool.withConnection { try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: $0, forceRefresh: force) }
        })
    }

    /// A campaign on a new ad account of `platform` in `currency`, with one unit and `creatives` creatives.
    func reportCampaign(key: String, name: String, platform: String = "meta_ads", currency: String = "USD", status: String = "live",
                        creatives: Int = 1, budget: (type: String, amount: String)? = nil, start: String? = nil, end: String? = nil,
                        createdAt: String = "2026-11-01T10:00:00Z") throws -> ReportCampaign {
        let organization = try organizationID(key: key)
        let integration = try insertIntegration(key: key, provider: platform)
        let account = try insertAdAccount(key: key, integration: integration, external: "\(platform == "meta_ads" ? "act_" : "")\(UInt32.random(in: 1...UInt32.max))",
                                          name: "\(name) account", currency: currency)
        return try database.pool(maximumConnections: 1).withTransaction { connection in
            let campaign: UUID = try connection.query(
                """
                INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status, start_date, end_date, created_at)
                VALUES (\(organization), \(account), \(name), \(platform), 'sales', \(status), \(start)::date, \(end)::date, \(createdAt)::timestamptz) RETURNING id
                """)[0].decode("id")
            if let budget {
                try connection.query(
                    "INSERT INTO campaign_budgets (organization_id, campaign_id, type, amount, currency) VALUES (\(organization), \(campaign), \(budget.type), \(budget.amount)::numeric, \(currency))")
            }
            let audience: UUID = try connection.query(
                "INSERT INTO audiences (organization_id, name, rules) VALUES (\(organization), 'Everyone', \(#"{"locations": ["US"], "age_min": 18, "age_max": 65, "interests": []}"#)::jsonb) RETURNING id")[0].decode("id")
            let unit: UUID = try connection.query(
                "INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name) VALUES (\(organization), \(campaign), \(audience), 'Unit') RETURNING id")[0].decode("id")
            let ids: [UUID] = try (0..<creatives).map { index in
                try connection.query(
                    """
                    INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, external_id)
                    VALUES (\(organization), \(unit), \("Creative \(index + 1)"), 'shop_now', 'https://chips.example.com', \("ad-\(UUID().uuidString)")) RETURNING id
                    """)[0].decode("id")
            }
            return ReportCampaign(id: campaign, unit: unit, creatives: ids)
        }
    }

    /// One ad's figures for one day.
    func adDay(_ campaign: ReportCampaign, creative: Int = 0, _ date: String, impressions: Int, clicks: Int, spend: String,
               conversions: String = "0", value: String = "0") throws {
        try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO ad_daily_metrics (organization_id, ad_creative_id, campaign_unit_id, campaign_id, platform, currency, date,
                                              impressions, clicks, spend, conversions, conversion_value)
                SELECT c.organization_id, \(campaign.creatives[creative]), \(campaign.unit), c.id, c.platform, a.currency, \(date)::date, \(impressions), \(clicks), \(spend)::numeric, \(conversions)::numeric, \(value)::numeric
                FROM campaigns c JOIN ad_accounts a ON a.id = c.ad_account_id WHERE c.id = \(campaign.id)
                """)
        }
    }
}
