import Foundation
import Postgres
import Testing
import TestSupport

/// What a launch checks before touching a platform, and the refusals that need no platform at all.
@Suite struct LaunchValidationTests {
    @Test func everyProblemIsListedWithItsField() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: key, provider: "google_ads", connected: false)
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", integration: integration, externalAccount: "1234567890")
        // A unit without creatives, a creative that breaks Google's rules and links to localhost, a budget in another currency, a removed account.
        let audienceData = try await harness.succeed(
            "mutation { createAudience(input: { name: \"Empty\", locations: [\"FR\"], ageMin: 20, ageMax: 30 }) { id } }", key: key)
        let audience = try #require((audienceData["createAudience"] as? [String: Any])?["id"] as? String)
        _ = try await harness.succeed(
            "mutation($c: ID!, $a: ID!) { createCampaignUnit(input: { campaignId: $c, audienceId: $a, name: \"No creatives\" }) { id } }",
            ["c": fixture.campaign, "a": audience], key: key)
        _ = try await harness.succeed(
            """
            mutation($u: ID!) { createAdCreative(input: { campaignUnitId: $u, headline: "This headline is far too long for Google | Ok",
              mediaUrl: "https://cdn.example.com/x.jpg", callToAction: GET_OFFER, landingUrl: "http://localhost:8080/chips" }) { id } }
            """, ["u": fixture.units[1]], key: key)
        try harness.sql("UPDATE campaign_budgets SET currency = 'EUR'")
        try harness.sql("UPDATE ad_accounts SET removed_at = now()")

        for dryRun in [true, false] {
            let body = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": dryRun], key: key)
            #expect(data(body, "launchCampaign") is NSNull || body["data"] == nil || data(body, "launchCampaign") == nil)
            #expect(errors(body).count == 1)
            let ext = extensions(body)
            #expect(ext["code"] as? String == "BAD_USER_INPUT")
            let problems = try #require(ext["problems"] as? [[String: Any]])
            let found = Set(problems.map { "\($0["field"] as? String ?? ""):\($0["code"] as? String ?? "")" })
            #expect(found == [
                "adAccount:AD_ACCOUNT_REMOVED", "adAccount.integration:NOT_CONNECTED", "budget.currency:CURRENCY_MISMATCH",
                "units[2].creatives:MISSING", "units[1].creatives[1].headline:TOO_LONG",
                "units[1].creatives[1].headlines:TOO_FEW", "units[1].creatives[1].descriptions:TOO_FEW",
                "units[1].creatives[1].callToAction:CALL_TO_ACTION_NOT_ACCEPTED", "units[2].keywords:KEYWORDS_MISSING",
                "units[1].creatives[1].landingUrl:NOT_PUBLIC",
            ], "\(problems)")
            #expect(problems.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
            #expect(ext["field"] as? String == problems.first?["field"] as? String)
        }
        #expect(try harness.status(fixture.campaignID) == "draft")
        #expect(try harness.logSteps(fixture.campaignID).isEmpty)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_platform_maps") == 0)
    }

    /// What an adapter would refuse only once sending (Google has no geo target for "KR" in its table; 25.50 JPY
    /// is no whole number of yen) is a validation problem: nothing reaches the platform, the campaign stays a draft.
    @Test func whatTheAdapterWouldRefuseIsFoundBeforeSending() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let google = try harness.insertServerIntegration(key: key, provider: "google_ads")
        let googleFixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", integration: google, externalAccount: "1234567890")
        // The second unit's audience (the fixture's only "Audience 2" so far) gains a location Google's table lacks.
        try harness.sql("UPDATE audiences SET rules = jsonb_set(rules, '{locations}', '[\"DE\", \"KR\"]') WHERE name = 'Audience 2'")
        let meta = try harness.insertServerIntegration(key: key, provider: "meta_ads")
        let metaFixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", integration: meta, externalAccount: "1001", currency: "JPY")

        for (fixture, expected) in [(googleFixture, "units[1].audience.locations:LOCATION_NOT_SUPPORTED"), (metaFixture, "budget.amount:NOT_EXPRESSIBLE")] {
            for dryRun in [true, false] {
                let body = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": dryRun], key: key)
                let ext = extensions(body)
                #expect(ext["code"] as? String == "BAD_USER_INPUT", "\(body)")
                let problems = ext["problems"] as? [[String: Any]] ?? []
                #expect(problems.map { "\($0["field"] as? String ?? ""):\($0["code"] as? String ?? "")" } == [expected], "\(body)")
            }
            #expect(try harness.status(fixture.campaignID) == "draft")
            #expect(try harness.logSteps(fixture.campaignID).isEmpty)
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_platform_maps") == 0)
    }

    @Test func missingBudgetUnitsAndLiveStatus() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: key, provider: "meta_ads")
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "1001", name: "Chips EU", currency: "EUR")
        let created = try await harness.succeed(
            "mutation($a: ID!) { createCampaign(input: { adAccountId: $a, name: \"Bare\", objective: LEADS, budget: { type: DAILY, amount: 5, currency: \"EUR\" } }) { id } }",
            ["a": globalID("AdAccount", account)], key: key)
        let campaign = try #require((created["createCampaign"] as? [String: Any])?["id"] as? String)
        try harness.sql("DELETE FROM campaign_budgets")
        try harness.sql("UPDATE campaigns SET status = 'live'")
        let body = try await harness.send(LaunchFixture.launch, ["id": campaign, "dry": false], key: key)
        let problems = try #require(extensions(body)["problems"] as? [[String: Any]])
        #expect(problems.map { $0["field"] as? String } == ["status", "budget", "units"])
        #expect((problems[0]["message"] as? String)?.contains("LIVE") == true)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_execution_logs") == 0)

        // Another organization's campaign, or no campaign at all, is NOT_FOUND.
        let other = try harness.organization(named: "Other Co.")
        let foreign = try await harness.send(LaunchFixture.launch, ["id": campaign, "dry": true], key: other)
        #expect(extensions(foreign)["code"] as? String == "NOT_FOUND")
    }

    @Test func illegalTransitionsNameTheStatus() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: key, provider: "meta_ads")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", integration: integration, externalAccount: "1001")
        let cases: [(String, String, String)] = [
            ("draft", "pauseCampaign", "DRAFT"), ("draft", "resumeCampaign", "DRAFT"), ("draft", "completeCampaign", "DRAFT"),
            ("live", "resumeCampaign", "LIVE"), ("paused", "pauseCampaign", "PAUSED"), ("completed", "pauseCampaign", "COMPLETED"),
            ("error", "resumeCampaign", "ERROR"), ("completed", "completeCampaign", "COMPLETED"),
        ]
        for (status, mutation, name) in cases {
            try harness.sql("UPDATE campaigns SET status = \(status)")
            let body = try await harness.send("mutation($id: ID!) { \(mutation)(id: $id) { status } }", ["id": fixture.campaign], key: key)
            let ext = extensions(body)
            #expect(ext["code"] as? String == "BAD_USER_INPUT", "\(mutation) from \(status)")
            #expect(ext["status"] as? String == name)
            #expect((errors(body).first?["message"] as? String)?.hasSuffix("this campaign is \(name).") == true, "\(body)")
            #expect(try harness.status(fixture.campaignID) == status)
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_execution_logs") == 0)
    }

    /// While a launch holds the campaign's advisory lock, another launch or status change is refused at once.
    @Test func aRunningLaunchRefusesAnotherWithConflict() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: key, provider: "meta_ads")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", integration: integration, externalAccount: "1001")
        let holder = try PostgresConnection(conninfo: harness.database.url)
        let taken: Bool = try holder.query(
            "SELECT pg_try_advisory_lock(hashtextextended('campaignd.campaign.' || \(fixture.campaignID.uuidString.lowercased())::text, 0)) AS taken")[0].decode("taken")
        #expect(taken)
        let body = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        #expect(extensions(body)["code"] as? String == "CONFLICT", "\(body)")
        try harness.sql("UPDATE campaigns SET status = 'live'")
        let pause = try await harness.send("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": fixture.campaign], key: key)
        #expect(extensions(pause)["code"] as? String == "CONFLICT")
        #expect(try harness.status(fixture.campaignID) == "live")
        _ = try holder.query("SELECT pg_advisory_unlock_all()")
    }

    @Test func platformCapabilitiesExposeTheTable() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let result = try await harness.succeed(
            "{ platformCapabilities { platform adFormat supportsImages headlineMaxLength headlinePartsMax descriptionMaxLength callToActions { callToAction platformValue label } objectives { objective platformValue } } }",
            key: key)
        let tables = try #require(result["platformCapabilities"] as? [[String: Any]])
        #expect(tables.map { $0["platform"] as? String } == ["GOOGLE_ADS", "META_ADS"])
        let google = tables[0]
        #expect(google["supportsImages"] as? Bool == false)
        #expect(google["headlineMaxLength"] as? Int == 30)
        #expect(google["headlinePartsMax"] as? Int == 15)
        #expect(google["descriptionMaxLength"] as? Int == 90)
        let googleActions = try #require(google["callToActions"] as? [[String: Any]])
        #expect(googleActions.map { $0["callToAction"] as? String }.contains("GET_OFFER") == false)
        #expect(googleActions.first?["platformValue"] as? String == "SHOP_NOW")
        #expect(googleActions.first?["label"] as? String == "Shop Now")
        #expect((google["objectives"] as? [[String: Any]])?.map { $0["platformValue"] as? String }
            == ["MAXIMIZE_CONVERSIONS", "MAXIMIZE_CLICKS", "MAXIMIZE_CONVERSION_VALUE"])
        let meta = tables[1]
        #expect(meta["supportsImages"] as? Bool == true)
        #expect(meta["headlineMaxLength"] as? Int == 40)
        #expect(meta["descriptionMaxLength"] is NSNull)
        #expect((meta["callToActions"] as? [[String: Any]])?.count == 8)
        #expect((meta["objectives"] as? [[String: Any]])?.map { $0["platformValue"] as? String } == ["OUTCOME_LEADS", "OUTCOME_TRAFFIC", "OUTCOME_SALES"])
    }
}
