import Foundation
import Postgres
import Testing
import TestSupport

/// Launch, pause, resume and complete against the simulated platforms and the real database, for both platforms.
@Suite struct LaunchOnSimulatorTests {
    static let platforms = ["google_ads", "meta_ads"]
    /// A USD account the simulator seeds for each platform.
    static let seededAccount = ["google_ads": "1234567890", "meta_ads": "1000000001"]

    /// A server with the simulator, an organization connected through OAuth, and a campaign ready to launch.
    static func setUp(_ platform: String) async throws -> (APITestHarness, LaunchFixture) {
        let harness = try APITestHarness(simulator: true)
        do {
            let key = try harness.organization(named: "Tasty Chips Co.")
            let (_, accounts) = try await harness.connect(platform, key: key)
            let external = try #require(seededAccount[platform])
            let account = try #require(accounts.first { $0.key.hasSuffix(external) }?.value, "\(accounts)")
            return (harness, try await LaunchFixture.make(harness, key: key, platform: platform, account: account))
        } catch {
            harness.stop()
            throw error
        }
    }

    func launch(_ harness: APITestHarness, _ fixture: LaunchFixture, dryRun: Bool = false) async throws -> [String: Any] {
        try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": dryRun], key: fixture.key)
    }

    func objects(_ harness: APITestHarness, _ platform: String) async throws -> SimulatedObjects {
        SimulatedObjects(try await harness.simulatorState(platform), platform: platform)
    }

    static let fullLaunchLog = [
        "create_campaign:success", "create_ad_group:success", "create_ad:success", "create_ad:success",
        "create_ad_group:success", "create_ad:success", "launch:success",
    ]

    @Test(arguments: platforms) func dryRunThenFullLaunch(platform: String) async throws {
        let (harness, fixture) = try await Self.setUp(platform)
        defer { harness.stop() }

        // A dry run: every request a launch would send, without secrets, and nothing sent or changed.
        let dry = try await launch(harness, fixture, dryRun: true)
        #expect(dry["errors"] == nil, "\(dry)")
        let dryResult = try #require(data(dry, "launchCampaign") as? [String: Any])
        #expect(dryResult["dryRun"] as? Bool == true)
        let planned = try #require(dryResult["plannedRequests"] as? [[String: Any]])
        #expect(planned.count == (platform == "google_ads" ? 6 : 9), "\(planned)")
        #expect(planned.allSatisfy { $0["method"] as? String == "POST" && ($0["url"] as? String)?.hasPrefix("http") == true })
        let plannedText = String(decoding: try JSONSerialization.data(withJSONObject: planned), as: UTF8.self)
        #expect(plannedText.contains("Spicy Jalape"))
        #expect(plannedText.contains("{campaign}"))
        let token = try harness.rows(
            "SELECT pgp_sym_decrypt(access_token, \(TestServer.tokenKey)) AS token FROM integrations")[0].decode("token", as: String.self)
        #expect(!plannedText.contains(token))
        #expect(try await objects(harness, platform).counts == [0, 0, 0])
        #expect(try harness.status(fixture.campaignID) == "draft")
        #expect(try harness.logSteps(fixture.campaignID).isEmpty)

        // The launch: every id recorded, one log entry per step, live.
        let body = try await launch(harness, fixture)
        #expect(body["errors"] == nil, "\(body)")
        let campaign = try #require((data(body, "launchCampaign") as? [String: Any])?["campaign"] as? [String: Any])
        #expect(campaign["status"] as? String == "LIVE")
        let externalCampaign = try #require(campaign["externalCampaignId"] as? String)
        let unitIDs = (campaign["units"] as? [[String: Any]] ?? []).compactMap { $0["externalId"] as? String }
        #expect(unitIDs.count == 2)
        let adIDs = try harness.rows("SELECT external_id FROM ad_creatives WHERE external_id IS NOT NULL ORDER BY created_at")
            .map { try $0.decode("external_id", as: String.self) }
        #expect(adIDs.count == 3)
        #expect(try harness.logSteps(fixture.campaignID) == Self.fullLaunchLog)

        // The platform holds exactly those objects, with the budget in its units, the targeting and the texts.
        let state = try await objects(harness, platform)
        #expect(state.counts == [1, 2, 3], "\(state.counts)")
        #expect(state.campaigns[0].id.hasSuffix(externalCampaign))
        #expect(Set(state.adGroups.map { $0.id.split(separator: "/").last.map(String.init) ?? "" }) == Set(unitIDs))
        if platform == "google_ads" {
            #expect(state.budgets.count == 1)
            #expect(state.budgets.first?.fields["amountMicros"] as? String == "25500000", "\(state.budgets)")
            #expect(state.campaigns[0].fields["name"] as? String == "Spicy Jalapeño Launch · \(fixture.campaignID.uuidString.prefix(8).lowercased())")
            #expect(state.campaigns[0].fields["maximizeConversionValue"] != nil)
            let locations = Set(state.extras.compactMap { ($0.fields["location"] as? [String: Any])?["geoTargetConstant"] as? String })
            #expect(locations == ["geoTargetConstants/2840", "geoTargetConstants/21137", "geoTargetConstants/2276"], "\(state.extras)")
            let headlines = state.ads.map { ad -> [String] in
                let rsa = ((ad.fields["ad"] as? [String: Any])?["responsiveSearchAd"] as? [String: Any])?["headlines"] as? [[String: Any]] ?? []
                return rsa.compactMap { $0["text"] as? String }
            }
            // Every headline of each creative, the fewest a responsive search ad takes; and two descriptions each.
            #expect(Set(headlines) == Set((1...3).map { ["Jalapeño Chips Ad \($0)", "Spicy and Crunchy", "Kettle Cooked Heat"] }),
                    "\(state.ads)")
            let descriptions = state.ads.map { ad -> Int in
                let rsa = ((ad.fields["ad"] as? [String: Any])?["responsiveSearchAd"] as? [String: Any])?["descriptions"] as? [[String: Any]] ?? []
                return rsa.count
            }
            #expect(descriptions == [2, 2, 2])
        } else {
            let fields = state.campaigns[0].fields
            #expect("\(fields["daily_budget"] ?? "")" == "2550", "\(fields)")
            #expect(fields["objective"] as? String == "OUTCOME_SALES")
            let targetings = state.adGroups.map { group -> String in
                let targeting = group.fields["targeting"] as? [String: Any] ?? [:]
                let geo = targeting["geo_locations"] as? [String: Any] ?? [:]
                return "\(geo["countries"] ?? "") \(targeting["age_min"] ?? "")-\(targeting["age_max"] ?? "")"
            }
            #expect(Set(targetings) == ["[\"US\"] 18-34", "[\"DE\"] 35-65"], "\(state.adGroups.map(\.fields))")
            #expect(state.extras.count == 3)
            let titles = Set(state.extras.compactMap { creative -> String? in
                let spec = creative.fields["object_story_spec"] as? [String: Any]
                let link = spec?["link_data"] as? [String: Any]
                return link?["name"] as? String ?? creative.fields["title"] as? String
            })
            // Meta's card shows the first headline.
            #expect(titles == ["Jalapeño Chips Ad 1", "Jalapeño Chips Ad 2", "Jalapeño Chips Ad 3"], "\(state.extras.map(\.fields))")
        }

        // Launching again is refused (the campaign is live) and creates nothing.
        let again = try await launch(harness, fixture)
        #expect((extensions(again)["problems"] as? [[String: Any]])?.first?["field"] as? String == "status")
        #expect(try await objects(harness, platform).counts == [1, 2, 3])
    }

    /// A failure at the campaign, then at the second unit, then at the third ad; each attempt continues where
    /// the previous stopped, and the platform ends with exactly one of each object.
    @Test(arguments: platforms) func failuresAtEachStepThenRetry(platform: String) async throws {
        let (harness, fixture) = try await Self.setUp(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"
        let campaignPath = google ? "googleAds:mutate" : "/campaigns"
        let adGroupPath = google ? "googleAds:mutate" : "/adsets"
        // Meta creates each ad's creative first: failing the third ad at its creative leaves nothing half made.
        let adPath = google ? "adGroupAds:mutate" : "/adcreatives"

        try await harness.failNext(platform, path: campaignPath)
        let first = try await launch(harness, fixture)
        #expect(extensions(first)["code"] as? String == "PLATFORM_UNAVAILABLE", "\(first)")
        #expect(extensions(first)["step"] as? String == "create_campaign")
        #expect(try harness.status(fixture.campaignID) == "error")
        #expect(try harness.logSteps(fixture.campaignID) == ["create_campaign:error"])
        #expect(try await objects(harness, platform).counts == [0, 0, 0])

        // Google's first googleAds:mutate of this attempt is the campaign's: let it and the first unit's through.
        try await harness.failNext(platform, path: adGroupPath, after: google ? 2 : 1)
        try await harness.failNext(platform, path: adPath, after: 2)
        let second = try await launch(harness, fixture)
        #expect(extensions(second)["step"] as? String == "create_ad_group", "\(second)")
        #expect(try harness.status(fixture.campaignID) == "error")
        #expect(try await objects(harness, platform).counts == [1, 1, 2])
        // Shown as `error` here, where it cannot be paused, the half-launched campaign does not deliver there either.
        let active = google ? "ENABLED" : "ACTIVE"
        func campaignStatuses() async throws -> [String] {
            try await objects(harness, platform).campaigns.map { $0.fields["status"] as? String ?? "?" }
        }
        #expect(try await campaignStatuses() == ["PAUSED"])
        // A dry run now plans only what is missing (the second unit and its ad), under the known campaign id, and
        // enabling the held campaign last.
        let plan = try await launch(harness, fixture, dryRun: true)
        let planned = try #require((data(plan, "launchCampaign") as? [String: Any])?["plannedRequests"] as? [[String: Any]], "\(plan)")
        #expect(planned.count == (google ? 3 : 4), "\(planned)")
        #expect((planned.last?["body"] as? String)?.contains(active) == true, "\(planned)")
        let externalCampaign: String = try harness.rows("SELECT external_campaign_id FROM campaign_platform_maps")[0].decode("external_campaign_id")
        let plannedText = String(decoding: try JSONSerialization.data(withJSONObject: planned), as: UTF8.self)
        #expect(plannedText.contains(externalCampaign) && !plannedText.contains("{campaign}"))
        #expect(plannedText.contains("Unit 2") && !plannedText.contains("Unit 1"))

        let third = try await launch(harness, fixture)
        #expect(extensions(third)["step"] as? String == "create_ad", "\(third)")
        #expect(try await objects(harness, platform).counts == [1, 2, 2])
        #expect(try await campaignStatuses() == ["PAUSED"])

        let last = try await launch(harness, fixture)
        #expect(last["errors"] == nil, "\(last)")
        #expect(try harness.status(fixture.campaignID) == "live")
        let state = try await objects(harness, platform)
        #expect(state.counts == [1, 2, 3])
        #expect(try await campaignStatuses() == [active])
        if !google { #expect(state.extras.count == 3) }
        #expect(try harness.logSteps(fixture.campaignID) == [
            "create_campaign:error",
            "create_campaign:success", "create_ad_group:success", "create_ad:success", "create_ad:success", "create_ad_group:error",
            "create_ad_group:success", "create_ad:error",
            "create_ad:success", "launch:success",
        ])
        let reasons = try harness.rows("SELECT message FROM campaign_execution_logs WHERE status = 'error' ORDER BY created_at")
            .map { try $0.decode("message", as: String.self) }
        #expect(reasons.count == 3)
        #expect(reasons.allSatisfy { $0.contains("failed") && $0.count > 40 }, "\(reasons)")
        #expect(reasons.dropFirst().allSatisfy { $0.contains("paused on") }, "\(reasons)")
        #expect(try harness.scalar("SELECT count(*)::int FROM campaign_platform_maps") == 1)
    }

    /// Pause and resume on the platform (campaign and ad groups), a pause the platform fails, then complete.
    @Test(arguments: platforms) func pauseResumeAndComplete(platform: String) async throws {
        let (harness, fixture) = try await Self.setUp(platform)
        defer { harness.stop() }
        let launched = try await launch(harness, fixture)
        #expect(launched["errors"] == nil, "\(launched)")
        let active = platform == "google_ads" ? "ENABLED" : "ACTIVE"
        func statuses() async throws -> [String] {
            let state = try await objects(harness, platform)
            return (state.campaigns + state.adGroups).map { $0.fields["status"] as? String ?? "?" }
        }
        #expect(try await statuses() == Array(repeating: active, count: 3))

        let pause = "mutation($id: ID!) { pauseCampaign(id: $id) { status } }"
        let resume = "mutation($id: ID!) { resumeCampaign(id: $id) { status } }"
        var body = try await harness.send(pause, ["id": fixture.campaign], key: fixture.key)
        #expect((data(body, "pauseCampaign") as? [String: Any])?["status"] as? String == "PAUSED", "\(body)")
        #expect(try await statuses() == Array(repeating: "PAUSED", count: 3))
        body = try await harness.send(resume, ["id": fixture.campaign], key: fixture.key)
        #expect((data(body, "resumeCampaign") as? [String: Any])?["status"] as? String == "LIVE", "\(body)")
        #expect(try await statuses() == Array(repeating: active, count: 3))

        // The platform fails the pause: the campaign stays live here, and the failure is logged.
        try await harness.failNext(platform, path: "", times: 4)
        body = try await harness.send(pause, ["id": fixture.campaign], key: fixture.key)
        #expect(extensions(body)["code"] as? String == "PLATFORM_UNAVAILABLE", "\(body)")
        #expect(try harness.status(fixture.campaignID) == "live")
        #expect(try await statuses() == Array(repeating: active, count: 3))

        body = try await harness.send(pause, ["id": fixture.campaign], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        body = try await harness.send("mutation($id: ID!) { completeCampaign(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect((data(body, "completeCampaign") as? [String: Any])?["status"] as? String == "COMPLETED", "\(body)")
        #expect(try await statuses() == Array(repeating: "PAUSED", count: 3))
        #expect(try harness.logSteps(fixture.campaignID) == Self.fullLaunchLog + [
            "pause:success", "resume:success", "pause:error", "pause:success", "complete:success",
        ])

        // The execution log through the API, newest first.
        let log = try await harness.succeed(
            "query($id: ID!) { campaign(id: $id) { executionLog(first: 3) { edges { node { action status message } } } } }",
            ["id": fixture.campaign], key: fixture.key)
        let edges = ((log["campaign"] as? [String: Any])?["executionLog"] as? [String: Any])?["edges"] as? [[String: Any]] ?? []
        let nodes = edges.compactMap { $0["node"] as? [String: Any] }
        #expect(nodes.map { $0["action"] as? String } == ["complete", "pause", "pause"])
        #expect(nodes.map { $0["status"] as? String } == ["SUCCESS", "SUCCESS", "ERROR"])
    }

    /// Google says the token expired in the middle of a launch: the token is refreshed, the step retried, and the
    /// launch finishes; tokens expired on Google's side are refreshed for a pause too.
    @Test func expiredGoogleTokenIsRefreshedMidLaunch() async throws {
        let (harness, fixture) = try await Self.setUp("google_ads")
        defer { harness.stop() }
        func storedToken() throws -> String {
            try harness.rows("SELECT pgp_sym_decrypt(access_token, \(TestServer.tokenKey)) AS token FROM integrations")[0].decode("token")
        }
        let before = try storedToken()
        try await harness.failNext("google_ads", path: "googleAds:mutate", after: 1, failure: "expired_token", times: 1)
        let body = try await launch(harness, fixture)
        #expect(body["errors"] == nil, "\(body)")
        #expect(try harness.status(fixture.campaignID) == "live")
        #expect(try harness.logSteps(fixture.campaignID) == Self.fullLaunchLog)
        let refreshed = try storedToken()
        #expect(refreshed != before)
        #expect(try await objects(harness, "google_ads").counts == [1, 2, 3])

        try await harness.simulatorControl("google_ads/expire_tokens")
        let pause = try await harness.send("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect((data(pause, "pauseCampaign") as? [String: Any])?["status"] as? String == "PAUSED", "\(pause)")
        #expect(try storedToken() != refreshed)
    }

    /// Meta says the token expired in the middle of a launch: only the user can renew a Meta connection, so the
    /// launch stops with RECONNECT_REQUIRED, keeping what it created; after connecting again, the retry finishes
    /// it without creating anything twice.
    @Test func aMetaConnectionThatLapsesMidLaunchIsFinishedAfterReconnecting() async throws {
        let (harness, fixture) = try await Self.setUp("meta_ads")
        defer { harness.stop() }
        try await harness.failNext("meta_ads", path: "/adsets", after: 0, failure: "expired_token", times: 1)
        let stopped = try await launch(harness, fixture)
        #expect(firstError(stopped).code == "RECONNECT_REQUIRED", "\(stopped)")
        #expect(try await objects(harness, "meta_ads").counts == [1, 0, 0])

        _ = try await harness.connect("meta_ads", key: fixture.key)
        let finished = try await launch(harness, fixture)
        #expect(finished["errors"] == nil, "\(finished)")
        #expect(try harness.status(fixture.campaignID) == "live")
        #expect(try await objects(harness, "meta_ads").counts == [1, 2, 3])
    }

    /// Two launches of one campaign at once: one launches, the other is refused, and the platform has one campaign.
    @Test(arguments: platforms) func concurrentLaunchesCreateOneCampaign(platform: String) async throws {
        let (harness, fixture) = try await Self.setUp(platform)
        defer { harness.stop() }
        // The campaign step is rate limited three times before the HTTP client's last retry succeeds: the launch
        // that got the lock holds it through the backoff, while the other arrives.
        try await harness.failNext(platform, path: platform == "google_ads" ? "googleAds:mutate" : "/campaigns", failure: "rate_limit", times: 3)
        async let first = launch(harness, fixture)
        async let second = launch(harness, fixture)
        let bodies = try await [first, second]
        let succeeded = bodies.filter { $0["errors"] == nil }
        #expect(succeeded.count == 1, "\(bodies)")
        let refused = bodies.filter { $0["errors"] != nil }
        #expect(refused.count == 1)
        // Refused while the other runs (CONFLICT), or after it finished (the campaign is live by then).
        let code = extensions(refused.first ?? [:])["code"] as? String
        #expect(code == "CONFLICT" || code == "BAD_USER_INPUT", "\(refused)")
        #expect(try await objects(harness, platform).counts == [1, 2, 3])
        #expect(try harness.logSteps(fixture.campaignID) == Self.fullLaunchLog)
    }
}

/// The deployment's daily Google Ads API operations are counted before each request: past them a launch stops
/// with a clear refusal instead of Google's, sends nothing, and goes through once there is room again.
@Suite struct GoogleOperationQuotaTests {
    @Test func aLaunchPastTheDailyOperationsIsRefusedClearlyAndRetriedLater() async throws {
        let harness = try APITestHarness(environment: ["GOOGLE_ADS_DAILY_OPERATIONS": "200"], simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let (_, accounts) = try await harness.connect("google_ads", key: key)
        let account = try #require(accounts.first { $0.key.hasSuffix("1234567890") }?.value, "\(accounts)")
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", account: account)
        let spent: Int = try harness.scalar("SELECT sum(operations)::int FROM platform_operations")
        #expect(spent >= 2, "connecting listed the accounts: \(spent) operations")
        try harness.sql("INSERT INTO platform_operations (platform, minute, operations) VALUES ('google_ads', date_trunc('minute', now() - interval '10 minutes'), \(200 - spent))")

        let refused = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: fixture.key)
        #expect(firstError(refused).code == "PLATFORM_RATE_LIMITED", "\(refused)")
        #expect(firstError(refused).message?.contains("200 of its 200 Google Ads API operations in the last 24 hours") == true, "\(refused)")
        let retryAfter = try #require(extensions(refused)["retryAfter"] as? Double)
        #expect(retryAfter > 85_000 && retryAfter <= 86_400)
        let simulated = try await harness.simulatorState("google_ads")
        #expect(((simulated["objects"] as? [String: Any])?["campaigns"] as? [Any] ?? []).isEmpty, "nothing reached Google")

        // A day later the window has room again; the retried launch finishes.
        try harness.sql("UPDATE platform_operations SET minute = minute - interval '1 day'")
        let launched = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: fixture.key)
        #expect(((launched["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE")
    }
}

/// An agency's client account, reached through the agency's manager account: connecting finds it, and launching,
/// pausing and syncing it send the manager as login-customer-id, which the simulator requires as Google does.
@Suite struct GoogleManagerAccountTests {
    @Test func aClientAccountOfAManagerLaunchesPausesAndSyncsThroughIt() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        try await harness.simulatorControl("google_ads/add_account", ["customerId": "5556667777", "name": "Snack Agency", "currency": "USD", "manager": true])
        try await harness.simulatorControl("google_ads/add_account", [
            "customerId": "7778889999", "name": "Tasty Chips Co. – UK", "currency": "USD", "managerId": "5556667777",
        ])
        let key = try harness.organization(named: "Tasty Chips Co.")
        let (integration, accounts) = try await harness.connect("google_ads", key: key)
        let account = try #require(accounts["7778889999"], "\(accounts)")
        #expect(accounts["5556667777"] == nil)
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_accounts WHERE login_customer_id = '5556667777'") == 1)

        let fixture = try await LaunchFixture.make(harness, key: key, platform: "google_ads", account: account)
        let launched = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        #expect(((launched["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE")
        let paused = try await harness.send("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": fixture.campaign], key: key)
        #expect((data(paused, "pauseCampaign") as? [String: Any])?["status"] as? String == "PAUSED", "\(paused)")
        let synced = try await harness.send("mutation($id: ID!) { syncAdAccounts(integrationId: $id) { externalAccountId } }", ["id": integration], key: key)
        #expect((data(synced, "syncAdAccounts") as? [[String: Any]])?.contains { $0["externalAccountId"] as? String == "7778889999" } == true, "\(synced)")
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_accounts WHERE login_customer_id = '5556667777' AND removed_at IS NULL") == 1)
    }
}
