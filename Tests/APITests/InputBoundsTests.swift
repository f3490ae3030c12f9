import Foundation
import Testing
import TestSupport

/// Issue 13's bounded inputs, sent as a hostile tenant would: every kind of stored string and list is taken at
/// its limit and refused one past it (`BAD_USER_INPUT`, `extensions.field`), and a refused request stores nothing.
@Suite struct InputBoundsTests {
    static let createAudience = "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id name locations interests } }"
    static let createCampaign = "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name } }"
    static let createUnit = "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id name } }"
    static let createCreative = "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id headline } }"

    func audience(name: String = "Snackers", locations: [String] = ["DE"], interests: [String] = []) -> [String: Any] {
        ["name": name, "locations": locations, "ageMin": 18, "ageMax": 30, "interests": interests]
    }

    /// Sends `input` and expects it refused with `BAD_USER_INPUT` naming `field`.
    func expectRefused(
        _ harness: APITestHarness, _ query: String, _ input: [String: Any], key: String, field: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let body = try await harness.send(query, ["input": input], key: key)
        let error = firstError(body)
        #expect(error.code == "BAD_USER_INPUT", "\(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    }

    /// Sends `input` and expects it stored.
    func expectAccepted(
        _ harness: APITestHarness, _ query: String, _ input: [String: Any], key: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let body = try await harness.send(query, ["input": input], key: key)
        #expect(body["errors"] == nil, "\(body["errors"] ?? "")", sourceLocation: sourceLocation)
        return try #require((body["data"] as? [String: Any])?.values.first as? [String: Any], sourceLocation: sourceLocation)
    }

    @Test func audienceNamesLocationsAndInterests() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let q = Self.createAudience

        // Names: 255 code points pass (two bytes each), 256 are refused; combining marks count as code points.
        let name = try await expectAccepted(harness, q, audience(name: String(repeating: "é", count: 255)), key: key)
        #expect((name["name"] as? String)?.unicodeScalars.count == 255)
        _ = try await expectAccepted(harness, q, audience(name: String(repeating: "e\u{301}", count: 127) + "e"), key: key)
        try await expectRefused(harness, q, audience(name: String(repeating: "é", count: 256)), key: key, field: "input.name")
        // 128 graphemes, 256 code points: once passed the API and failed the database as INTERNAL_SERVER_ERROR.
        try await expectRefused(harness, q, audience(name: String(repeating: "e\u{301}", count: 128)), key: key, field: "input.name")

        // Locations and interests: 500 entries of 100 code points pass; 501 entries, or an entry of 101, do not.
        let full = Array(repeating: String(repeating: "l", count: 100), count: 500)
        let stored = try await expectAccepted(harness, q, audience(locations: full, interests: full), key: key)
        #expect((stored["locations"] as? [String])?.count == 500)
        try await expectRefused(harness, q, audience(locations: full + ["DE"]), key: key, field: "input.locations")
        try await expectRefused(harness, q, audience(locations: ["DE", String(repeating: "l", count: 101)]), key: key, field: "input.locations")
        try await expectRefused(harness, q, audience(interests: full + ["chips"]), key: key, field: "input.interests")
        try await expectRefused(harness, q, audience(interests: [String(repeating: "i", count: 101)]), key: key, field: "input.interests")
        // The issue's 3,000,000-character location.
        try await expectRefused(harness, q, audience(locations: [String(repeating: "x", count: 3_000_000)]), key: key, field: "input.locations")
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences") == 3)

        // An update past a limit changes nothing.
        let id = try #require(stored["id"] as? String)
        let update = try await harness.send(
            "mutation($id: ID!, $input: UpdateAudienceInput!) { updateAudience(id: $id, input: $input) { id } }",
            ["id": id, "input": ["locations": [String(repeating: "x", count: 3_000_000)]]], key: key)
        #expect(firstError(update).code == "BAD_USER_INPUT")
        #expect(firstError(update).field == "input.locations")
        #expect(try harness.scalar("SELECT max(char_length(rules::text))::int FROM audiences") < 200_000)
    }

    @Test func campaignUnitAndCreativeTexts() async throws {
        let (harness, key, campaign, audience) = try await CreativeTests().setup()
        defer { harness.stop() }
        let account = try #require(try await harness.send("{ adAccounts { id } }", key: key)["data"] as? [String: Any])
        let accountID = try #require((account["adAccounts"] as? [[String: Any]])?.first?["id"] as? String)
        func campaignInput(_ name: String) -> [String: Any] {
            ["adAccountId": accountID, "name": name, "objective": "SALES", "budget": ["type": "DAILY", "amount": "10", "currency": "EUR"]]
        }
        _ = try await expectAccepted(harness, Self.createCampaign, campaignInput(String(repeating: "c", count: 255)), key: key)
        try await expectRefused(harness, Self.createCampaign, campaignInput(String(repeating: "c", count: 256)), key: key, field: "input.name")
        try await expectRefused(harness, Self.createCampaign, campaignInput(String(repeating: "o\u{308}", count: 128)), key: key, field: "input.name")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaigns") == 2)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_budgets") == 2)

        func unitInput(_ name: String) -> [String: Any] { ["campaignId": campaign, "audienceId": audience, "name": name] }
        let unit = try await expectAccepted(harness, Self.createUnit, unitInput(String(repeating: "u", count: 255)), key: key)
        try await expectRefused(harness, Self.createUnit, unitInput(String(repeating: "u", count: 256)), key: key, field: "input.name")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_units") == 1)

        let unitID = try #require(unit["id"] as? String)
        func creative(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
            var input: [String: Any] = [
                "campaignUnitId": unitID, "headline": "Crunch", "callToAction": "SHOP_NOW", "landingUrl": "https://tastychips.co/",
            ]
            change(&input)
            return input
        }
        let url = { (length: Int) in "https://tastychips.co/" + String(repeating: "p", count: length - 22) }
        let created = try await expectAccepted(harness, Self.createCreative, creative {
            $0["headline"] = String(repeating: "h", count: 255)
            $0["description"] = String(repeating: "d", count: 1_000)
            $0["landingUrl"] = url(2_048)
            $0["mediaUrl"] = url(2_048)
        }, key: key)
        for (field, value) in [("headline", String(repeating: "h", count: 256)), ("description", String(repeating: "d", count: 1_001)),
                               ("landingUrl", url(2_049)), ("mediaUrl", url(2_049))] {
            try await expectRefused(harness, Self.createCreative, creative { $0[field] = value }, key: key, field: "input.\(field)")
        }
        // The issue's headline of 255 graphemes × 1,001 code points (about 510 KB), once stored whole.
        let heavy = String(repeating: "a" + String(repeating: "\u{301}", count: 1_000), count: 255)
        #expect(heavy.count == 255)
        try await expectRefused(harness, Self.createCreative, creative { $0["headline"] = heavy }, key: key, field: "input.headline")
        let revise = try await harness.send(
            "mutation($id: ID!, $input: ReviseAdCreativeInput!) { reviseAdCreative(id: $id, input: $input) { id } }",
            ["id": try #require(created["id"] as? String), "input": ["headline": heavy]], key: key)
        #expect(firstError(revise).code == "BAD_USER_INPUT")
        #expect(firstError(revise).field == "input.headline")
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_creatives") == 1)
    }

    @Test func nulIsRefusedNeverCutShort() async throws {
        let (harness, key, campaign, audience) = try await CreativeTests().setup()
        defer { harness.stop() }
        let audiences = try harness.scalar("SELECT count(*)::int FROM audiences")
        try await expectRefused(harness, Self.createAudience, self.audience(name: "nul\u{0}byte"), key: key, field: "input.name")
        try await expectRefused(harness, Self.createAudience, self.audience(name: "\u{0}"), key: key, field: "input.name")
        try await expectRefused(harness, Self.createAudience, self.audience(locations: ["DE", "nul\u{0}byte"]), key: key, field: "input.locations")
        try await expectRefused(
            harness, Self.createUnit, ["campaignId": campaign, "audienceId": audience, "name": "nul\u{0}byte"], key: key, field: "input.name")
        // In the document itself, as a GraphQL string escape.
        let literal = try await harness.send(
            #"mutation { createAudience(input: { name: "nul\u0000byte", locations: ["DE"], ageMin: 18, ageMax: 30 }) { id } }"#, key: key)
        #expect(firstError(literal).code == "BAD_USER_INPUT")
        #expect(firstError(literal).field == "input.name")
        let update = try await harness.send(
            "mutation($id: ID!, $input: UpdateCampaignInput!) { updateCampaign(id: $id, input: $input) { name } }",
            ["id": campaign, "input": ["name": "nul\u{0}byte"]], key: key)
        #expect(firstError(update).field == "input.name")
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences") == audiences)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_units") == 0)
        #expect(try harness.scalar("SELECT count(*)::int FROM campaigns WHERE name LIKE 'nul%'") == 0)
        // Not a masked internal error for any string argument, stored or not.
        let redirect = try await harness.send(
            "mutation { startOAuth(platform: META_ADS, redirectUri: \"https://app.example/\\u0000\") { state } }", key: key)
        #expect(firstError(redirect).code == "BAD_USER_INPUT")
        #expect(firstError(redirect).field == "redirectUri")
        #expect(try harness.scalar("SELECT count(*)::int FROM oauth_states") == 0)
    }

    @Test func argumentsThatAreNotStoredAreBoundedToo() async throws {
        let (harness, key, campaign, _) = try await CreativeTests().setup()
        defer { harness.stop() }
        let longURL = "https://app.example/" + String(repeating: "r", count: 2_029)
        let redirect = try await harness.send(
            "mutation($r: String!) { startOAuth(platform: META_ADS, redirectUri: $r) { state } }", ["r": longURL], key: key)
        #expect(firstError(redirect).code == "BAD_USER_INPUT")
        #expect(firstError(redirect).field == "redirectUri")
        #expect(try harness.scalar("SELECT count(*)::int FROM oauth_states") == 0)

        let code = try await harness.send(
            "mutation($c: String!) { completeOAuth(platform: META_ADS, code: $c, state: \"s\") { id } }",
            ["c": String(repeating: "c", count: 2_049)], key: key)
        #expect(firstError(code).code == "BAD_USER_INPUT")
        #expect(firstError(code).field == "code")
        let upload = try await harness.send(
            "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url } }",
            ["input": ["filename": String(repeating: "f", count: 256) + ".png", "contentType": "image/png", "dataBase64": "iVBORw0KGgo="]],
            key: key)
        #expect(firstError(upload).code == "BAD_USER_INPUT")
        #expect(firstError(upload).field == "input.filename")

        let preview = try await harness.send(
            "query($input: AdPreviewInput!) { adPreview(input: $input) { headline } }",
            ["input": ["headline": String(repeating: "h", count: 256), "callToAction": "SHOP_NOW", "landingUrl": "https://tastychips.co/"]],
            key: key)
        #expect(firstError(preview).code == "BAD_USER_INPUT")
        #expect(firstError(preview).field == "input.headline")

        let metrics = "query($id: ID!, $k: [String!]) { campaign(id: $id) { metrics(from: \"2026-11-01\", to: \"2026-11-02\", keys: $k) { key } } }"
        let fine = try await harness.send(metrics, ["id": campaign, "k": Array(repeating: "clicks", count: 100)], key: key)
        #expect(fine["errors"] == nil)
        let tooMany = try await harness.send(metrics, ["id": campaign, "k": Array(repeating: "clicks", count: 101)], key: key)
        #expect(firstError(tooMany).code == "BAD_USER_INPUT")
        #expect(firstError(tooMany).field == "keys")
    }

    @Test func invalidUTF8InTheBodyIsA400NotReplaced() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let headers = ["Content-Type": "application/json", "Authorization": "Bearer \(key)"]
        let document = #"{"query": "mutation($n: String!) { createAudience(input: { name: $n, locations: [\"DE\"], ageMin: 18, ageMax: 30 }) { id } }", "variables": {"n": "#
        let invalid: [[UInt8]] = [
            [0x6E, 0xFF, 0x62],  // a byte that never occurs in UTF-8
            [0x6E, 0xC3],  // a sequence cut short
            [0xC0, 0xAF],  // an overlong "/"
            [0xED, 0xA0, 0x80],  // an encoded surrogate
        ]
        for bytes in invalid {
            let body = Data(document.utf8) + Data([0x22] + bytes + [0x22]) + Data("}}".utf8)
            let response = try await HTTPClient.send(harness.server.url("/graphql"), method: "POST", headers: headers, body: body)
            #expect(response.status == 400, "\(bytes)")
            let error = try #require((try response.json()["errors"] as? [[String: Any]])?.first)
            #expect((error["message"] as? String)?.contains("Invalid UTF-8 in string") == true, "\(error)")
            #expect((error["extensions"] as? [String: Any])?["code"] as? String == "BAD_REQUEST")
        }
        // A lone UTF-16 surrogate escape names no character either.
        let surrogate = Data(document.utf8) + Data(#""a\ud800b"}}"#.utf8)
        let response = try await HTTPClient.send(harness.server.url("/graphql"), method: "POST", headers: headers, body: surrogate)
        #expect(response.status == 400)
        #expect(response.text.contains("Unpaired UTF-16 surrogate"))
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences") == 0)
        // Valid multi-byte text still passes.
        let valid = Data(document.utf8) + Data(#""Snäcker 🥔 \u00e9"}}"#.utf8)
        let accepted = try await HTTPClient.send(harness.server.url("/graphql"), method: "POST", headers: headers, body: valid)
        #expect(accepted.status == 200)
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences WHERE name = 'Snäcker 🥔 é'") == 1)
    }
}
