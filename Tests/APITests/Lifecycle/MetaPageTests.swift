import Foundation
import Testing
import TestSupport

/// The Facebook Page a Meta ad account's ads run as: listed from Meta, chosen among the Pages the connection can
/// advertise for, set by the account sync when there is only one, and required by the launch checks.
@Suite struct MetaPageTests {
    static let accountFields = "id name page { id name }"

    @Test func pagesAreListedChosenAndRequiredAtLaunch() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let meta = try await harness.connect("meta_ads", key: key)
        let account = try #require(meta.accounts["1000000001"])

        // The connection can advertise for one Page (the other only shows insights): the sync chose it.
        let listed = try await harness.succeed("query($a: ID!) { metaPages(adAccountId: $a) { id name } }", ["a": account], key: key)
        #expect((listed["metaPages"] as? [[String: String]]) == [["id": MetaAdapterPage.advertisable, "name": "Tasty Chips"]])
        let node = try await harness.succeed("query($a: ID!) { node(id: $a) { ... on AdAccount { \(Self.accountFields) } } }", ["a": account], key: key)
        #expect(((node["node"] as? [String: Any])?["page"] as? [String: String])?["id"] == MetaAdapterPage.advertisable)

        // A Page the connection cannot advertise for is refused, and the choice stays as it was.
        let refused = try await harness.send(
            "mutation($a: ID!, $p: String!) { setAdAccountPage(adAccountId: $a, pageId: $p) { id } }",
            ["a": account, "p": MetaAdapterPage.insightsOnly], key: key)
        #expect(firstError(refused).code == "BAD_USER_INPUT")
        #expect(firstError(refused).field == "pageId")
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_accounts WHERE page_id = \(MetaAdapterPage.advertisable)") == 2)

        // Without a Page, a Meta launch is refused before any call; choosing it again makes the campaign launchable.
        try harness.sql("UPDATE ad_accounts SET page_id = NULL, page_name = NULL")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", account: account)
        let dry = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let problems = (extensions(dry)["problems"] as? [[String: Any]] ?? []).map { "\($0["field"] ?? ""):\($0["code"] ?? "")" }
        #expect(problems == ["adAccount.page:MISSING"], "\(dry)")
        let chosen = try await harness.succeed(
            "mutation($a: ID!, $p: String!) { setAdAccountPage(adAccountId: $a, pageId: $p) { \(Self.accountFields) } }",
            ["a": account, "p": MetaAdapterPage.advertisable], key: key)
        #expect(((chosen["setAdAccountPage"] as? [String: Any])?["page"] as? [String: String])?["name"] == "Tasty Chips")
        let planned = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let bodies = (((planned["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
        #expect(bodies.contains { $0.contains(#""page_id":"\#(MetaAdapterPage.advertisable)""#) }, "\(bodies)")

        // A Sales campaign optimizes for one of the account's pixels; without one its launch is refused first.
        let pixels = try await harness.succeed("query($a: ID!) { metaPixels(adAccountId: $a) { id name } }", ["a": account], key: key)
        #expect((pixels["metaPixels"] as? [[String: String]]) == [["id": "556677889900112", "name": "Tasty Chips Pixel"]])
        try harness.sql("UPDATE campaigns SET meta_pixel_id = NULL")
        let noPixel = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        #expect((extensions(noPixel)["problems"] as? [[String: Any]] ?? []).map { "\($0["field"] ?? ""):\($0["code"] ?? "")" } == ["metaPixel:MISSING"])
        let unknownPixel = try await harness.send(
            "mutation($c: ID!, $p: String!) { setCampaignMetaPixel(id: $c, pixelId: $p) { id } }", ["c": fixture.campaign, "p": "999"], key: key)
        #expect(firstError(unknownPixel).field == "pixelId")
        let pixel = try await harness.succeed(
            "mutation($c: ID!, $p: String!) { setCampaignMetaPixel(id: $c, pixelId: $p) { metaPixelId } }",
            ["c": fixture.campaign, "p": "556677889900112"], key: key)
        #expect((pixel["setCampaignMetaPixel"] as? [String: Any])?["metaPixelId"] as? String == "556677889900112")
        let withPixel = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let adSetBodies = (((withPixel["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]]) ?? []).compactMap { $0["body"] as? String }
        #expect(adSetBodies.contains { $0.contains("promoted_object") && $0.contains("556677889900112") && $0.contains("PURCHASE") }, "\(adSetBodies)")

        // Google accounts run as no Page.
        let google = try await harness.connect("google_ads", key: key)
        let googleAccount = try #require(google.accounts.values.first)
        let notMeta = try await harness.send("query($a: ID!) { metaPages(adAccountId: $a) { id } }", ["a": googleAccount], key: key)
        #expect(firstError(notMeta).code == "BAD_USER_INPUT")
    }
}

/// The simulator's Pages (`GET /me/accounts`).
enum MetaAdapterPage {
    static let advertisable = "102030405060708"
    static let insightsOnly = "102030405060709"
}

/// A lifetime budget needs an end date on both platforms: the launch check says so first, and the dates reach
/// Google's campaign and Meta's ad sets.
@Suite struct CampaignDateTests {
    static let dates = "mutation($id: ID!, $s: Date, $e: Date) { setCampaignDates(id: $id, startDate: $s, endDate: $e) { startDate endDate } }"
    static let lifetime = "mutation($id: ID!) { setCampaignBudget(id: $id, budget: { type: LIFETIME, amount: \"900.00\", currency: \"USD\" }) { id } }"

    @Test(arguments: LaunchOnSimulatorTests.platforms) func aLifetimeBudgetNeedsAnEndDate(platform: String) async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let connected = try await harness.connect(platform, key: key)
        let account = try #require(connected.accounts.sorted { $0.key < $1.key }.first?.value)
        let fixture = try await LaunchFixture.make(harness, key: key, platform: platform, account: account)
        _ = try await harness.succeed(Self.lifetime, ["id": fixture.campaign], key: key)

        // Without an end date: refused before any call, for both the dry run and the launch.
        let refused = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        let problems = (extensions(refused)["problems"] as? [[String: Any]] ?? []).map { "\($0["field"] ?? ""):\($0["code"] ?? "")" }
        #expect(problems == ["endDate:MISSING"], "\(refused)")
        #expect(try harness.status(fixture.campaignID) == "draft")

        // The end before the start is refused; in order, the dates are kept and sent.
        let backwards = try await harness.send(Self.dates, ["id": fixture.campaign, "s": "2031-02-01", "e": "2031-01-01"], key: key)
        #expect(firstError(backwards).field == "endDate")
        let set = try await harness.succeed(Self.dates, ["id": fixture.campaign, "s": "2030-12-01", "e": "2031-01-31"], key: key)
        #expect((set["setCampaignDates"] as? [String: String]) == ["startDate": "2030-12-01", "endDate": "2031-01-31"])
        let launched = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        #expect(((launched["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE")
        let state = try await harness.simulatorState()
        let text = String(decoding: try JSONSerialization.data(withJSONObject: state), as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        if platform == "google_ads" {
            #expect(text.contains(#""endDateTime":"2031-01-31 23:59:59""#), "\(text.prefix(2000))")
            #expect(text.contains(#""startDateTime":"2030-12-01 00:00:00""#))
        } else {
            #expect(text.contains(#""end_time":"2031-01-31T23:59:59+0000""#), "\(text.prefix(2000))")
        }
        // A launched campaign keeps its start; its end moves on the platform too.
        let earlier = try await harness.send(Self.dates, ["id": fixture.campaign, "s": "2030-11-01", "e": "2031-03-31"], key: key)
        #expect(firstError(earlier).code == "BAD_USER_INPUT")
        #expect(firstError(earlier).field == "startDate")
        let later = try await harness.succeed(Self.dates, ["id": fixture.campaign, "s": "2030-12-01", "e": "2031-03-31"], key: key)
        #expect((later["setCampaignDates"] as? [String: String])?["endDate"] == "2031-03-31")
    }
}
