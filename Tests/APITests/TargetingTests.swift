import Foundation
import Testing
import TestSupport

/// Targeting picked from the platforms' own search and saved with its ids, and Search keywords per unit,
/// through the GraphQL API against a real server, database and the platform simulator.
@Suite struct TargetingTests {
    static let entryFields = "kind name countryCode googleId metaId detail"

    @Test(arguments: [("google_ads", "New York", ["21167", "1023191"]), ("meta_ads", "califor", ["3847"])])
    func targetingSearchAnswersThePlatformsIds(platform: String, query: String, ids: [String]) async throws {
        let harness = try APITestHarness(simulator: true)
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let search = "query($p: Platform!, $k: TargetingSearchKind!, $q: String!) { targetingSearch(platform: $p, kind: $k, query: $q) { \(Self.entryFields) } }"
        let before = try await harness.send(search, ["p": platform.uppercased(), "k": "LOCATION", "q": query], key: key)
        #expect(extensions(before)["code"] as? String == "NOT_CONNECTED", "\(before)")

        _ = try await harness.connect(platform, key: key)
        let found = try await harness.succeed(search, ["p": platform.uppercased(), "k": "LOCATION", "q": query], key: key)
        let entries = try #require(found["targetingSearch"] as? [[String: Any]])
        let idField = platform == "google_ads" ? "googleId" : "metaId"
        #expect(entries.compactMap { $0[idField] as? String } == ids)
        #expect(entries.first?["countryCode"] as? String == "US")
        #expect(entries.first?["kind"] as? String == "REGION")

        let interests = try await harness.succeed(search, ["p": platform.uppercased(), "k": "INTEREST", "q": "snack"], key: key)
        let interestIDs = (interests["targetingSearch"] as? [[String: Any]] ?? []).compactMap { $0["metaId"] as? String }
        // Google Search takes keywords, not interests: nothing to pick there.
        #expect(interestIDs == (platform == "meta_ads" ? ["6003346592981"] : []))

        let empty = try await harness.send(search, ["p": platform.uppercased(), "k": "LOCATION", "q": "  "], key: key)
        #expect(extensions(empty)["code"] as? String == "BAD_USER_INPUT")
        #expect(extensions(empty)["field"] as? String == "query")
    }

    @Test func audiencesKeepPickedEntriesAndReadPlainCodesAsCountries() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let create = "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id locations interests locationTargets { \(Self.entryFields) } interestTargets { \(Self.entryFields) } } }"
        let picked = try await harness.succeed(create, ["input": [
            "name": "West Coast", "locations": [String](), "ageMin": 21, "ageMax": 45,
            "locationTargets": [["kind": "REGION", "name": "California", "countryCode": "US", "googleId": "21137", "metaId": "3847"]],
            "interestTargets": [["kind": "INTEREST", "name": "Snack foods", "metaId": "6003346592981"]],
        ]], key: key)
        let audience = try #require(picked["createAudience"] as? [String: Any])
        #expect(audience["locations"] as? [String] == ["California"])
        #expect(audience["interests"] as? [String] == ["Snack foods"])
        let location = try #require((audience["locationTargets"] as? [[String: Any]])?.first)
        #expect(location["googleId"] as? String == "21137")
        #expect(location["metaId"] as? String == "3847")
        #expect((audience["interestTargets"] as? [[String: Any]])?.first?["metaId"] as? String == "6003346592981")

        let plain = try await harness.succeed(create, ["input": [
            "name": "Old style", "locations": ["US", "US-CA", "Paris"], "ageMin": 18, "ageMax": 65, "interests": ["snacks"],
        ]], key: key)
        let entries = try #require((plain["createAudience"] as? [String: Any])?["locationTargets"] as? [[String: Any]])
        #expect(entries.map { "\($0["kind"] ?? "")/\($0["googleId"] as? String ?? "-")/\($0["metaId"] as? String ?? "-")" }
                == ["COUNTRY/2840/US", "REGION/21137/-", "CITY/-/-"])

        // Plain locations given alone replace the picked entries; bad ids and kinds are refused.
        let audienceID = try #require(audience["id"] as? String)
        let updated = try await harness.succeed(
            "mutation($id: ID!) { updateAudience(id: $id, input: { locations: [\"DE\"] }) { locations locationTargets { metaId } } }",
            ["id": audienceID], key: key)
        #expect(((updated["updateAudience"] as? [String: Any])?["locationTargets"] as? [[String: Any]])?.compactMap { $0["metaId"] as? String } == ["DE"])
        for (targets, field) in [
            (["locationTargets": [["kind": "REGION", "name": "California", "metaId": "US-CA"]]], "input.locationTargets"),
            (["interestTargets": [["kind": "COUNTRY", "name": "United States", "metaId": "US"]]], "input.interestTargets"),
            (["locationTargets": [["kind": "CITY", "name": String(repeating: "x", count: 201)]]], "input.locationTargets"),
        ] {
            let refused = try await harness.send(create, ["input": ["name": "Bad", "locations": ["US"], "ageMin": 18, "ageMax": 65].merging(targets) { $1 }], key: key)
            #expect(extensions(refused)["code"] as? String == "BAD_USER_INPUT", "\(refused)")
            #expect(extensions(refused)["field"] as? String == field)
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences WHERE name = 'Bad'") == 0)
    }

    @Test func unitsKeepTheirKeywordsWithinGooglesLimits() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: key, provider: "google_ads")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", integration: integration, externalAccount: "1234567890")
        let set = "mutation($id: ID!, $k: [KeywordInput!]!) { setCampaignUnitKeywords(id: $id, keywords: $k) { keywords { text matchType } } }"
        let saved = try await harness.succeed(set, ["id": fixture.units[0], "k": [
            ["text": " kettle chips ", "matchType": "EXACT"], ["text": "kettle chips", "matchType": "EXACT"], ["text": "sea salt chips", "matchType": "BROAD"],
        ]], key: key)
        let keywords = ((saved["setCampaignUnitKeywords"] as? [String: Any])?["keywords"] as? [[String: Any]] ?? [])
        #expect(keywords.map { "\($0["text"] ?? "") \($0["matchType"] ?? "")" } == ["kettle chips EXACT", "sea salt chips BROAD"])

        for (text, field) in [(String(repeating: "a", count: 81), "keywords[1].text"), ("a b c d e f g h i j k", "keywords[1].text"), ("", "keywords[1].text")] {
            let refused = try await harness.send(set, ["id": fixture.units[0], "k": [["text": "ok", "matchType": "PHRASE"], ["text": text, "matchType": "PHRASE"]]], key: key)
            #expect(extensions(refused)["code"] as? String == "BAD_USER_INPUT", "\(refused)")
            #expect(extensions(refused)["field"] as? String == field)
        }
        let unknown = try await harness.send(set, ["id": fixture.units[0], "k": [["text": "ok", "matchType": "FUZZY"]]], key: key)
        #expect(!errors(unknown).isEmpty)
        #expect(try harness.scalar("SELECT jsonb_array_length(keywords)::int FROM campaign_units WHERE name = 'Unit 1'") == 2)

        // Without keywords, a Search unit is a launch problem before anything is sent.
        _ = try await harness.succeed(set, ["id": fixture.units[0], "k": [[String: Any]]()], key: key)
        let launch = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let problems = extensions(launch)["problems"] as? [[String: Any]] ?? []
        #expect(problems.map { "\($0["field"] ?? ""):\($0["code"] ?? "")" } == ["units[0].keywords:KEYWORDS_MISSING"])
    }

    /// On Meta, a location or interest saved without a Meta id is a launch problem found before any request;
    /// Google takes the same audience's US-state code (its geo target id is known) and ignores the interest.
    @Test func entriesWithoutThePlatformsIdAreLaunchProblems() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let meta = try harness.insertServerIntegration(key: key, provider: "meta_ads")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", integration: meta, externalAccount: "1001")
        try harness.sql("""
            UPDATE audiences SET rules = '{"locations": ["US", "US-CA"], "age_min": 18, "age_max": 34, "interests": ["Snacks"]}'
            WHERE name = 'Audience 1'
            """)
        let body = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let problems = extensions(body)["problems"] as? [[String: Any]] ?? []
        #expect(problems.map { "\($0["field"] ?? ""):\($0["code"] ?? "")" }
                == ["units[0].audience.locations:TARGETING_ID_MISSING", "units[0].audience.interests:TARGETING_ID_MISSING"], "\(body)")
        #expect((problems.first?["message"] as? String)?.contains("US-CA") == true)
        #expect(try harness.logSteps(fixture.campaignID).isEmpty)

        let google = try harness.insertServerIntegration(key: key, provider: "google_ads")
        let googleFixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", integration: google, externalAccount: "1234567890")
        try harness.sql("""
            UPDATE audiences SET rules = '{"locations": ["US", "US-CA"], "age_min": 18, "age_max": 34, "interests": ["Snacks"]}'
            WHERE name = 'Audience 1'
            """)
        let planned = try await harness.succeed(
            "mutation($id: ID!) { launchCampaign(id: $id, dryRun: true) { plannedRequests { step body } } }", ["id": googleFixture.campaign], key: key)
        let steps = ((planned["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]] ?? []).compactMap { $0["step"] as? String }
        #expect(steps.contains { $0.contains("interests ignored on Search: Snacks") }, "\(steps)")
    }
}
