import Foundation
import Postgres
import Testing
import TestSupport

/// Checks, uniqueness, triggers and delete rules of each table.
extension DataModelTests {
    /// A metrics sync stamps the campaign without moving updated_at, which tells how lately it was paused.
    @Test func stampingAMetricsSyncIsNotAChangeOfTheCampaign() throws {
        let tenant = try makeTenant()
        func updatedAt() throws -> String {
            try connection.query("SELECT updated_at::text AS t FROM campaigns WHERE id = \(tenant.campaign)")[0].decode("t")
        }
        try connection.execute("UPDATE campaigns SET updated_at = now() - interval '30 days'")
        let before = try updatedAt()
        try connection.query("UPDATE campaigns SET last_metrics_sync_at = now() WHERE id = \(tenant.campaign)")
        #expect(try updatedAt() == before)
        try connection.query("UPDATE campaigns SET status = 'paused' WHERE id = \(tenant.campaign)")
        #expect(try updatedAt() != before)
    }

    @Test func integrationsAndAdAccountsRefuseBadValues() throws {
        let tenant = try makeTenant()
        let provider = failure("INSERT INTO integrations (organization_id, provider) VALUES (\(tenant.organization), 'tiktok_ads')")
        #expect(provider?.kind == .checkViolation)
        #expect(provider?.constraint == "integrations_provider_check")
        let connected: Bool = try connection.query("SELECT connected FROM integrations WHERE id = \(tenant.integration)")[0].decode("connected")
        #expect(connected)

        func insertAccount(_ externalID: String, _ currency: String) -> PostgresQuery {
            """
            INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
            VALUES (\(tenant.organization), \(tenant.integration), \(externalID), 'A', \(currency))
            """
        }
        let currency = failure(insertAccount("other", "eur"))
        #expect(currency?.constraint == "ad_accounts_currency_check")
        let duplicate = failure(insertAccount("acct-Acme", "EUR"))
        #expect(duplicate?.kind == .uniqueViolation)
        #expect(duplicate?.constraint == "ad_accounts_integration_external_key")
    }

    @Test func campaignsRefuseBadValuesAndDefaultToDraft() throws {
        let tenant = try makeTenant()
        let status: String = try connection.query("SELECT status FROM campaigns WHERE id = \(tenant.campaign)")[0].decode("status")
        #expect(status == "draft")
        func insertCampaign(_ name: String, _ objective: String, _ status: String) -> PostgresQuery {
            """
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status)
            VALUES (\(tenant.organization), \(tenant.adAccount), \(name), 'google_ads', \(objective), \(status))
            """
        }
        #expect(failure(insertCampaign("  ", "sales", "draft"))?.constraint == "campaigns_name_check")
        #expect(failure(insertCampaign("N", "awareness", "draft"))?.constraint == "campaigns_objective_check")
        #expect(failure(insertCampaign("N", "leads", "running"))?.constraint == "campaigns_status_check")
        #expect(failure("UPDATE campaigns SET platform = 'tiktok' WHERE id = \(tenant.campaign)")?.kind == .checkViolation)
    }

    @Test func aCampaignsPlatformMustMatchItsAdAccountsProvider() throws {
        let tenant = try makeTenant(provider: "google_ads")
        let mismatch = failure("""
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(tenant.organization), \(tenant.adAccount), 'X', 'meta_ads', 'leads')
            """)
        #expect(mismatch?.kind == .checkViolation)
        #expect(mismatch?.constraint == "campaigns_platform_matches_ad_account")
        #expect(mismatch?.message == "campaigns_platform_matches_ad_account: campaign platform meta_ads does not match the ad account's provider google_ads")

        let changed = failure("UPDATE campaigns SET platform = 'meta_ads' WHERE id = \(tenant.campaign)")
        #expect(changed?.constraint == "campaigns_platform_matches_ad_account")

        // Moving the campaign to an account of a Meta integration is refused as well.
        let meta = try insert("INSERT INTO integrations (organization_id, provider) VALUES (\(tenant.organization), 'meta_ads') RETURNING id")
        let metaAccount = try insert("""
            INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency) VALUES (\(tenant.organization), \(meta), 'm1', 'Meta', 'EUR') RETURNING id
            """)
        #expect(failure("UPDATE campaigns SET ad_account_id = \(metaAccount) WHERE id = \(tenant.campaign)")?.kind == .checkViolation)
        try connection.query("UPDATE campaigns SET ad_account_id = \(metaAccount), platform = 'meta_ads' WHERE id = \(tenant.campaign)")
        let platform: String = try connection.query("SELECT platform FROM campaigns WHERE id = \(tenant.campaign)")[0].decode("platform")
        #expect(platform == "meta_ads")
    }

    @Test func anAccountsProviderCannotChangeUnderItsCampaigns() throws {
        let tenant = try makeTenant(provider: "google_ads")
        let provider = failure("UPDATE integrations SET provider = 'meta_ads' WHERE id = \(tenant.integration)")
        #expect(provider?.kind == .checkViolation)
        #expect(provider?.constraint == "integrations_provider_immutable")
        #expect(provider?.message == "integrations_provider_immutable: provider cannot change once created")
        let meta = try insert("INSERT INTO integrations (organization_id, provider) VALUES (\(tenant.organization), 'meta_ads') RETURNING id")
        let moved = failure("UPDATE ad_accounts SET integration_id = \(meta) WHERE id = \(tenant.adAccount)")
        #expect(moved?.constraint == "ad_accounts_integration_immutable")
        // Other columns stay editable.
        try connection.query("UPDATE integrations SET provider = 'google_ads', connected = false WHERE id = \(tenant.integration)")
        try connection.query("UPDATE ad_accounts SET name = 'Renamed', removed_at = now() WHERE id = \(tenant.adAccount)")
    }

    @Test func updatingACampaignMovesUpdatedAt() throws {
        let tenant = try makeTenant()
        try connection.query("UPDATE campaigns SET created_at = created_at - interval '1 day', updated_at = updated_at - interval '1 day' WHERE id = \(tenant.campaign)")
        try connection.query("UPDATE campaigns SET status = 'live' WHERE id = \(tenant.campaign)")
        #expect(try count("SELECT count(*) FROM campaigns WHERE id = \(tenant.campaign) AND updated_at > created_at + interval '23 hours'") == 1)
    }

    @Test func deletingAnAdAccountWithCampaignsIsRefused() throws {
        let tenant = try makeTenant()
        let refused = failure("DELETE FROM ad_accounts WHERE id = \(tenant.adAccount)")
        #expect(refused?.kind == .foreignKeyViolation)
        #expect(refused?.constraint == "campaigns_ad_account_fkey")
        // So is deleting the integration, whose accounts would cascade.
        let integration = failure("DELETE FROM integrations WHERE id = \(tenant.integration)")
        #expect(integration?.constraint == "campaigns_ad_account_fkey")

        // Marking it removed is the way; without campaigns it can go, and goes with its integration.
        try connection.query("UPDATE ad_accounts SET removed_at = now() WHERE id = \(tenant.adAccount)")
        try connection.query("DELETE FROM campaigns WHERE id = \(tenant.campaign)")
        try connection.query("DELETE FROM integrations WHERE id = \(tenant.integration)")
        #expect(try count("SELECT count(*) FROM ad_accounts") == 0)
    }

    @Test func budgetsAreOnePerCampaignWithAPositiveAmount() throws {
        let tenant = try makeTenant()
        func insertBudget(_ type: String, _ amount: Decimal, _ currency: String) -> PostgresQuery {
            """
            INSERT INTO campaign_budgets (organization_id, campaign_id, type, amount, currency)
            VALUES (\(tenant.organization), \(tenant.campaign), \(type), \(amount), \(currency))
            """
        }
        #expect(failure(insertBudget("daily", Decimal(0), "EUR"))?.constraint == "campaign_budgets_amount_check")
        #expect(failure(insertBudget("weekly", Decimal(5), "EUR"))?.constraint == "campaign_budgets_type_check")
        #expect(failure(insertBudget("daily", Decimal(5), "EURO"))?.constraint == "campaign_budgets_currency_check")
        try connection.query(insertBudget("lifetime", Decimal(string: "1234.56")!, "EUR"))
        #expect(failure(insertBudget("daily", Decimal(5), "EUR"))?.kind == .uniqueViolation)
        let amount: Decimal = try connection.query("SELECT amount FROM campaign_budgets WHERE campaign_id = \(tenant.campaign)")[0].decode("amount")
        #expect(amount == Decimal(string: "1234.56")!)
        #expect(try connection.query("SELECT amount::text AS a FROM campaign_budgets")[0].decode("a", as: String.self) == "1234.56")
    }

    @Test func audienceRulesAreValidated() throws {
        let tenant = try makeTenant()
        let valid = [
            #"{"locations": ["FR", "BE"]}"#,
            #"{"locations": ["FR"], "age_min": 13, "age_max": 65, "interests": []}"#,
            #"{"locations": ["FR"], "age_min": 30, "age_max": 30, "interests": ["running", "shoes"]}"#,
            #"{"locations": ["FR"], "age_max": 24}"#,
        ]
        let invalid = [
            #"{}"#,
            #"[]"#,
            #"{"locations": []}"#,
            #"{"locations": "FR"}"#,
            #"{"locations": ["FR", 3]}"#,
            #"{"locations": ["FR"], "age_min": 12}"#,
            #"{"locations": ["FR"], "age_max": 66}"#,
            #"{"locations": ["FR"], "age_min": 20.5}"#,
            #"{"locations": ["FR"], "age_min": "20"}"#,
            #"{"locations": ["FR"], "age_min": 40, "age_max": 30}"#,
            #"{"locations": ["FR"], "interests": "shoes"}"#,
            #"{"locations": ["FR"], "interests": [1]}"#,
        ]
        func insertAudience(_ rules: String) -> PostgresQuery {
            "INSERT INTO audiences (organization_id, name, rules) VALUES (\(tenant.organization), 'A', \(rules)::jsonb)"
        }
        for rules in valid {
            #expect(failure(insertAudience(rules)) == nil, "\(rules)")
        }
        for rules in invalid {
            #expect(failure(insertAudience(rules))?.constraint == "audiences_rules_check", "\(rules)")
        }
    }

    /// Migration 0011: picked targeting entries carry digit ids (a Meta country its code) and a kind that fits
    /// the list; unit keywords are 1–80 characters with an EXACT, PHRASE or BROAD match type.
    @Test func targetingEntriesAndKeywordsAreValidated() throws {
        let tenant = try makeTenant()
        func insertAudience(_ rules: String) -> PostgresQuery {
            "INSERT INTO audiences (organization_id, name, rules) VALUES (\(tenant.organization), 'A', \(rules)::jsonb)"
        }
        for rules in [
            #"{"locations": ["California"], "location_targets": [{"kind": "REGION", "name": "California", "google_id": "21137", "meta_id": "3847"}]}"#,
            #"{"locations": ["US"], "location_targets": [{"kind": "COUNTRY", "name": "United States", "meta_id": "US"}], "interest_targets": [{"kind": "INTEREST", "name": "Snack foods", "meta_id": "6003346592981"}]}"#,
        ] {
            #expect(failure(insertAudience(rules)) == nil, "\(rules)")
        }
        for rules in [
            #"{"locations": ["X"], "location_targets": [{"kind": "REGION", "name": "X", "meta_id": "US-CA"}]}"#,
            #"{"locations": ["X"], "location_targets": [{"kind": "INTEREST", "name": "X"}]}"#,
            #"{"locations": ["X"], "location_targets": [{"name": "X"}]}"#,
            #"{"locations": ["X"], "location_targets": [{"kind": "CITY", "name": "X", "google_id": 1013962}]}"#,
            #"{"locations": ["X"], "interest_targets": [{"kind": "COUNTRY", "name": "X"}]}"#,
            #"{"locations": ["X"], "interest_targets": "snacks"}"#,
        ] {
            #expect(failure(insertAudience(rules))?.constraint == "audiences_rules_check", "\(rules)")
        }
        func insertUnit(keywords: String) -> PostgresQuery {
            """
            INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name, keywords)
            VALUES (\(tenant.organization), \(tenant.campaign), \(tenant.audience), 'U', \(keywords)::jsonb)
            """
        }
        #expect(failure(insertUnit(keywords: #"[{"text": "spicy chips", "match_type": "PHRASE"}]"#)) == nil)
        for keywords in [
            #"[{"text": "spicy chips"}]"#, #"[{"text": "spicy chips", "match_type": "FUZZY"}]"#, #"[{"text": "", "match_type": "EXACT"}]"#,
            "[{\"text\": \"\(String(repeating: "a", count: 81))\", \"match_type\": \"EXACT\"}]", #"{"text": "x"}"#, #"["spicy chips"]"#,
        ] {
            #expect(failure(insertUnit(keywords: keywords))?.constraint == "campaign_units_keywords_check", "\(keywords)")
        }
    }

    @Test func unitsAndCreativesRefuseBadValues() throws {
        let tenant = try makeTenant()
        func insertUnit(allocation: Decimal?) -> PostgresQuery {
            """
            INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name, budget_allocation)
            VALUES (\(tenant.organization), \(tenant.campaign), \(tenant.audience), 'U', \(allocation))
            """
        }
        #expect(failure(insertUnit(allocation: Decimal(-1)))?.constraint == "campaign_units_budget_allocation_check")
        #expect(failure(insertUnit(allocation: nil)) == nil)
        #expect(failure(insertUnit(allocation: Decimal(0))) == nil)

        func creative(_ callToAction: String, _ landingURL: String?, _ version: Int) -> PostgresQuery {
            """
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, version)
            VALUES (\(tenant.organization), \(tenant.unit), 'H', \(callToAction), \(landingURL), \(version))
            """
        }
        #expect(failure(creative("buy_it", "https://x.test", 1))?.constraint == "ad_creatives_call_to_action_check")
        #expect(failure(creative("sign_up", "ftp://x.test", 1))?.constraint == "ad_creatives_landing_url_check")
        #expect(failure(creative("sign_up", "https://", 1))?.constraint == "ad_creatives_landing_url_check")
        #expect(failure(creative("sign_up", nil, 1))?.kind == .notNullViolation)
        #expect(failure(creative("sign_up", "http://x.test", 0))?.constraint == "ad_creatives_version_check")
        #expect(failure(creative("subscribe", "http://x.test", 2)) == nil)
        let version: Int = try connection.query("SELECT version FROM ad_creatives WHERE id = \(tenant.creative)")[0].decode("version")
        #expect(version == 1)
    }

    @Test func deletingACreativesParentNullsParentId() throws {
        let tenant = try makeTenant()
        let child = try insert("""
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, version, parent_id)
            VALUES (\(tenant.organization), \(tenant.unit), 'Shoes v2', 'shop_now', 'https://example.com', 2, \(tenant.creative)) RETURNING id
            """)
        try connection.query("DELETE FROM ad_creatives WHERE id = \(tenant.creative)")
        let row = try connection.query("SELECT parent_id, organization_id FROM ad_creatives WHERE id = \(child)")[0]
        #expect(row.isNull("parent_id"))
        #expect(try row.decode("organization_id", as: UUID.self) == tenant.organization)
    }

    /// `revised` says whether a creative has a revision, whoever writes the table; a creative has at most one.
    @Test func aCreativeIsRevisedWhileItsOneRevisionExists() throws {
        let tenant = try makeTenant()
        func revised(_ id: UUID) throws -> Bool {
            try connection.query("SELECT revised FROM ad_creatives WHERE id = \(id)")[0].decode("revised")
        }
        func revision(of parent: UUID, version: Int) -> PostgresQuery {
            """
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, version, parent_id)
            VALUES (\(tenant.organization), \(tenant.unit), 'Shoes', 'shop_now', 'https://example.com', \(version), \(parent)) RETURNING id
            """
        }
        #expect(try !revised(tenant.creative))
        let second = try insert(revision(of: tenant.creative, version: 2))
        #expect(try revised(tenant.creative))
        #expect(try !revised(second))
        let duplicate = failure(revision(of: tenant.creative, version: 2))
        #expect(duplicate?.kind == .uniqueViolation)
        #expect(duplicate?.constraint == "ad_creatives_organization_parent_key")
        let third = try insert(revision(of: second, version: 3))
        #expect(try revised(second) && !revised(third))
        // A refused revision deleted again leaves its parent current; so does one moved off it.
        try connection.query("DELETE FROM ad_creatives WHERE id = \(third)")
        #expect(try !revised(second))
        try connection.query("UPDATE ad_creatives SET parent_id = NULL WHERE id = \(second)")
        #expect(try !revised(tenant.creative))
        try connection.query("UPDATE ad_creatives SET parent_id = \(tenant.creative) WHERE id = \(second)")
        #expect(try revised(tenant.creative))
    }

    @Test func deletingACampaignRemovesEverythingBelowIt() throws {
        let tenant = try makeTenant()
        let other = try makeTenant("Other")
        try addCampaignDetails(tenant)
        try addCampaignDetails(other)
        try connection.query("DELETE FROM campaigns WHERE id = \(tenant.campaign)")
        for table in ["campaign_budgets", "campaign_units", "campaign_metrics", "campaign_execution_logs", "campaign_platform_maps"] {
            #expect(try count("SELECT count(*) FROM \(unescaped: table) WHERE campaign_id = \(tenant.campaign)") == 0, "\(table)")
            #expect(try count("SELECT count(*) FROM \(unescaped: table) WHERE campaign_id = \(other.campaign)") >= 1, "\(table)")
        }
        #expect(try count("SELECT count(*) FROM ad_creatives WHERE id = \(tenant.creative)") == 0)
        #expect(try count("SELECT count(*) FROM ad_creatives WHERE id = \(other.creative)") == 1)
        // The audience stays: it can serve other campaigns.
        #expect(try count("SELECT count(*) FROM audiences WHERE id = \(tenant.audience)") == 1)
    }

    @Test func deletingAnAudienceInUseIsRefused() throws {
        let tenant = try makeTenant()
        let refused = failure("DELETE FROM audiences WHERE id = \(tenant.audience)")
        #expect(refused?.kind == .foreignKeyViolation)
        #expect(refused?.constraint == "campaign_units_audience_fkey")
    }

    @Test func deletingAnOrganizationRemovesAllItsData() throws {
        let tenant = try makeTenant()
        let other = try makeTenant("Other")
        try addCampaignDetails(tenant)
        try addCampaignDetails(other)
        try connection.query("DELETE FROM organizations WHERE id = \(tenant.organization)")
        for table in Self.tenantTables where table != "organizations" && table != "api_keys" && table != "oauth_states" {
            #expect(try count("SELECT count(*) FROM \(unescaped: table) WHERE organization_id = \(tenant.organization)") == 0, "\(table)")
            #expect(try count("SELECT count(*) FROM \(unescaped: table) WHERE organization_id = \(other.organization)") >= 1, "\(table)")
        }
    }

    @Test func metricsAreUniquePerCampaignMetricAndDay() throws {
        let tenant = try makeTenant()
        let keys: [String] = try connection.query("SELECT key FROM metric_definitions ORDER BY key").map { try $0.decode("key") }
        #expect(Set(["impressions", "clicks", "spend", "conversions", "reach", "video_views"]).isSubset(of: Set(keys)))
        let spendUnit: String = try connection.query("SELECT unit FROM metric_definitions WHERE key = 'spend'")[0].decode("unit")
        #expect(spendUnit == "currency")

        func insertMetric(_ date: String, _ value: Decimal, _ key: String) -> PostgresQuery {
            """
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT \(tenant.organization), \(tenant.campaign), id, \(date)::date, \(value) FROM metric_definitions WHERE key = \(key)
            """
        }
        try connection.query(insertMetric("2026-11-01", Decimal(string: "12.34")!, "spend"))
        try connection.query(insertMetric("2026-11-02", Decimal(5), "spend"))
        try connection.query(insertMetric("2026-11-01", Decimal(100), "clicks"))
        let duplicate = failure(insertMetric("2026-11-01", Decimal(1), "spend"))
        #expect(duplicate?.kind == .uniqueViolation)
        #expect(duplicate?.constraint == "campaign_metrics_campaign_metric_date_key")
        // Re-importing a day is an upsert.
        try connection.query(insertMetric("2026-11-01", Decimal(string: "13.00")!, "spend")
                             + " ON CONFLICT (campaign_id, metric_id, date) DO UPDATE SET value = excluded.value")
        let total: Decimal = try connection.query("SELECT sum(value) AS s FROM campaign_metrics WHERE campaign_id = \(tenant.campaign)")[0].decode("s")
        #expect(total == Decimal(118))
    }

    @Test func executionLogsAreAppendOnly() throws {
        let tenant = try makeTenant()
        let log = try insert("""
            INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message) VALUES (\(tenant.organization), \(tenant.campaign), 'publish', 'error', 'quota') RETURNING id
            """)
        #expect(failure("INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status) VALUES (\(tenant.organization), \(tenant.campaign), 'x', 'pending')")?.constraint == "campaign_execution_logs_status_check")
        let update = failure("UPDATE campaign_execution_logs SET message = 'fine' WHERE id = \(log)")
        #expect(update?.message == "campaign_execution_logs is append-only: UPDATE is not allowed")
        let delete = failure("DELETE FROM campaign_execution_logs WHERE id = \(log)")
        #expect(delete?.message == "campaign_execution_logs is append-only: DELETE is not allowed")
        #expect(failure("TRUNCATE campaign_execution_logs")?.message == "campaign_execution_logs is append-only: TRUNCATE is not allowed")
        // The application role is refused too.
        let asApp = applicationFailure(organization: tenant.organization, "DELETE FROM campaign_execution_logs WHERE id = \(log)")
        #expect(asApp?.message == "campaign_execution_logs is append-only: DELETE is not allowed")
        let message: String = try connection.query("SELECT message FROM campaign_execution_logs WHERE id = \(log)")[0].decode("message")
        #expect(message == "quota")

        // Deleting the campaign still cascades, for the application role as well.
        try asApplication(organization: tenant.organization) { try $0.query("DELETE FROM campaigns WHERE id = \(tenant.campaign)") }
        #expect(try count("SELECT count(*) FROM campaign_execution_logs") == 0)
    }

    @Test func platformMapsAreUniquePerPlatformAndOnePerCampaign() throws {
        let tenant = try makeTenant()
        let other = try makeTenant("Other")
        func insertMap(_ tenant: Tenant, _ platform: String, _ externalID: String) -> PostgresQuery {
            """
            INSERT INTO campaign_platform_maps (organization_id, campaign_id, platform, external_campaign_id)
            VALUES (\(tenant.organization), \(tenant.campaign), \(platform), \(externalID))
            """
        }
        try connection.query(insertMap(tenant, "google_ads", "123"))
        #expect(failure(insertMap(tenant, "google_ads", "456"))?.kind == .uniqueViolation)
        let taken = failure(insertMap(other, "google_ads", "123"))
        #expect(taken?.constraint == "campaign_platform_maps_platform_external_key")
        #expect(failure(insertMap(other, "meta_ads", "123")) == nil)
    }

    @Test func oauthStatesAreUniqueAndConsumedOnce() throws {
        let tenant = try makeTenant()
        func insertState(_ state: String, expiresIn interval: String) -> PostgresQuery {
            """
            INSERT INTO oauth_states (organization_id, provider, state, redirect_uri, expires_at)
            VALUES (\(tenant.organization), 'meta_ads', \(state), 'https://app.test/cb', now() + \(interval)::interval)
            """
        }
        try connection.query(insertState("state-0123456789abcdef", expiresIn: "10 minutes"))
        try connection.query(insertState("state-expired-0123456789", expiresIn: "-1 minute"))
        #expect(failure(insertState("state-0123456789abcdef", expiresIn: "10 minutes"))?.constraint == "oauth_states_state_key")

        // The callback knows no organization yet: it goes through consume_oauth_state, which works once.
        func consume(_ state: String) -> PostgresQuery { "SELECT organization_id, provider FROM consume_oauth_state(\(state))" }
        let first = try asApplication(organization: nil) { try $0.query(consume("state-0123456789abcdef")) }
        #expect(first.count == 1)
        #expect(try first[0].decode("organization_id", as: UUID.self) == tenant.organization)
        #expect(try first[0].decode("provider", as: String.self) == "meta_ads")
        #expect(try asApplication(organization: nil) { try $0.query(consume("state-0123456789abcdef")) }.count == 0)
        #expect(try asApplication(organization: nil) { try $0.query(consume("state-expired-0123456789")) }.count == 0)
        #expect(try asApplication(organization: nil) { try $0.query(consume("unknown-0123456789abcdef")) }.count == 0)
    }

    @Test func tokensRoundTripThroughPgcryptoWithTheKeyParameter() throws {
        let tenant = try makeTenant()
        let key = "configuration-secret-key"
        let integration = try asApplication(organization: tenant.organization) { connection in
            try connection.query("""
                INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at)
                VALUES (\(tenant.organization), 'meta_ads', pgp_sym_encrypt(\("access-token-value"), \(key)), pgp_sym_encrypt(\("refresh-token-value"), \(key)), now() + interval '1 hour') RETURNING id
                """)[0].decode(at: 0, as: UUID.self)
        }
        let tokens = try connection.query(
            "SELECT pgp_sym_decrypt(access_token, \(key)) AS access, pgp_sym_decrypt(refresh_token, \(key)) AS refresh FROM integrations WHERE id = \(integration)")[0]
        #expect(try tokens.decode("access", as: String.self) == "access-token-value")
        #expect(try tokens.decode("refresh", as: String.self) == "refresh-token-value")
        // The stored bytes do not contain the token, and another key cannot read it.
        #expect(try count("SELECT count(*) FROM integrations WHERE id = \(integration) AND position(convert_to('access-token-value', 'UTF8') IN access_token) = 0") == 1)
        let wrongKey = failure("SELECT pgp_sym_decrypt(access_token, 'another-key') FROM integrations WHERE id = \(integration)")
        #expect(wrongKey?.message == "Wrong key or corrupt data")
    }
}
