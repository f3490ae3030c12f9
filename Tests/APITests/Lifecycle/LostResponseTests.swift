import Foundation
import Testing
import TestSupport

/// The platform applied a create but its answer was lost (`server_error_after_apply`: the simulator creates
/// the object, then answers 500). The launch fails with no id recorded; the retry finds the object by the
/// marker in its name and adopts it, so the platform never holds a duplicate.
@Suite struct LostResponseTests {
    func launch(_ harness: APITestHarness, _ fixture: LaunchFixture) async throws -> [String: Any] {
        try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: fixture.key)
    }

    func objects(_ harness: APITestHarness, _ platform: String) async throws -> SimulatedObjects {
        SimulatedObjects(try await harness.simulatorState(platform), platform: platform)
    }

    @Test(arguments: LaunchOnSimulatorTests.platforms) func lostAnswersAtEachStepThenRetry(platform: String) async throws {
        let (harness, fixture) = try await LaunchOnSimulatorTests.setUp(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"
        let lost = "server_error_after_apply"

        // The campaign is created, its answer lost.
        try await harness.failNext(platform, path: google ? "googleAds:mutate" : "/campaigns", failure: lost)
        let first = try await launch(harness, fixture)
        #expect(extensions(first)["step"] as? String == "create_campaign", "\(first)")
        #expect(try harness.status(fixture.campaignID) == "error")
        #expect(try await objects(harness, platform).counts == [1, 0, 0])
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_platform_maps") == 0)

        // The retry adopts the campaign (no googleAds:mutate for it), creates the first unit with its two ads, and
        // the second unit's ad group or ad set is created with its answer lost.
        try await harness.failNext(platform, path: google ? "googleAds:mutate" : "/adsets", after: 1, failure: lost)
        let second = try await launch(harness, fixture)
        #expect(extensions(second)["step"] as? String == "create_ad_group", "\(second)")
        #expect(try harness.status(fixture.campaignID) == "error")
        #expect(try await objects(harness, platform).counts == [1, 2, 2])

        // The retry adopts the second unit's ad group; the third ad is created with its answer lost. (On Meta
        // "/ads" also matches "/adsets", but the ad sets are adopted by a GET now: the one POST it matches is the ad.)
        try await harness.failNext(platform, path: google ? "adGroupAds:mutate" : "/ads", failure: lost)
        let third = try await launch(harness, fixture)
        #expect(extensions(third)["step"] as? String == "create_ad", "\(third)")
        #expect(try harness.status(fixture.campaignID) == "error")
        #expect(try await objects(harness, platform).counts == [1, 2, 3])

        // The last retry adopts the third ad and goes live: exactly one campaign, two ad groups, three ads.
        let last = try await launch(harness, fixture)
        #expect(last["errors"] == nil, "\(last)")
        #expect(try harness.status(fixture.campaignID) == "live")
        let state = try await objects(harness, platform)
        #expect(state.counts == [1, 2, 3], "\(state.counts)")
        if google { #expect(state.budgets.count == 1) } else { #expect(state.extras.count == 3) }
        #expect(state.campaigns.map { $0.fields["status"] as? String } == [google ? "ENABLED" : "ACTIVE"])

        // The recorded ids are exactly the platform's objects.
        let externalCampaign: String = try harness.rows("SELECT external_campaign_id FROM campaign_platform_maps")[0].decode("external_campaign_id")
        #expect(state.campaigns[0].id.hasSuffix(externalCampaign))
        let units = try harness.rows("SELECT external_id FROM campaign_units WHERE external_id IS NOT NULL").map { try $0.decode("external_id", as: String.self) }
        #expect(Set(units) == Set(state.adGroups.map { $0.id.split(separator: "/").last.map(String.init) ?? "" }))
        let ads = try harness.rows("SELECT external_id FROM ad_creatives WHERE external_id IS NOT NULL").map { try $0.decode("external_id", as: String.self) }
        #expect(Set(ads) == Set(state.ads.map { $0.id.split(separator: "/").last.map(String.init) ?? "" }))
        #expect(try harness.logSteps(fixture.campaignID) == [
            "create_campaign:error",
            "create_campaign:success", "create_ad_group:success", "create_ad:success", "create_ad:success", "create_ad_group:error",
            "create_ad_group:success", "create_ad:error",
            "create_ad:success", "launch:success",
        ])
    }
}
