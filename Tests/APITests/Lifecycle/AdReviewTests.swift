import Campaigns
import Foundation
import Integrations
import Postgres
import Testing
import TestSupport

/// Ads go through review on the simulated platforms; the metrics sync reads each ad's review and the API shows it
/// per creative, normalized, with the platform's words and reasons.
@Suite struct AdReviewTests {
    /// The metrics sync as the worker builds it, against the harness's database and simulator.
    static func sync(_ harness: APITestHarness) -> MetricsSync {
        let providers = PlatformProviders(settings: PlatformSettings.simulator(harness.server.simulatorURL))
        let tokens = TokenService(providers: providers, encryptionKey: TestServer.tokenKey)
        let pool = harness.database.pool(maximumConnections: 3)
        return MetricsSync(pool: pool, adapters: PlatformAdapters(providers: providers), accessToken: { organizationID, integrationID, force in
            try pool.withConnection { try tokens.accessToken(integrationID: integrationID, organizationID: organizationID, on: $0, forceRefresh: force) }
        })
    }

    static let query = "query($id: ID!) { campaign(id: $id) { creatives { headline review { status platformStatus reasons checkedAt } } } }"

    /// Headline → review, through the API.
    static func reviews(_ harness: APITestHarness, _ fixture: LaunchFixture) async throws -> [String: [String: Any]] {
        let result = try await harness.succeed(query, ["id": fixture.campaign], key: fixture.key)
        let creatives = (result["campaign"] as? [String: Any])?["creatives"] as? [[String: Any]] ?? []
        var reviews: [String: [String: Any]] = [:]
        for creative in creatives {
            guard let headline = creative["headline"] as? String else { continue }
            reviews[headline] = creative["review"] as? [String: Any] ?? [:]
        }
        return reviews
    }

    @Test(arguments: LaunchOnSimulatorTests.platforms) func reviewsComeThroughTheSyncAndTheAPI(platform: String) async throws {
        let (harness, fixture) = try await LiveEditTests.launched(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"

        // Before any sync: no review known.
        var reviews = try await Self.reviews(harness, fixture)
        #expect(reviews.count == 3)
        #expect(reviews.values.allSatisfy { $0.isEmpty }, "\(reviews)")

        // Just launched: every ad is in review.
        let report = try Self.sync(harness).sync(campaignID: fixture.campaignID, organizationID: try harness.organizationID(key: fixture.key))
        #expect(report.failed == 0, "\(report.failures)")
        reviews = try await Self.reviews(harness, fixture)
        #expect(reviews.values.map { $0["status"] as? String } == Array(repeating: "UNDER_REVIEW", count: 3), "\(reviews)")
        #expect(reviews.values.allSatisfy { ($0["platformStatus"] as? String) == (google ? "UNKNOWN / REVIEW_IN_PROGRESS" : "PENDING_REVIEW") }, "\(reviews)")

        // The platform decides: the first ad approved, the second disapproved with a reason, the third still in review.
        let ads = try harness.rows("SELECT headline, external_id FROM ad_creatives WHERE external_id IS NOT NULL ORDER BY created_at")
            .map { (try $0.decode("headline", as: String.self), try $0.decode("external_id", as: String.self)) }
        #expect(ads.count == 3)
        if google {
            try await harness.simulatorControl("google_ads/review_ad", ["id": ads[0].1, "approval": "APPROVED"])
            try await harness.simulatorControl("google_ads/review_ad", ["id": ads[1].1, "approval": "DISAPPROVED", "topic": "MISLEADING_CLAIMS"])
        } else {
            try await harness.simulatorControl("meta_ads/review_ad", ["id": ads[0].1, "decision": "APPROVED"])
            try await harness.simulatorControl("meta_ads/review_ad", ["id": ads[1].1, "decision": "DISAPPROVED",
                                                                      "reason": "Your ad makes claims that are misleading."])
        }
        _ = try Self.sync(harness).sync(campaignID: fixture.campaignID, organizationID: try harness.organizationID(key: fixture.key))
        reviews = try await Self.reviews(harness, fixture)
        let approved = try #require(reviews[ads[0].0]), disapproved = try #require(reviews[ads[1].0]), pending = try #require(reviews[ads[2].0])
        #expect(approved["status"] as? String == "APPROVED", "\(approved)")
        #expect(approved["platformStatus"] as? String == (google ? "APPROVED / REVIEWED" : "ACTIVE"))
        #expect((approved["reasons"] as? [String]) == [])
        #expect(disapproved["status"] as? String == "DISAPPROVED", "\(disapproved)")
        #expect((disapproved["reasons"] as? [String]) == [google ? "MISLEADING_CLAIMS (PROHIBITED)" : "Your ad makes claims that are misleading."])
        #expect(pending["status"] as? String == "UNDER_REVIEW")
        #expect((pending["checkedAt"] as? String)?.hasSuffix("Z") == true)
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_review_statuses") == 3)
    }

    /// Once the review time has passed without a decision, the platform shows the ad approved.
    @Test func reviewEndsInApprovalAfterItsDelay() async throws {
        let (harness, fixture) = try await LiveEditTests.launched("meta_ads")
        defer { harness.stop() }
        try await harness.simulatorControl("meta_ads/review_delay", ["seconds": 0])
        _ = try Self.sync(harness).sync(campaignID: fixture.campaignID, organizationID: try harness.organizationID(key: fixture.key))
        let reviews = try await Self.reviews(harness, fixture)
        #expect(reviews.values.map { $0["status"] as? String } == Array(repeating: "APPROVED", count: 3), "\(reviews)")
    }
}
