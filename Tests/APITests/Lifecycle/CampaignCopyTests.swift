import Foundation
import Testing
import TestSupport

/// One campaign on both platforms: a Meta campaign copied onto Google, linked both ways, and launched there.
@Suite struct CampaignCopyTests {
    static let copy = """
        mutation($id: ID!, $a: ID!, $budget: CampaignBudgetInput) { copyCampaign(id: $id, adAccountId: $a, budget: $budget) {
          id name platform objective status budget { type amount currency } copiedFrom { id }
          units { name audience { name } keywords { text } creatives { version headline headlines descriptions mediaUrl callToAction landingUrl } } } }
        """

    @Test func aMetaCampaignCopiedOntoGoogleKeepsItsUnitsAndCurrentCreativesAndLaunchesThere() async throws {
        let harness = try APITestHarness(simulator: true)
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let (_, metaAccounts) = try await harness.connect("meta_ads", key: key)
        let (_, googleAccounts) = try await harness.connect("google_ads", key: key)
        let metaAccount = try #require(metaAccounts.first { $0.key.hasSuffix("1000000001") }?.value)
        let googleAccount = try #require(googleAccounts.first { $0.key.hasSuffix("1234567890") }?.value)
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", account: metaAccount)
        // The first creative gets a second version: the copy takes the current one, as version 1.
        _ = try await harness.succeed(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { headlines: [\"Version Two Chips\", \"Spicy and Crunchy\", \"Kettle Cooked Heat\"] }) { id } }",
            ["id": fixture.creatives[0]], key: key)

        // Refused: an account of the same platform, and a budget in another currency than the account bills in.
        let samePlatform = try await harness.send(Self.copy, ["id": fixture.campaign, "a": metaAccount], key: key)
        #expect(extensions(samePlatform)["code"] as? String == "BAD_USER_INPUT")
        #expect(extensions(samePlatform)["field"] as? String == "adAccountId")
        let otherCurrency = try await harness.send(
            Self.copy, ["id": fixture.campaign, "a": googleAccount, "budget": ["type": "DAILY", "amount": "30", "currency": "EUR"]], key: key)
        #expect(extensions(otherCurrency)["field"] as? String == "budget.currency", "\(otherCurrency)")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaigns") == 1, "a refused copy leaves nothing behind")

        let copied = try #require(try await harness.succeed(Self.copy, ["id": fixture.campaign, "a": googleAccount], key: key)["copyCampaign"] as? [String: Any])
        #expect(copied["name"] as? String == "Spicy Jalapeño Launch – Google Ads")
        #expect(copied["platform"] as? String == "GOOGLE_ADS")
        #expect(copied["objective"] as? String == "SALES")
        #expect(copied["status"] as? String == "DRAFT")
        #expect((copied["budget"] as? [String: Any])?["amount"] as? String == "25.50")
        #expect((copied["copiedFrom"] as? [String: Any])?["id"] as? String == fixture.campaign)
        let units = try #require(copied["units"] as? [[String: Any]])
        #expect(units.map { ($0["audience"] as? [String: Any])?["name"] as? String } == ["Audience 1", "Audience 2"])
        #expect(units.allSatisfy { ($0["keywords"] as? [Any])?.isEmpty == true }, "a Meta campaign has no keywords to copy")
        let creatives = units.flatMap { $0["creatives"] as? [[String: Any]] ?? [] }
        #expect(creatives.map { $0["version"] as? Int } == [1, 1, 1])
        // In the original's order of current versions (the revision is the newest of unit 1).
        for _ in 0..<3 {
            let again = try await harness.send(Self.copy, ["id": fixture.campaign, "a": googleAccount], key: key)
            let order = ((data(again, "copyCampaign") as? [String: Any])?["units"] as? [[String: Any]] ?? [])
                .flatMap { $0["creatives"] as? [[String: Any]] ?? [] }.map { $0["headline"] as? String }
            #expect(order == ["Jalapeño Chips Ad 2", "Version Two Chips", "Jalapeño Chips Ad 3"], "every copy keeps the order")
        }
        #expect(creatives.map { $0["headline"] as? String } == ["Jalapeño Chips Ad 2", "Version Two Chips", "Jalapeño Chips Ad 3"])
        #expect(creatives[1]["descriptions"] as? [String] == ["Hot, crunchy, unit 1 creative 1.", "Order today."])
        #expect(creatives[1]["headlines"] as? [String] == ["Version Two Chips", "Spicy and Crunchy", "Kettle Cooked Heat"])
        let original = try await harness.succeed("query($id: ID!) { campaign(id: $id) { copies { id } creatives { version } } }", ["id": fixture.campaign], key: key)
        let originalCampaign = try #require(original["campaign"] as? [String: Any])
        let copyID = try #require(copied["id"] as? String)
        #expect((originalCampaign["copies"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.first == copyID)
        #expect((originalCampaign["copies"] as? [[String: Any]])?.count == 4)
        #expect((originalCampaign["creatives"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [1, 2, 1], "the original is unchanged")

        // On Google the copy needs keywords first; with them it launches on Google's simulator.
        let refused = try await harness.send(LaunchFixture.launch, ["id": copyID, "dry": false], key: key)
        let problems = (extensions(refused)["problems"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(problems == ["KEYWORDS_MISSING", "KEYWORDS_MISSING"], "\(refused)")
        let unitIDs = try await harness.succeed("query($id: ID!) { campaign(id: $id) { units { id } } }", ["id": copyID], key: key)
        for unit in ((unitIDs["campaign"] as? [String: Any])?["units"] as? [[String: Any]] ?? []).compactMap({ $0["id"] as? String }) {
            _ = try await harness.succeed(
                "mutation($id: ID!) { setCampaignUnitKeywords(id: $id, keywords: [{ text: \"spicy chips\", matchType: PHRASE }]) { id } }",
                ["id": unit], key: key)
        }
        let launched = try await harness.send(LaunchFixture.launch, ["id": copyID, "dry": false], key: key)
        #expect(((data(launched, "launchCampaign") as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE", "\(launched)")
        #expect(try harness.status(fixture.campaignID) == "draft", "the original is launched on its own")
    }

    @Test func anotherOrganizationsCampaignCannotBeCopied() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let owner = try harness.organization(named: "Tasty Chips Co.")
        let integration = try harness.insertServerIntegration(key: owner, provider: "meta_ads")
        let fixture = try await LaunchFixture.make(harness, key: owner, platform: "meta_ads", integration: integration, externalAccount: "1001")
        let stranger = try harness.organization(named: "Other Co.")
        let strangerIntegration = try harness.insertServerIntegration(key: stranger, provider: "google_ads")
        let strangerAccount = try harness.insertAdAccount(key: stranger, integration: strangerIntegration, external: "9999999999", name: "Other", currency: "USD")
        let body = try await harness.send(Self.copy, ["id": fixture.campaign, "a": globalID("AdAccount", strangerAccount)], key: stranger)
        #expect(extensions(body)["code"] as? String == "NOT_FOUND", "\(body)")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaigns") == 1)
    }
}
