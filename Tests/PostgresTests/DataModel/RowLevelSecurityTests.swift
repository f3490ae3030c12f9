import Foundation
import Postgres
import Testing
import TestSupport

/// Tenant isolation in the database itself: composite foreign keys, row-level security for the
/// application role, and API-key authentication before the organization is known.
extension DataModelTests {
    static let tenantTables = [
        "organizations", "api_keys", "integrations", "ad_accounts", "campaigns", "campaign_budgets", "audiences",
        "campaign_units", "ad_creatives", "campaign_metrics", "campaign_execution_logs", "campaign_platform_maps", "oauth_states",
        "ad_review_statuses", "organization_rate_limits", "ad_daily_metrics", "automation_rules", "automation_rule_runs", "automation_alerts",
    ]

    /// An API request's scope opens in one statement: the key's organization is set and the transaction runs as
    /// the application role, which sees that organization's rows only; an unknown key sees none.
    @Test func beginAPIRequestAuthenticatesScopesAndSwitchesRoleInOneStatement() throws {
        let a = try makeTenant("A")
        _ = try makeTenant("B")
        try connection.query(
            "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(a.organization), sha256(convert_to('cmk_a_key', 'UTF8')), 'cmk_a')")
        for (key, organization) in [("cmk_a_key", Optional(a.organization)), ("cmk_unknown", nil)] {
            try connection.withTransaction { connection in
                let found: UUID? = try connection.query("SELECT begin_api_request(\(key)) AS o")[0].decode("o")
                #expect(found == organization)
                let row = try connection.query("SELECT current_user::text AS role, (SELECT count(*) FROM campaigns)::int AS campaigns")[0]
                #expect(try row.decode("role", as: String.self) == "campaignd_app")
                #expect(try row.decode("campaigns", as: Int.self) == (organization == nil ? 0 : 1))
            }
        }
        let after: String = try connection.query("SELECT current_user::text AS role")[0].decode("role")
        #expect(after != "campaignd_app")  // the switch ends with the transaction
    }

    @Test func aChildCannotPointAtAnotherOrganizationsParent() throws {
        let a = try makeTenant("A")
        let b = try makeTenant("B")
        let unit = failure("""
            INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name) VALUES (\(a.organization), \(b.campaign), \(a.audience), 'Stolen')
            """)
        #expect(unit?.kind == .foreignKeyViolation)
        #expect(unit?.constraint == "campaign_units_campaign_fkey")
        let audience = failure("""
            INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name) VALUES (\(a.organization), \(a.campaign), \(b.audience), 'Stolen')
            """)
        #expect(audience?.constraint == "campaign_units_audience_fkey")
        let campaign = failure("""
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(a.organization), \(b.adAccount), 'X', 'google_ads', 'leads')
            """)
        #expect(campaign?.constraint == "campaigns_ad_account_fkey")
        let parent = failure("""
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, parent_id)
            VALUES (\(a.organization), \(a.unit), 'H', 'shop_now', 'https://x.test', \(b.creative))
            """)
        #expect(parent?.constraint == "ad_creatives_parent_fkey")
        // Moving a row to another organization breaks its own keys too.
        #expect(failure("UPDATE campaign_units SET organization_id = \(b.organization) WHERE id = \(a.unit)")?.kind == .foreignKeyViolation)
    }

    @Test func theApplicationRoleSeesOnlyTheCurrentOrganization() throws {
        let a = try makeTenant("A")
        let b = try makeTenant("B")
        try addCampaignDetails(a)
        try addCampaignDetails(b)
        try connection.query("INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(b.organization), sha256('b-key'), 'b-')")
        for table in Self.tenantTables where table != "oauth_states" && table != "api_keys" {
            let key = table == "organizations" ? "id" : "organization_id"
            let seen: [UUID] = try asApplication(organization: a.organization) { connection in
                try connection.query("SELECT DISTINCT \(unescaped: key) AS o FROM \(unescaped: table)").map { try $0.decode("o") }
            }
            #expect(seen == [a.organization], "\(table)")
        }
        #expect(try asApplication(organization: a.organization) { try $0.query("SELECT * FROM api_keys") }.count == 0)
        // Updates and deletes do not reach the other organization's rows either.
        let updated = try asApplication(organization: a.organization) { try $0.query("UPDATE campaigns SET status = 'paused'") }
        #expect(updated.affectedRows == 1)
        let deleted = try asApplication(organization: a.organization) { try $0.query("DELETE FROM ad_creatives WHERE id = \(b.creative)") }
        #expect(deleted.affectedRows == 0)
        #expect(try count("SELECT count(*) FROM campaigns WHERE organization_id = \(b.organization) AND status = 'draft'") == 1)
        // The shared catalogue is readable.
        #expect(try asApplication(organization: a.organization) { try $0.query("SELECT key FROM metric_definitions") }.count >= 6)
    }

    @Test func withoutAnOrganizationTheApplicationRoleSeesNothing() throws {
        _ = try makeTenant("A")
        for table in Self.tenantTables {
            #expect(try asApplication(organization: nil) { try $0.query("SELECT count(*)::int AS n FROM \(unescaped: table)")[0].decode("n", as: Int.self) } == 0, "\(table)")
        }
        // Once a transaction that set the organization ended, the setting reads '' and still means none.
        let a = try makeTenant("B")
        _ = try asApplication(organization: a.organization) { try $0.query("SELECT 1") }
        #expect(try asApplication(organization: nil) { try $0.query("SELECT count(*)::int AS n FROM campaigns")[0].decode("n", as: Int.self) } == 0)
    }

    @Test func theApplicationRoleCannotWriteRowsForAnotherOrganization() throws {
        let a = try makeTenant("A")
        let b = try makeTenant("B")
        let audience = applicationFailure(organization: a.organization, """
            INSERT INTO audiences (organization_id, name, rules) VALUES (\(b.organization), 'X', '{"locations": ["FR"]}')
            """)
        #expect(audience?.message == #"new row violates row-level security policy for table "audiences""#)
        let log = applicationFailure(organization: a.organization, """
            INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status) VALUES (\(b.organization), \(b.campaign), 'x', 'success')
            """)
        #expect(log?.message == #"new row violates row-level security policy for table "campaign_execution_logs""#)
        let move = applicationFailure(organization: a.organization, "UPDATE campaigns SET organization_id = \(b.organization) WHERE id = \(a.campaign)")
        #expect(move?.message == #"new row violates row-level security policy for table "campaigns""#)
        let none = applicationFailure(organization: nil, "INSERT INTO organizations (name) VALUES ('Sneaky')")
        #expect(none?.message == #"new row violates row-level security policy for table "organizations""#)
        // Its own organization's rows it may write.
        let created = try asApplication(organization: a.organization) { connection in
            try connection.query("INSERT INTO audiences (organization_id, name, rules) VALUES (\(a.organization), 'Mine', '{\"locations\": [\"FR\"]}')").affectedRows
        }
        #expect(created == 1)
        // The role owns nothing and cannot turn the policies off.
        let disable = applicationFailure(organization: a.organization, "ALTER TABLE campaigns DISABLE ROW LEVEL SECURITY")
        #expect(disable?.message == "must be owner of table campaigns")
    }

    @Test func authenticateApiKeyFindsTheOrganizationOfAValidKey() throws {
        let a = try makeTenant("A")
        func insertKey(_ key: String, revokedAt: Date?) -> PostgresQuery {
            """
            INSERT INTO api_keys (organization_id, key_hash, key_prefix, revoked_at)
            VALUES (\(a.organization), sha256(convert_to(\(key), 'UTF8')), 'ck_', \(revokedAt))
            """
        }
        try connection.query(insertKey("ck_valid_key_ü", revokedAt: nil))
        try connection.query(insertKey("ck_revoked_key", revokedAt: Date()))
        func authenticate(_ key: String) throws -> UUID? {
            try asApplication(organization: nil) { connection in
                try connection.query("SELECT authenticate_api_key(\(key)) AS o")[0].decode("o", as: UUID?.self)
            }
        }
        #expect(try authenticate("ck_valid_key_ü") == a.organization)
        #expect(try authenticate("ck_revoked_key") == nil)
        #expect(try authenticate("ck_unknown") == nil)
        #expect(try authenticate("") == nil)
        // Without the function, the role cannot read keys at all.
        #expect(try asApplication(organization: nil) { try $0.query("SELECT * FROM api_keys") }.count == 0)
    }

    @Test func catalogueRulesHoldForEveryTable() throws {
        // Every foreign key has an index starting with its columns.
        let unindexed: [String] = try connection.query("""
            SELECT c.conname FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
              AND NOT EXISTS (
                SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid
                  AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                  AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            ORDER BY 1
            """).map { try $0.decode("conname") }
        #expect(unindexed == [])
        // Every tenant table has row-level security and a NOT NULL organization_id; the rest have no tenant data.
        let tables: [String] = try connection.query("""
            SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relrowsecurity ORDER BY 1
            """).map { try $0.decode("relname") }
        // jobs: row-level security too, but a NULL organization_id marks a system job (never shown to the API).
        #expect(tables == (Self.tenantTables + ["jobs"]).sorted())
        let withOrganization: [String] = try connection.query("""
            SELECT table_name::text AS t FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'organization_id' AND is_nullable = 'NO' ORDER BY 1
            """).map { try $0.decode("t") }
        #expect(withOrganization == Self.tenantTables.filter { $0 != "organizations" }.sorted())
        // No money or metric column is floating point.
        let floats = try count("""
            SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')
            """)
        #expect(floats == 0)
        // campaignd_app owns nothing and is not a superuser.
        #expect(try count("SELECT count(*) FROM pg_class WHERE relowner = 'campaignd_app'::regrole") == 0)
        #expect(try count("SELECT count(*) FROM pg_roles WHERE rolname = 'campaignd_app' AND NOT rolsuper AND NOT rolbypassrls AND NOT rolcanlogin") == 1)
    }
}
