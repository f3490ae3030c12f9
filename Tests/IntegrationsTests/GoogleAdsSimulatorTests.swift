import Campaigns
import Foundation
import Integrations
import Testing
import TestSupport

/// The simulated Google Ads keeps what it holds across a restart (CAMPAIGND_SIMULATOR_STATE).
@Suite(.serialized) struct GoogleAdsSimulatorTests {
    @Test func objectsAccountsAndTokensSurviveARestart() async throws {
        let folder = try TestPaths.temporaryDirectory("google-state")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["CAMPAIGND_SIMULATOR_STATE": folder.appendingPathComponent("state.json").path]

        var google: GoogleAdsFixture? = try GoogleAdsFixture(environment: environment)
        let tokens = try await google!.connect()
        let account = google!.account(tokens)
        let campaignID = try google!.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        try google!.adapter.setCampaignStatus(.paused, externalCampaignID: campaignID, in: account)
        try await google!.control("google_ads/rename_account", ["customerId": "2345678901", "name": "Renamed"])
        let before = try await google!.objects("campaigns")
        google = nil  // stops the simulator, which saves its state

        let restarted = try GoogleAdsFixture(environment: environment)
        #expect(try await restarted.objects("campaigns").map { $0["resourceName"] as? String } == before.map { $0["resourceName"] as? String })
        #expect(try await restarted.objects("campaigns").first?["status"] as? String == "PAUSED")
        #expect(try restarted.provider.listAdAccounts(accessToken: tokens.accessToken).map(\.name) == ["Tasty Chips Co. – US", "Renamed", "Tasty Chips – Search"])
        #expect(try restarted.provider.refresh(tokens).accessToken.hasPrefix("google-at-"))
        // New ids continue after the old ones.
        let next = try restarted.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        #expect(Int(next)! > Int(campaignID)!)
    }
}
