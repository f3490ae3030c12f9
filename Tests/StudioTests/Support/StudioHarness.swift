import Foundation
import Postgres
import Testing
import TestSupport

/// A migrated database, an organization with a known API key, and the server behind nginx.
struct StudioHarness {
    let database: TestDatabase
    let server: TestServer
    let key: String

    /// `simulator`: the simulated ad platforms run behind the same nginx, for connecting and launching.
    init(organization: String = "Tasty Chips Co.", simulator: Bool = false) throws {
        database = try TestCluster.shared.migratedDatabase()
        server = try TestServer(databaseURL: database.url, simulator: simulator)
        key = "cmk_test_\(UUID().uuidString)"
        try database.pool(maximumConnections: 1).withTransaction { [key] connection in
            let id: UUID = try connection.query("INSERT INTO organizations (name) VALUES (\(organization)) RETURNING id")[0].decode("id")
            try connection.query(
                "INSERT INTO api_keys (organization_id, key_hash, key_prefix) VALUES (\(id), sha256(convert_to(\(key), 'UTF8')), 'cmk_test')")
        }
    }

    /// POSTs a GraphQL request and returns the parsed body.
    func graphQL(_ query: String, _ variables: [String: Any] = [:]) async throws -> [String: Any] {
        let response = try await HTTPClient.send(
            server.url("/graphql"), method: "POST",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer \(key)"],
            body: JSONSerialization.data(withJSONObject: ["query": query, "variables": variables]))
        #expect(response.status == 200, "\(response.text)")
        return try response.json()
    }

    /// Runs SQL as the superuser, for setting up what the API cannot create.
    func rows(_ statement: PostgresQuery) throws -> PostgresRows {
        try database.pool(maximumConnections: 1).withConnection { try $0.query(statement) }
    }

    func sql(_ statement: PostgresQuery) throws {
        try database.pool(maximumConnections: 1).withConnection { connection in _ = try connection.query(statement) }
    }

    func stop() { server.stop() }

    static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures") }
}

func field(_ body: [String: Any], _ name: String) -> Any? { (body["data"] as? [String: Any])?[name] }

func errorInfo(_ body: [String: Any]) -> (code: String?, field: String?, message: String?) {
    let error = (body["errors"] as? [[String: Any]])?.first
    let extensions = error?["extensions"] as? [String: Any]
    return (extensions?["code"] as? String, extensions?["field"] as? String, error?["message"] as? String)
}

extension StudioHarness {
    /// A connected integration of `provider` with one ad account; returns the account's name.
    @discardableResult
    func connectedAccount(provider: String, name: String, external: String, currency: String = "USD") throws -> String {
        try sql(
            """
            WITH org AS (SELECT organization_id AS id FROM api_keys WHERE key_hash = sha256(convert_to(\(key), 'UTF8'))),
                 integration AS (
                   INSERT INTO integrations (organization_id, provider, expires_at, connected, last_synced_at)
                   SELECT id, \(provider), now() + interval '1 hour', true, now() FROM org RETURNING id, organization_id)
            INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency)
            SELECT organization_id, id, \(external), \(name), \(currency) FROM integration
            """)
        return name
    }
}

/// Where tests keep what a person may want to look at afterwards (screenshots): `$TEST_ARTIFACTS`, or
/// `.build/test-artifacts` in the repository (ignored by git).
enum TestArtifacts {
    static var directory: URL {
        if let folder = ProcessInfo.processInfo.environment["TEST_ARTIFACTS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        return TestPaths.repository.appendingPathComponent(".build/test-artifacts")
    }
}

extension StudioHarness {
    /// A draft made through the API, as the demo's "Spicy Jalapeño Chips" campaign is: on the connected Meta account
    /// "Tasty Chips Co.", a daily budget of 50 USD, one unit for US 18–34 and one creative; returns its global id.
    func metaDraft(named name: String) async throws -> String {
        let accounts = try await graphQL("{ adAccounts(platform: META_ADS) { id name } }")
        let account = try #require((field(accounts, "adAccounts") as? [[String: Any]])?.first { $0["name"] as? String == "Tasty Chips Co." }?["id"] as? String)
        let campaign = try await graphQL(
            "mutation($a: ID!, $n: String!) { createCampaign(input: { adAccountId: $a, name: $n, objective: SALES, budget: { type: DAILY, amount: 50, currency: \"USD\" } }) { id } }",
            ["a": account, "n": name])
        let campaignID = try #require((field(campaign, "createCampaign") as? [String: Any])?["id"] as? String, "\(campaign)")
        let audience = try await graphQL("mutation { createAudience(input: { name: \"Young snackers\", locations: [\"US\"], ageMin: 18, ageMax: 34 }) { id } }")
        let unit = try await graphQL(
            "mutation($c: ID!, $a: ID!) { createCampaignUnit(input: { campaignId: $c, audienceId: $a, name: \"US 18-34\" }) { id } }",
            ["c": campaignID, "a": try #require((field(audience, "createAudience") as? [String: Any])?["id"] as? String)])
        let creative = try await graphQL(
            "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }",
            ["input": ["campaignUnitId": try #require((field(unit, "createCampaignUnit") as? [String: Any])?["id"] as? String),
                       "headline": TastyChips.headline, "description": TastyChips.description,
                       "callToAction": "SHOP_NOW", "landingUrl": TastyChips.landing]])
        #expect(creative["errors"] == nil, "\(creative)")
        return campaignID
    }
}
