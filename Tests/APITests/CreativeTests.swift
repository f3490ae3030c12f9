import Foundation
import Testing
import TestSupport

/// Campaign units and ad creatives through HTTP: creation, validation, revisions with parent and history.
@Suite struct CreativeTests {
    static let creativeFields = "id headline description mediaUrl callToAction landingUrl version"

    /// A campaign and an audience of a fresh organization.
    func setup() async throws -> (APITestHarness, String, campaign: String, audience: String) {
        let harness = try APITestHarness()
        let key = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_1", name: "Chips EU")
        let campaign = try await harness.send(
            "mutation($a: ID!) { createCampaign(input: { adAccountId: $a, name: \"Winter\", objective: SALES, budget: { type: DAILY, amount: 100, currency: \"EUR\" } }) { id } }",
            ["a": globalID("AdAccount", account)], key: key)
        let audience = try await harness.send(
            "mutation { createAudience(input: { name: \"Snackers\", locations: [\"DE\"], ageMin: 18, ageMax: 30 }) { id } }", key: key)
        let campaignID = try #require((data(campaign, "createCampaign") as? [String: Any])?["id"] as? String, "\(campaign)")
        let audienceID = try #require((data(audience, "createAudience") as? [String: Any])?["id"] as? String, "\(audience)")
        return (harness, key, campaignID, audienceID)
    }

    @Test func unitsCreativesAndRevisions() async throws {
        let (harness, key, campaign, audience) = try await setup()
        defer { harness.stop() }
        let unitBody = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id name budgetAllocation externalId audience { id name } creatives { id } } }",
            ["input": ["campaignId": campaign, "audienceId": audience, "name": " DE 18-30 ", "budgetAllocation": "40"]], key: key)
        #expect(unitBody["errors"] == nil, "\(unitBody)")
        let unit = try #require(data(unitBody, "createCampaignUnit") as? [String: Any])
        #expect(unit["name"] as? String == "DE 18-30")
        #expect(unit["budgetAllocation"] as? String == "40.00")
        #expect(unit["externalId"] is NSNull)
        #expect((unit["audience"] as? [String: Any])?["id"] as? String == audience)
        let unitID = try #require(unit["id"] as? String)

        let creativeBody = try await harness.send(
            "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { \(Self.creativeFields) parent { id } history { id } } }",
            ["input": ["campaignUnitId": unitID, "headline": "Crunchy!", "description": "Best chips", "mediaUrl": "https://cdn.example.com/a.jpg",
                       "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com/winter"]], key: key)
        #expect(creativeBody["errors"] == nil, "\(creativeBody)")
        let creative = try #require(data(creativeBody, "createAdCreative") as? [String: Any])
        #expect(creative["version"] as? Int == 1)
        #expect(creative["callToAction"] as? String == "SHOP_NOW")
        #expect(creative["parent"] is NSNull)
        #expect((creative["history"] as? [Any])?.isEmpty == true)
        let v1 = try #require(creative["id"] as? String)

        let revise = "mutation($id: ID!, $input: ReviseAdCreativeInput!) { reviseAdCreative(id: $id, input: $input) { \(Self.creativeFields) parent { id version } history { id version } } }"
        let v2Body = try await harness.send(revise, ["id": v1, "input": ["headline": "Crunchier!", "mediaUrl": NSNull()]], key: key)
        #expect(v2Body["errors"] == nil, "\(v2Body)")
        let v2 = try #require(data(v2Body, "reviseAdCreative") as? [String: Any])
        #expect(v2["version"] as? Int == 2)
        #expect(v2["headline"] as? String == "Crunchier!")
        #expect(v2["description"] as? String == "Best chips")
        #expect(v2["mediaUrl"] is NSNull)
        #expect(v2["landingUrl"] as? String == "https://chips.example.com/winter")
        #expect((v2["parent"] as? [String: Any])?["id"] as? String == v1)
        let v2ID = try #require(v2["id"] as? String)
        let v3Body = try await harness.send(revise, ["id": v2ID, "input": ["callToAction": "LEARN_MORE"]], key: key)
        let v3 = try #require(data(v3Body, "reviseAdCreative") as? [String: Any], "\(v3Body)")
        #expect(v3["version"] as? Int == 3)
        #expect(v3["callToAction"] as? String == "LEARN_MORE")
        #expect((v3["history"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [v2ID, v1])

        // Only the current version can be revised; an older one is refused and nothing is written.
        let stale = try await harness.send(revise, ["id": v1, "input": ["headline": "Old"]], key: key)
        #expect(firstError(stale).code == "BAD_USER_INPUT")
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_creatives") == 3)

        // The campaign shows the unit and the current creative only.
        let read = try await harness.send(
            "query($id: ID!) { campaign(id: $id) { units { id audience { name } creatives { id version } } creatives { id version } } }",
            ["id": campaign], key: key)
        let campaignNode = try #require(data(read, "campaign") as? [String: Any], "\(read)")
        let units = try #require(campaignNode["units"] as? [[String: Any]])
        #expect(units.count == 1)
        #expect((units.first?["audience"] as? [String: Any])?["name"] as? String == "Snackers")
        #expect((units.first?["creatives"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [3])
        #expect((campaignNode["creatives"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [3])
        let node = try await harness.send("query($id: ID!) { node(id: $id) { __typename ... on AdCreative { version } } }", ["id": v1], key: key)
        #expect((data(node, "node") as? [String: Any])?["version"] as? Int == 1)

        // The audience is in use now.
        let inUse = try await harness.send("mutation($id: ID!) { deleteAudience(id: $id) }", ["id": audience], key: key)
        #expect(firstError(inUse).code == "BAD_USER_INPUT")
    }

    @Test func severalHeadlinesAndDescriptions() async throws {
        let (harness, key, campaign, audience) = try await setup()
        defer { harness.stop() }
        let unitBody = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }",
            ["input": ["campaignId": campaign, "audienceId": audience, "name": "Unit"]], key: key)
        let unitID = try #require((data(unitBody, "createCampaignUnit") as? [String: Any])?["id"] as? String)
        let fields = "id headline headlines description descriptions"
        let created = try await harness.send(
            "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { \(fields) } }",
            ["input": ["campaignUnitId": unitID, "headlines": ["Spicy Chips | 20% Off", " Kettle Cooked ", "Free Shipping"],
                       "descriptions": ["Hot and crunchy.", "Order today."], "callToAction": "SHOP_NOW",
                       "landingUrl": "https://chips.example.com"]], key: key)
        let creative = try #require(data(created, "createAdCreative") as? [String: Any], "\(created)")
        // The first of each is `headline`/`description`; its " | " parts count as headlines too.
        #expect(creative["headline"] as? String == "Spicy Chips | 20% Off")
        #expect(creative["headlines"] as? [String] == ["Spicy Chips", "20% Off", "Kettle Cooked", "Free Shipping"])
        #expect(creative["description"] as? String == "Hot and crunchy.")
        #expect(creative["descriptions"] as? [String] == ["Hot and crunchy.", "Order today."])
        // A revision that changes only the first headline keeps the others.
        let revised = try await harness.send(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { headline: \"Smoky Chips\" }) { \(fields) } }",
            ["id": try #require(creative["id"] as? String)], key: key)
        let v2 = try #require(data(revised, "reviseAdCreative") as? [String: Any], "\(revised)")
        #expect(v2["headlines"] as? [String] == ["Smoky Chips", "Kettle Cooked", "Free Shipping"])
        #expect(v2["descriptions"] as? [String] == ["Hot and crunchy.", "Order today."])

        // Refusals name the field; nothing is stored for them.
        for (input, field) in [
            (["headline": "A", "headlines": ["A", "B"]], "input.headlines"),
            (["headlines": [String]()], "input.headlines"),
            (["headlines": ["A", " "]], "input.headlines[1]"),
            (["headlines": (0...15).map { "H\($0)" }], "input.headlines"),
            (["headline": "A", "descriptions": (0...5).map { "D\($0)" }], "input.descriptions"),
        ] as [([String: Any], String)] {
            var full: [String: Any] = ["campaignUnitId": unitID, "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com"]
            full.merge(input) { $1 }
            let refused = try await harness.send(
                "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }", ["input": full], key: key)
            #expect(firstError(refused).code == "BAD_USER_INPUT", "\(input): \(refused)")
            #expect(firstError(refused).field == field, "\(input): \(refused)")
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_creatives") == 2)
    }

    @Test func refusals() async throws {
        let (harness, key, campaign, audience) = try await setup()
        defer { harness.stop() }
        let createUnit = "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }"
        let unitCases: [([String: Any], String)] = [
            (["campaignId": globalID("Campaign", UUID()), "audienceId": audience, "name": "U"], "input.campaignId"),
            (["campaignId": campaign, "audienceId": globalID("Audience", UUID()), "name": "U"], "input.audienceId"),
            (["campaignId": campaign, "audienceId": audience, "name": " "], "input.name"),
            (["campaignId": campaign, "audienceId": audience, "name": "U", "budgetAllocation": "x"], "input.budgetAllocation"),
            (["campaignId": campaign, "audienceId": audience, "name": "U", "budgetAllocation": -1], "input.budgetAllocation"),
        ]
        for (input, field) in unitCases {
            let body = try await harness.send(createUnit, ["input": input], key: key)
            #expect(firstError(body).code == "BAD_USER_INPUT", "\(input) \(body)")
            #expect(firstError(body).field == field, "\(input) \(body)")
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_units") == 0)

        let unitBody = try await harness.send(createUnit, ["input": ["campaignId": campaign, "audienceId": audience, "name": "U"]], key: key)
        let unit = try #require((data(unitBody, "createCampaignUnit") as? [String: Any])?["id"] as? String, "\(unitBody)")
        let createCreative = "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }"
        let base: [String: Any] = ["campaignUnitId": unit, "headline": "H", "callToAction": "SIGN_UP", "landingUrl": "https://example.com"]
        let creativeCases: [(String, Any, String)] = [
            ("landingUrl", "ftp://example.com/file", "input.landingUrl"),
            ("landingUrl", "javascript:alert(1)", "input.landingUrl"),
            ("landingUrl", "https://", "input.landingUrl"),
            ("mediaUrl", "file:///etc/passwd", "input.mediaUrl"),
            ("headline", "  ", "input.headline"),
            ("campaignUnitId", globalID("CampaignUnit", UUID()), "input.campaignUnitId"),
        ]
        for (key2, value, field) in creativeCases {
            var input = base
            input[key2] = value
            let body = try await harness.send(createCreative, ["input": input], key: key)
            #expect(firstError(body).code == "BAD_USER_INPUT", "\(input) \(body)")
            #expect(firstError(body).field == field, "\(input) \(body)")
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_creatives") == 0)
        let http = try await harness.send(createCreative, ["input": base.merging(["landingUrl": "http://example.com/x"]) { $1 }], key: key)
        #expect(http["errors"] == nil, "\(http)")
        let missing = try await harness.send(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { headline: \"X\" }) { id } }", ["id": globalID("AdCreative", UUID())], key: key)
        #expect(firstError(missing).code == "NOT_FOUND")
    }

    @Test func anotherOrganizationCannotReachUnitsOrCreatives() async throws {
        let (harness, key, campaign, audience) = try await setup()
        defer { harness.stop() }
        let unitBody = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }",
            ["input": ["campaignId": campaign, "audienceId": audience, "name": "U"]], key: key)
        let unit = try #require((data(unitBody, "createCampaignUnit") as? [String: Any])?["id"] as? String, "\(unitBody)")
        let creativeBody = try await harness.send(
            "mutation($u: ID!) { createAdCreative(input: { campaignUnitId: $u, headline: \"H\", callToAction: BOOK_NOW, landingUrl: \"https://example.com\" }) { id } }",
            ["u": unit], key: key)
        let creative = try #require((data(creativeBody, "createAdCreative") as? [String: Any])?["id"] as? String, "\(creativeBody)")

        let other = try harness.organization(named: "Other Co.")
        let otherAudience = try await harness.send(
            "mutation { createAudience(input: { name: \"Mine\", locations: [\"FR\"], ageMin: 20, ageMax: 40 }) { id } }", key: other)
        let otherAudienceID = try #require((data(otherAudience, "createAudience") as? [String: Any])?["id"] as? String)
        let foreignUnit = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }",
            ["input": ["campaignId": campaign, "audienceId": otherAudienceID, "name": "U"]], key: other)
        #expect(firstError(foreignUnit).field == "input.campaignId")
        let foreignCreative = try await harness.send(
            "mutation($u: ID!) { createAdCreative(input: { campaignUnitId: $u, headline: \"H\", callToAction: BOOK_NOW, landingUrl: \"https://example.com\" }) { id } }",
            ["u": unit], key: other)
        #expect(firstError(foreignCreative).field == "input.campaignUnitId")
        let foreignRevision = try await harness.send(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { headline: \"Hijacked\" }) { id } }", ["id": creative], key: other)
        #expect(firstError(foreignRevision).code == "NOT_FOUND")
        for id in [unit, creative, campaign] {
            let node = try await harness.send("query($id: ID!) { node(id: $id) { id } }", ["id": id], key: other)
            #expect(firstError(node).code == "NOT_FOUND", "\(node)")
        }
        // The owner's unit cannot target the other organization's audience either.
        let mixed = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id } }",
            ["input": ["campaignId": campaign, "audienceId": otherAudienceID, "name": "U"]], key: key)
        #expect(firstError(mixed).field == "input.audienceId")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_units") == 1)
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_creatives") == 1)
    }
}
