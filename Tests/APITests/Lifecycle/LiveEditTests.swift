import Foundation
import Postgres
import Testing
import TestSupport

/// Edits of a launched campaign reach its platform with the launch's guarantees: the simulator shows them, a
/// refusal changes nothing on either side and is logged, and a retry after a lost answer duplicates nothing.
@Suite struct LiveEditTests {
    static let platforms = LaunchOnSimulatorTests.platforms

    /// A launched campaign on the simulator.
    static func launched(_ platform: String) async throws -> (APITestHarness, LaunchFixture) {
        let (harness, fixture) = try await LaunchOnSimulatorTests.setUp(platform)
        do {
            let body = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: fixture.key)
            #expect(body["errors"] == nil, "\(body)")
            #expect(try harness.status(fixture.campaignID) == "live")
            return (harness, fixture)
        } catch {
            harness.stop()
            throw error
        }
    }

    static func objects(_ harness: APITestHarness, _ platform: String) async throws -> SimulatedObjects {
        SimulatedObjects(try await harness.simulatorState(platform), platform: platform)
    }

    static let setBudget = "mutation($id: ID!, $amount: Decimal!, $type: BudgetType!) { setCampaignBudget(id: $id, budget: { type: $type, amount: $amount, currency: \"USD\" }) { budget { amount } } }"
    static let rename = "mutation($id: ID!, $name: String!) { updateCampaign(id: $id, input: { name: $name }) { name } }"
    static let addCreative = "mutation($input: CreateAdCreativeInput!) { createAdCreative(input: $input) { id } }"

    /// The platform's budget of the campaign, in its own units (Google micros, Meta minor units).
    static func platformBudget(_ state: SimulatedObjects, _ platform: String) -> String? {
        platform == "google_ads" ? state.budgets.first?.fields["amountMicros"] as? String : state.campaigns.first.map { "\($0.fields["daily_budget"] ?? "")" }
    }

    func localBudget(_ harness: APITestHarness, _ fixture: LaunchFixture) throws -> String {
        try harness.rows("SELECT amount::text AS amount FROM campaign_budgets WHERE campaign_id = \(fixture.campaignID)")[0].decode("amount")
    }

    @Test(arguments: platforms) func budgetAndNameChangesShowOnThePlatform(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"

        var body = try await harness.send(Self.setBudget, ["id": fixture.campaign, "amount": "40.00", "type": "DAILY"], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        #expect(((data(body, "setCampaignBudget") as? [String: Any])?["budget"] as? [String: Any])?["amount"] as? String == "40.00", "\(body)")
        var state = try await Self.objects(harness, platform)
        #expect(Self.platformBudget(state, platform) == (google ? "40000000" : "4000"), "\(state.budgets.map(\.fields)) \(state.campaigns.map(\.fields))")
        #expect(try localBudget(harness, fixture) == "40.00")

        body = try await harness.send(Self.rename, ["id": fixture.campaign, "name": "Spicy Summer"], key: fixture.key)
        #expect((data(body, "updateCampaign") as? [String: Any])?["name"] as? String == "Spicy Summer", "\(body)")
        state = try await Self.objects(harness, platform)
        let marker = fixture.campaignID.uuidString.prefix(8).lowercased()
        #expect(state.campaigns.first?.fields["name"] as? String == "Spicy Summer · \(marker)")
        // Nothing was created by the edits.
        #expect(state.counts == [1, 2, 3])
        #expect(try harness.logSteps(fixture.campaignID) == LaunchOnSimulatorTests.fullLaunchLog + ["update:success", "update:success"])
        #expect(try harness.status(fixture.campaignID) == "live")

        // The same name again changes nothing, on either side or in the log.
        body = try await harness.send(Self.rename, ["id": fixture.campaign, "name": "Spicy Summer"], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        #expect(try harness.logSteps(fixture.campaignID).count == LaunchOnSimulatorTests.fullLaunchLog.count + 2)

        // A paused campaign follows its edits too, and stays paused.
        body = try await harness.send("mutation($id: ID!) { pauseCampaign(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        body = try await harness.send(Self.setBudget, ["id": fixture.campaign, "amount": "45.00", "type": "DAILY"], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        state = try await Self.objects(harness, platform)
        #expect(Self.platformBudget(state, platform) == (google ? "45000000" : "4500"))
        #expect(state.campaigns.first?.fields["status"] as? String == "PAUSED")
        #expect(try harness.status(fixture.campaignID) == "paused")
    }

    /// A live campaign's end date moves on the platform too (Google's campaign end_date_time, every Meta ad set's
    /// end_time); its start date stays, an end cannot be removed or put in the past, and a refusal changes nothing.
    @Test(arguments: platforms) func theEndDateOfALiveCampaignMovesOnThePlatform(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let setDates = "mutation($id: ID!, $s: Date, $e: Date) { setCampaignDates(id: $id, startDate: $s, endDate: $e) { startDate endDate } }"
        let end = CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400) + 30).description
        let body = try await harness.send(setDates, ["id": fixture.campaign, "e": end], key: fixture.key)
        #expect((data(body, "setCampaignDates") as? [String: Any])?["endDate"] as? String == end, "\(body)")
        let state = try await Self.objects(harness, platform)
        if platform == "google_ads" {
            #expect(state.campaigns.first?.fields["endDateTime"] as? String == "\(end) 23:59:59")
        } else {
            #expect(state.adGroups.count == 2)
            #expect(state.adGroups.allSatisfy { $0.fields["end_time"] as? String == "\(end)T23:59:59+0000" }, "\(state.adGroups.map(\.fields))")
        }
        #expect(try harness.logSteps(fixture.campaignID).last == "update:success")
        #expect(state.counts == [1, 2, 3], "nothing created")

        let yesterday = CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400) - 1).description
        for (variables, field) in [(["e": yesterday], "endDate"), (["s": yesterday, "e": end], "startDate"), ([String: String](), "endDate")] {
            let refused = try await harness.send(setDates, (["id": fixture.campaign] as [String: Any]).merging(variables) { $1 }, key: fixture.key)
            #expect(firstError(refused).code == "BAD_USER_INPUT", "\(refused)")
            #expect(firstError(refused).field == field, "\(refused)")
        }
        let kept = try await harness.succeed("query($id: ID!) { campaign(id: $id) { startDate endDate } }", ["id": fixture.campaign], key: fixture.key)
        #expect((kept["campaign"] as? [String: Any])?["endDate"] as? String == end)
    }

    /// Meta refuses a daily budget below its minimum; Google fails the update (server errors through the client's
    /// retries). Either way the budget stays as it was here and there, the campaign stays live, and the log says so.
    @Test(arguments: platforms) func refusedChangeLeavesBothSidesAsTheyWere(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"
        if google { try await harness.failNext(platform, path: "googleAds:mutate", times: 4) }
        let body = try await harness.send(Self.setBudget, ["id": fixture.campaign, "amount": google ? "30.00" : "0.50", "type": "DAILY"], key: fixture.key)
        #expect(extensions(body)["step"] as? String == "update", "\(body)")
        #expect(extensions(body)["code"] as? String == (google ? "PLATFORM_UNAVAILABLE" : "PLATFORM_INVALID_REQUEST"), "\(body)")
        #expect(try localBudget(harness, fixture) == "25.50")
        #expect(Self.platformBudget(try await Self.objects(harness, platform), platform) == (google ? "25500000" : "2550"))
        #expect(try harness.logSteps(fixture.campaignID).last == "update:error")
        let message: String = try harness.rows(
            "SELECT message FROM campaign_execution_logs WHERE campaign_id = \(fixture.campaignID) AND action = 'update'")[0].decode("message")
        #expect(message.contains("nothing changed here"), "\(message)")
        #expect(try harness.status(fixture.campaignID) == "live")

        // What a live campaign cannot change is refused before any request: the budget's type, the objective.
        let typeChange = try await harness.send(Self.setBudget, ["id": fixture.campaign, "amount": "100.00", "type": "LIFETIME"], key: fixture.key)
        #expect(extensions(typeChange)["field"] as? String == "budget.type", "\(typeChange)")
        let objective = try await harness.send(
            "mutation($id: ID!) { updateCampaign(id: $id, input: { objective: TRAFFIC }) { objective } }", ["id": fixture.campaign], key: fixture.key)
        #expect(extensions(objective)["field"] as? String == "objective", "\(objective)")
        #expect(try harness.rows("SELECT objective FROM campaigns WHERE id = \(fixture.campaignID)")[0].decode("objective", as: String.self) == "sales")
        #expect(try localBudget(harness, fixture) == "25.50")
    }

    /// A new creative on a live campaign is launched at once; a revision launches the new version and pauses the
    /// replaced version's ad.
    @Test(arguments: platforms) func newCreativeAndRevisionGoLive(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"
        var input: [String: Any] = [
            "campaignUnitId": fixture.units[1], "headline": "Smoky Chipotle Chips | New | Order Now", "descriptions": ["Smoky and crunchy.", "Order today."],
            "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com/chipotle",
        ]
        if !google { input["mediaUrl"] = "https://cdn.example.com/chipotle.jpg" }
        let body = try await harness.send(Self.addCreative, ["input": input], key: fixture.key)
        #expect(body["errors"] == nil, "\(body)")
        #expect(try await Self.objects(harness, platform).counts == [1, 2, 4])
        let external = try harness.rows("SELECT external_id FROM ad_creatives WHERE headline LIKE 'Smoky%'")[0].decode("external_id", as: String?.self)
        #expect(external != nil)

        let revised = try await harness.send(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { description: \"Now even hotter.\" }) { version } }",
            ["id": fixture.creatives[0]], key: fixture.key)
        #expect((data(revised, "reviseAdCreative") as? [String: Any])?["version"] as? Int == 2, "\(revised)")
        let state = try await Self.objects(harness, platform)
        #expect(state.counts == [1, 2, 5])
        let oldAd: String = try harness.rows(
            "SELECT external_id FROM ad_creatives WHERE version = 1 AND platform_retired_at IS NOT NULL")[0].decode("external_id")
        let paused = state.ads.filter { ($0.fields["status"] as? String) == "PAUSED" }
        #expect(paused.count == 1)
        #expect(paused.first.map { $0.id.hasSuffix(oldAd) } == true, "\(paused.map(\.id)) \(oldAd)")
        #expect(try harness.logSteps(fixture.campaignID) == LaunchOnSimulatorTests.fullLaunchLog + [
            "create_ad:success", "create_ad:success", "retire_ad:success",
        ])
        #expect(try harness.status(fixture.campaignID) == "live")
    }

    /// The new version's ad is created but pausing the replaced one fails: the revision is saved and live, the old ad
    /// still runs, and pushing the changes pauses it (once).
    @Test func replacedAdThatCouldNotBePausedIsPausedByThePush() async throws {
        let (harness, fixture) = try await Self.launched("google_ads")
        defer { harness.stop() }
        // The create goes through; the status update (repeated by the HTTP client) fails every time.
        try await harness.failNext("google_ads", path: "adGroupAds:mutate", after: 1, times: 4)
        let revised = try await harness.send(
            "mutation($id: ID!) { reviseAdCreative(id: $id, input: { description: \"Hotter.\" }) { version } }",
            ["id": fixture.creatives[0]], key: fixture.key)
        #expect(extensions(revised)["pending"] as? Bool == true, "\(revised)")
        #expect(extensions(revised)["step"] as? String == "retire_ad")
        var state = try await Self.objects(harness, "google_ads")
        #expect(state.counts == [1, 2, 4])
        #expect(state.ads.allSatisfy { $0.fields["status"] as? String == "ENABLED" })
        #expect(try harness.rows("SELECT id FROM ad_creatives WHERE version = 2 AND external_id IS NOT NULL").count == 1)

        let push = try await harness.send("mutation($id: ID!) { pushCampaignChanges(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect(push["errors"] == nil, "\(push)")
        state = try await Self.objects(harness, "google_ads")
        #expect(state.counts == [1, 2, 4])
        #expect(state.ads.filter { $0.fields["status"] as? String == "PAUSED" }.count == 1)
        #expect(try harness.logSteps(fixture.campaignID).suffix(3) == ["create_ad:success", "retire_ad:error", "retire_ad:success"])
        _ = try await harness.send("mutation($id: ID!) { pushCampaignChanges(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect(try harness.logSteps(fixture.campaignID).filter { $0 == "retire_ad:success" }.count == 1)
    }

    /// A new unit on a live campaign gets its ad group at once, and its first creative its ad.
    @Test(arguments: platforms) func newUnitGoesLive(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let audience = try await harness.succeed(
            "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id } }",
            ["input": ["name": "Canada", "locations": ["CA"], "ageMin": 21, "ageMax": 44, "interests": [String]()]], key: fixture.key)
        let audienceID = try #require((audience["createAudience"] as? [String: Any])?["id"] as? String)
        let unit = try await harness.send(
            "mutation($input: CreateCampaignUnitInput!) { createCampaignUnit(input: $input) { id externalId } }",
            ["input": ["campaignId": fixture.campaign, "audienceId": audienceID, "name": "Unit 3",
                       "keywords": platform == "google_ads" ? [["text": "maple chips", "matchType": "PHRASE"]] : []]], key: fixture.key)
        let created = try #require(data(unit, "createCampaignUnit") as? [String: Any], "\(unit)")
        let adGroup = try #require(created["externalId"] as? String)
        var state = try await Self.objects(harness, platform)
        #expect(state.counts == [1, 3, 3])
        #expect(state.adGroups.contains { $0.id == adGroup || $0.id.hasSuffix("/\(adGroup)") })

        var input: [String: Any] = [
            "campaignUnitId": try #require(created["id"] as? String), "headline": "Maple Chips | Canada | Order Now", "descriptions": ["Sweet and salty.", "Order today."],
            "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com/maple",
        ]
        if platform == "meta_ads" { input["mediaUrl"] = "https://cdn.example.com/maple.jpg" }
        let creative = try await harness.send(Self.addCreative, ["input": input], key: fixture.key)
        #expect(creative["errors"] == nil, "\(creative)")
        state = try await Self.objects(harness, platform)
        #expect(state.counts == [1, 3, 4])
        #expect(try harness.logSteps(fixture.campaignID) == LaunchOnSimulatorTests.fullLaunchLog + ["create_ad_group:success", "create_ad:success"])
    }

    /// The platform creates the new ad but its answer is lost: the creative is kept pending, and pushing the
    /// campaign's changes adopts the ad instead of creating a second one.
    @Test(arguments: platforms) func lostAnswerThenRetryCreatesNothingTwice(platform: String) async throws {
        let (harness, fixture) = try await Self.launched(platform)
        defer { harness.stop() }
        let google = platform == "google_ads"
        try await harness.failNext(platform, path: google ? "adGroupAds:mutate" : "/ads", failure: "server_error_after_apply")
        var input: [String: Any] = [
            "campaignUnitId": fixture.units[0], "headline": "Salt & Vinegar Chips | Tangy | Order Now", "descriptions": ["Tangy.", "Order today."],
            "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com/salt",
        ]
        if !google { input["mediaUrl"] = "https://cdn.example.com/salt.jpg" }
        let first = try await harness.send(Self.addCreative, ["input": input], key: fixture.key)
        #expect(extensions(first)["code"] as? String == "PLATFORM_UNAVAILABLE", "\(first)")
        #expect(extensions(first)["step"] as? String == "create_ad")
        #expect(extensions(first)["pending"] as? Bool == true, "\(first)")
        func apiExternalIDs() async throws -> [String: Any] {
            let body = try await harness.succeed("query($id: ID!) { campaign(id: $id) { creatives { headline externalId } } }",
                                                 ["id": fixture.campaign], key: fixture.key)
            let creatives = (body["campaign"] as? [String: Any])?["creatives"] as? [[String: Any]] ?? []
            return Dictionary(creatives.map { ($0["headline"] as? String ?? "", $0["externalId"] ?? NSNull()) }, uniquingKeysWith: { a, _ in a })
        }
        #expect(try await apiExternalIDs()["Salt & Vinegar Chips | Tangy | Order Now"] is NSNull)
        // Kept, pending: no platform id, while the platform has the ad.
        let pending = try harness.rows("SELECT external_id FROM ad_creatives WHERE headline LIKE 'Salt%'")
        #expect(pending.count == 1)
        #expect(try pending[0].decode("external_id", as: String?.self) == nil)
        #expect(try await Self.objects(harness, platform).counts == [1, 2, 4])
        #expect(try harness.status(fixture.campaignID) == "live")

        let retry = try await harness.send("mutation($id: ID!) { pushCampaignChanges(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect((data(retry, "pushCampaignChanges") as? [String: Any])?["status"] as? String == "LIVE", "\(retry)")
        let state = try await Self.objects(harness, platform)
        #expect(state.counts == [1, 2, 4])
        if !google { #expect(state.extras.count == 4) }
        let recorded = try harness.rows("SELECT external_id FROM ad_creatives WHERE headline LIKE 'Salt%'")[0].decode("external_id", as: String?.self)
        let adopted = try #require(recorded)
        #expect(state.ads.contains { $0.id == adopted || $0.id.hasSuffix("/\(adopted)") })
        #expect(try harness.logSteps(fixture.campaignID).suffix(2) == ["create_ad:error", "create_ad:success"])
        #expect(try await apiExternalIDs()["Salt & Vinegar Chips | Tangy | Order Now"] as? String == adopted)

        // Pushing again finds nothing to send.
        let again = try await harness.send("mutation($id: ID!) { pushCampaignChanges(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect(again["errors"] == nil, "\(again)")
        #expect(try await Self.objects(harness, platform).counts == [1, 2, 4])
    }

    /// A creative the launch checks refuse (a Google headline part over 30 characters) is not added to a live
    /// campaign: it is removed again, the refusal is logged, and nothing reaches the platform.
    @Test func pushingADraftIsRefused() async throws {
        let (harness, fixture) = try await LaunchOnSimulatorTests.setUp("meta_ads")
        defer { harness.stop() }
        let body = try await harness.send("mutation($id: ID!) { pushCampaignChanges(id: $id) { status } }", ["id": fixture.campaign], key: fixture.key)
        #expect(extensions(body)["code"] as? String == "BAD_USER_INPUT", "\(body)")
        #expect((errors(body).first?["message"] as? String)?.contains("DRAFT") == true)
        #expect(try await Self.objects(harness, "meta_ads").counts == [0, 0, 0])
    }

    @Test func refusedAdditionIsRemoved() async throws {
        let (harness, fixture) = try await Self.launched("google_ads")
        defer { harness.stop() }
        let body = try await harness.send(Self.addCreative, ["input": [
            "campaignUnitId": fixture.units[0], "headline": "An extremely long headline that Google cuts | Ok",
            "description": "Crunchy.", "callToAction": "SHOP_NOW", "landingUrl": "https://chips.example.com/long",
        ]], key: fixture.key)
        #expect(extensions(body)["code"] as? String == "BAD_USER_INPUT", "\(body)")
        #expect((extensions(body)["problems"] as? [[String: Any]])?.isEmpty == false)
        #expect(try harness.rows("SELECT id FROM ad_creatives WHERE headline LIKE 'An extremely%'").isEmpty)
        #expect(try harness.logSteps(fixture.campaignID).last == "refuse_addition:error")
        #expect(try await Self.objects(harness, "google_ads").counts == [1, 2, 3])
    }
}
