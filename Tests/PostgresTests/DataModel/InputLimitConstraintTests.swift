import Foundation
import Postgres
import Testing
import TestSupport

/// Migration 0008: every stored string and list has a CHECK, counted in code points like the API's check.
extension DataModelTests {
    func text(_ count: Int, _ unit: String = "x") -> String { String(repeating: unit, count: count) }

    /// Sets `column` of the row `id` of `table`; the server error when refused.
    func setting(_ table: String, _ column: String, to value: String, id: UUID) -> PostgresServerError? {
        failure("UPDATE \(unescaped: table) SET \(unescaped: column) = \(value) WHERE id = \(id)")
    }

    @Test func typedTextIsRefusedOnePastItsLimitInCodePoints() throws {
        let tenant = try makeTenant()
        let cases: [(table: String, column: String, id: UUID, limit: Int, constraint: String)] = [
            ("organizations", "name", tenant.organization, 200, "organizations_name_length"),
            ("audiences", "name", tenant.audience, 255, "audiences_name_length"),
            ("campaigns", "name", tenant.campaign, 255, "campaigns_name_length"),
            ("campaign_units", "name", tenant.unit, 255, "campaign_units_name_length"),
            ("ad_creatives", "headline", tenant.creative, 255, "ad_creatives_headline_length"),
            ("ad_creatives", "description", tenant.creative, 1_000, "ad_creatives_description_length"),
            ("ad_creatives", "external_id", tenant.creative, 255, "ad_creatives_external_id_length"),
            ("campaign_units", "external_id", tenant.unit, 255, "campaign_units_external_id_length"),
            ("ad_accounts", "external_account_id", tenant.adAccount, 255, "ad_accounts_external_account_id_length"),
        ]
        for item in cases {
            // Two-byte characters: the limit is in code points, not bytes.
            #expect(setting(item.table, item.column, to: text(item.limit, "é"), id: item.id) == nil, "\(item)")
            let refused = setting(item.table, item.column, to: text(item.limit + 1, "é"), id: item.id)
            #expect(refused?.kind == .checkViolation, "\(item)")
            // Names were already 1 to N after btrim (`…_check`), which may answer first; padding is counted too.
            #expect([item.constraint, item.constraint.replacingOccurrences(of: "_length", with: "_check")].contains(refused?.constraint ?? ""), "\(item)")
            #expect(setting(item.table, item.column, to: text(item.limit) + " ", id: item.id)?.constraint == item.constraint, "\(item)")
        }
        // Graphemes do not count: 128 "e" + combining acute are 256 code points.
        #expect(setting("campaigns", "name", to: text(128, "e\u{301}"), id: tenant.campaign)?.kind == .checkViolation)
        for column in ["landing_url", "media_url"] {
            let url = "https://example.com/" + text(2_028)
            #expect(setting("ad_creatives", column, to: url, id: tenant.creative) == nil)
            #expect(setting("ad_creatives", column, to: url + "p", id: tenant.creative)?.constraint == "ad_creatives_\(column)_length")
        }
    }

    @Test func audienceListsAreBoundedInCountAndEveryEntry() throws {
        let tenant = try makeTenant()
        func rules(locations: [String], interests: [String] = []) throws -> String {
            let object: [String: Any] = ["locations": locations, "age_min": 18, "age_max": 30, "interests": interests]
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        func update(_ rules: String) -> PostgresServerError? {
            failure("UPDATE audiences SET rules = \(rules)::jsonb WHERE id = \(tenant.audience)")
        }
        let full = Array(repeating: text(100, "é"), count: 500)
        #expect(update(try rules(locations: full, interests: full)) == nil)
        #expect(update(try rules(locations: full + ["DE"]))?.constraint == "audiences_rules_length")
        #expect(update(try rules(locations: ["DE"], interests: full + ["x"]))?.constraint == "audiences_rules_length")
        #expect(update(try rules(locations: [text(101)]))?.constraint == "audiences_rules_length")
        #expect(update(try rules(locations: ["DE"], interests: [text(101, "é")]))?.constraint == "audiences_rules_length")
        #expect(try count("SELECT jsonb_array_length(rules -> 'locations') FROM audiences WHERE id = \(tenant.audience)") == 500)
    }

    @Test func textArraysHaveAHelperForTheirChecks() throws {
        #expect(try count("SELECT text_array_within(ARRAY['ab', 'é'], 2, 2)::int") == 1)
        #expect(try count("SELECT text_array_within(ARRAY['ab', 'c', 'd'], 2, 2)::int") == 0)
        #expect(try count("SELECT text_array_within(ARRAY['abc'], 2, 2)::int") == 0)
        #expect(try count("SELECT text_array_within(NULL, 2, 2)::int") == 1)
    }

    @Test func serverWrittenTextIsCutToItsLimit() throws {
        let tenant = try makeTenant()
        try connection.query(
            "INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message) VALUES (\(tenant.organization), \(tenant.campaign), 'launch', 'error', \(text(100_000)))")
        let message: String = try connection.query("SELECT message FROM campaign_execution_logs WHERE campaign_id = \(tenant.campaign)")[0]
            .decode("message")
        #expect(message.unicodeScalars.count == 4_000)
        #expect(message.hasSuffix("x…"))
        #expect(setting("ad_accounts", "name", to: text(300), id: tenant.adAccount) == nil)
        #expect(try count("SELECT char_length(name) FROM ad_accounts WHERE id = \(tenant.adAccount)") == 255)
        let job = try insert("INSERT INTO jobs (kind, last_error) VALUES ('noop', \(text(5_000))) RETURNING id")
        #expect(try count("SELECT char_length(last_error) FROM jobs WHERE id = \(job)") == 4_000)
        #expect(failure("INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status) VALUES (\(tenant.organization), \(tenant.campaign), \(text(101)), 'success')")?.constraint == "campaign_execution_logs_action_length")
    }

    @Test func aNulInAParameterIsRefusedNotCutShort() throws {
        let tenant = try makeTenant()
        let refused = setting("campaigns", "name", to: "nul\u{0}byte", id: tenant.campaign)
        #expect(refused?.sqlState == PostgresServerError.characterNotInRepertoire)
        #expect(refused?.message.contains("parameter $1") == true)
        #expect(try count("SELECT count(*) FROM campaigns WHERE name = 'nul'") == 0)
        #expect(try count("SELECT count(*) FROM campaigns WHERE name = 'Spring sale'") == 1)
    }
}
