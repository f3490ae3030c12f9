import Foundation
import Postgres
import Testing
import TestSupport

extension APITestHarness {
    /// The server with the platform simulator behind the same nginx.
    init(simulator: Bool) throws {
        database = try TestCluster.shared.migratedDatabase()
        server = try TestServer(databaseURL: database.url, simulator: simulator)
    }

    /// An integration whose tokens are encrypted with the server's key (as the connect flow stores them).
    func insertServerIntegration(key: String, provider: String, accessToken: String = "token", refreshToken: String? = "refresh",
                                 connected: Bool = true) throws -> UUID {
        let organization = try organizationID(key: key)
        return try database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(
                """
                INSERT INTO integrations (organization_id, provider, access_token, refresh_token, expires_at, connected)
                VALUES (\(organization), \(provider), pgp_sym_encrypt(\(accessToken), \(TestServer.tokenKey)), CASE WHEN \(refreshToken)::text IS NULL THEN NULL ELSE pgp_sym_encrypt(\(refreshToken)::text, \(TestServer.tokenKey)) END,
                        now() + interval '1 hour', \(connected)) RETURNING id
                """)[0].decode("id")
        }
    }

    /// Runs a mutation or query and requires it to succeed; returns `data`.
    func succeed(_ query: String, _ variables: [String: Any] = [:], key: String) async throws -> [String: Any] {
        let body = try await send(query, variables, key: key)
        #expect(body["errors"] == nil, "\(body)")
        return try #require(body["data"] as? [String: Any], "\(body)")
    }

    func rows(_ sql: PostgresQuery) throws -> PostgresRows {
        try database.pool(maximumConnections: 1).withConnection { try $0.query(sql) }
    }

    /// The campaign's execution log, oldest first, as "action:status".
    func logSteps(_ campaign: UUID) throws -> [String] {
        try rows("SELECT action || ':' || status AS step FROM campaign_execution_logs WHERE campaign_id = \(campaign) ORDER BY created_at, id")
            .map { try $0.decode("step", as: String.self) }
    }

    func status(_ campaign: UUID) throws -> String {
        try rows("SELECT status FROM campaigns WHERE id = \(campaign)")[0].decode("status")
    }
}

/// A campaign ready to launch, built through the API: two units (the first with two creatives, the second with
/// one), so a launch creates one campaign, two ad groups and three ads.
struct LaunchFixture {
    let key: String
    let platform: String
    let campaign: String
    let campaignID: UUID
    let units: [String]
    let creatives: [String]

    static let launch = "mutation($id: ID!, $dry: Boolean) { launchCampaign(id: $id, dryRun: $dry) { dryRun campaign { id status externalCampaignId units { externalId } } plannedRequests { step method url body } } }"

    /// `platform` is `google_ads` or `meta_ads`; `integration` is the (connected) integration to use.
    static func make(_ harness: APITestHarness, key: String, platform: String, integration: UUID,
                     externalAccount: String, currency: String = "USD") async throws -> LaunchFixture {
        let account = try harness.insertAdAccount(key: key, integration: integration, external: externalAccount, name: "Chips \(platform)",
                                                  currency: currency)
        return try await make(harness, key: key, platform: platform, account: globalID("AdAccount", account), currency: currency)
    }

    /// The campaign on the ad account with global id `account`.
    static func make(_ harness: APITestHarness, key: String, platform: String, account: String, currency: String = "USD") async throws
        -> LaunchFixture {
        let google = platform == "google_ads"
        let campaignData = try await harness.succeed(
            """
            mutation($a: ID!, $currency: String!) { createCampaign(input: { adAccountId: $a, name: "Spicy Jalapeño Launch", objective: SALES,
              budget: { type: DAILY, amount: "25.50", currency: $currency } }) { id } }
            """, ["a": account, "currency": currency], key: key)
        let campaign = try #require((campaignData["createCampaign"] as? [String: Any])?["id"] as? String)
        var units: [String] = []
        var creatives: [String] = []
        // Targeting as picked from the platforms' search: ids for both platforms (the simulators' tables).
        let california: [String: Any] = ["kind": "REGION", "name": "California", "countryCode": "US", "googleId": "21137", "metaId": "3847"]
        let snacks: [String: Any] = ["kind": "INTEREST", "name": "Snack foods", "metaId": "6003346592981"]
        for (index, audience) in [(["US", "US-CA"], 18, 34, ["Snacks"]), (["DE"], 35, 65, [String]())].enumerated() {
            var input: [String: Any] = ["name": "Audience \(index + 1)", "locations": audience.0, "ageMin": audience.1, "ageMax": audience.2,
                                        "interests": audience.3]
            if index == 0 {
                input["locationTargets"] = [["kind": "COUNTRY", "name": "United States", "countryCode": "US", "googleId": "2840", "metaId": "US"], california]
                input["interestTargets"] = [snacks]
            }
            let audienceData = try await harness.succeed(
                "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id } }", ["input": input], key: key)
            let audienceID = try #require((audienceData["createAudience"] as? [String: Any])?["id"] as? String)
            let unitData = try await harness.succeed(
                "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }",
                ["input": ["campaignId": campaign, "audienceId": audienceID, "name": "Unit \(index + 1)",
                           "keywords": google ? [["text": "spicy chips", "matchType": "PHRASE"], ["text": "jalapeño chips \(index + 1)", "matchType": "EXACT"]] : []]],
                key: key)
            let unit = try #require((unitData["createCampaignUnit"] as? [String: Any])?["id"] as? String)
            units.append(unit)
            for creative in 0..<(index == 0 ? 2 : 1) {
                // Three headlines and two descriptions, the fewest Google's responsive search ads take.
                var input: [String: Any] = [
                    "campaignUnitId": unit, "headlines": ["Jalapeño Chips Ad \(creatives.count + 1)", "Spicy and Crunchy", "Kettle Cooked Heat"],
                    "descriptions": ["Hot, crunchy, unit \(index + 1) creative \(creative + 1).", "Order today."], "callToAction": "SHOP_NOW",
                    "landingUrl": "https://chips.example.com/jalapeno",
                ]
                // Meta creatives all show an image; on Google the first has one too, which Search leaves out: the
                // launches then prove an image is a note there, not a refusal.
                if !google || creatives.isEmpty { input["mediaUrl"] = "https://cdn.example.com/jalapeno.jpg" }
                let creativeData = try await harness.succeed(
                    "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }", ["input": input], key: key)
                creatives.append(try #require((creativeData["createAdCreative"] as? [String: Any])?["id"] as? String))
            }
        }
        let id = try #require(UUID(uuidString: String(decoding: Data(base64Encoded: campaign)!, as: UTF8.self).split(separator: ":")[1].uppercased()))
        // Meta Sales ad sets optimize for a pixel: the simulator's; the second audience (Germany) reaches the EU, so the
        // account names its beneficiary and payer.
        if !google {
            try harness.sql("UPDATE campaigns SET meta_pixel_id = '556677889900112' WHERE id = \(id)")
            try harness.sql("""
                UPDATE ad_accounts SET dsa_beneficiary = 'Tasty Chips Co.', dsa_payor = 'Tasty Chips Co.'
                WHERE id = (SELECT ad_account_id FROM campaigns WHERE id = \(id)) AND dsa_beneficiary IS NULL
                """)
        }
        return LaunchFixture(key: key, platform: platform, campaign: campaign, campaignID: id, units: units, creatives: creatives)
    }
}

func errors(_ body: [String: Any]) -> [[String: Any]] { body["errors"] as? [[String: Any]] ?? [] }

func extensions(_ body: [String: Any]) -> [String: Any] { errors(body).first?["extensions"] as? [String: Any] ?? [:] }
