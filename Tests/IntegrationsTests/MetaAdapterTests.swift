import Campaigns
import Foundation
import Integrations
import Postgres
import Simulator
import Testing

/// The Meta adapter over the provider, against the simulated Graph API: what it creates, switches and reads.
@Suite struct MetaAdapterTests {
    static let accountID = "1000000001"

    func campaignSpec(_ amount: String = "50.00", type: BudgetType = .daily, currency: String = "USD") -> CampaignLaunchSpec {
        CampaignLaunchSpec(campaignID: UUID(), name: "Spicy Jalapeño Launch", objective: .sales, budgetType: type,
                           budgetAmount: Decimal(string: amount)!, currency: currency)
    }

    func adGroupSpec(campaignID: String) -> AdGroupLaunchSpec {
        var spec = AdGroupLaunchSpec(unitID: UUID(), name: "West Coast snackers", externalCampaignID: campaignID, objective: .sales,
                          budgetType: .daily, budgetAllocation: nil, currency: "USD",
                          locations: [TargetingEntry.legacyLocation("US"),
                                      TargetingEntry(kind: .region, name: "California", countryCode: "US", googleID: "21137", metaID: "3847"),
                                      TargetingEntry(kind: .city, name: "Portland", countryCode: "US", metaID: "2513815")],
                          ageMin: 25, ageMax: 45,
                          interests: [TargetingEntry(kind: .interest, name: "Snack foods", metaID: "6003346592981"),
                                      TargetingEntry(kind: .interest, name: "Spicy food", metaID: "6003384248805")])
        spec.metaPixelID = Self.pixel
        spec.pageID = Self.page
        return spec
    }

    /// The simulator's Page its person can advertise for, and one they can only see insights of.
    static let page = "102030405060708"
    static let pageWithoutAdvertising = "102030405060709"
    /// The simulator's pixel (`GET act_{id}/adspixels`): Sales ad sets optimize for it.
    static let pixel = "556677889900112"

    func adSpec(adSetID: String, headline: String = "New Spicy Jalapeño Chips | 20% Off", page: String? = MetaAdapterTests.page) -> AdLaunchSpec {
        var spec = AdLaunchSpec(creativeID: UUID(), externalAdGroupID: adSetID, headline: headline,
                                description: "Kettle cooked, seriously hot.", mediaURL: "https://cdn.example/jalapeno.jpg",
                                callToAction: .shopNow, landingURL: "https://tastychips.example/jalapeno", advertiserName: "Tasty Chips Co.")
        spec.pageID = page
        return spec
    }

    func fields(_ object: [String: Any]?) -> [String: Any] { object?["fields"] as? [String: Any] ?? [:] }

    /// A simulator connected through OAuth, the demo's USD account with its token, and the adapter.
    func connected() async throws -> (MetaSimulatorFixture, OAuthTokens, PlatformAccount, MetaAdsAdapter) {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        let account = PlatformAccount(externalAccountID: Self.accountID, currency: "USD", accessToken: tokens.accessToken)
        return (meta, tokens, account, MetaAdsAdapter(provider: meta.provider))
    }

    @Test func aLaunchCreatesExactlyTheExpectedObjects() async throws {
        let (meta, _, account, adapter) = try await connected()

        let launched = campaignSpec()
        let campaignID = try adapter.createCampaign(launched, in: account)
        let adSetID = try adapter.createAdGroup(adGroupSpec(campaignID: campaignID), in: account)
        let ad = adSpec(adSetID: adSetID)
        let adID = try adapter.createAd(ad, in: account)

        let campaigns = try await meta.objects("campaign"), adSets = try await meta.objects("adset")
        let creatives = try await meta.objects("adcreative"), ads = try await meta.objects("ad")
        #expect([campaigns.count, adSets.count, creatives.count, ads.count] as [Int] == [1, 1, 1, 1])
        #expect(campaigns[0]["id"] as? String == campaignID)
        #expect(campaigns[0]["accountID"] as? String == Self.accountID)
        let campaign = fields(campaigns[0])
        #expect(campaign["name"] as? String == LaunchMarker.name("Spicy Jalapeño Launch", id: launched.campaignID))
        #expect(campaign["objective"] as? String == "OUTCOME_SALES")
        #expect(campaign["daily_budget"] as? String == "5000")
        #expect(campaign["lifetime_budget"] == nil)
        #expect(campaign["status"] as? String == "ACTIVE")
        #expect((campaign["special_ad_categories"] as? [String]) == [])

        #expect(adSets[0]["id"] as? String == adSetID)
        let adSet = fields(adSets[0])
        #expect(adSet["campaign_id"] as? String == campaignID)
        #expect(adSet["optimization_goal"] as? String == "OFFSITE_CONVERSIONS")
        #expect(adSet["billing_event"] as? String == "IMPRESSIONS")
        let targeting = try #require(adSet["targeting"] as? [String: Any])
        let geo = try #require(targeting["geo_locations"] as? [String: Any])
        #expect(geo["countries"] as? [String] == ["US"])
        #expect((geo["regions"] as? [[String: String]]) == [["key": "3847"]])
        #expect((geo["cities"] as? [[String: String]]) == [["key": "2513815"]])
        #expect(targeting["age_min"] as? Int == 25)
        #expect(targeting["age_max"] as? Int == 45)
        #expect((targeting["targeting_automation"] as? [String: Int]) == ["advantage_audience": 0])
        #expect((targeting["flexible_spec"] as? [[String: [[String: String]]]])
                == [["interests": [["id": "6003346592981", "name": "Snack foods"], ["id": "6003384248805", "name": "Spicy food"]]]])

        let creativeID = try #require(creatives[0]["id"] as? String)
        let linkData = try #require((fields(creatives[0])["object_story_spec"] as? [String: Any])?["link_data"] as? [String: Any])
        #expect(linkData["name"] as? String == "New Spicy Jalapeño Chips")
        #expect(linkData["message"] as? String == "Kettle cooked, seriously hot.")
        #expect(linkData["link"] as? String == "https://tastychips.example/jalapeno")
        #expect(linkData["picture"] as? String == "https://cdn.example/jalapeno.jpg")
        let callToAction = try #require(linkData["call_to_action"] as? [String: Any])
        #expect(callToAction["type"] as? String == "SHOP_NOW")
        #expect((callToAction["value"] as? [String: String]) == ["link": "https://tastychips.example/jalapeno"])
        #expect((fields(creatives[0])["name"] as? String)?.contains(ad.creativeID.uuidString.lowercased()) == true)

        #expect(ads[0]["id"] as? String == adID)
        let adFields = fields(ads[0])
        #expect(adFields["adset_id"] as? String == adSetID)
        #expect((adFields["creative"] as? [String: String]) == ["id": creativeID])
        #expect(adFields["status"] as? String == "ACTIVE")
    }

    @Test func aRefusedAdLeavesNoCreativeBehindSoARetryCreatesEachObjectOnce() async throws {
        let (meta, tokens, account, adapter) = try await connected()
        let campaignID = try adapter.createCampaign(campaignSpec(), in: account)
        let adSetID = try adapter.createAdGroup(adGroupSpec(campaignID: campaignID), in: account)
        let ad = adSpec(adSetID: adSetID)

        // An ad create is not repeated after a 500 (the platform may have made it): the first failure surfaces.
        try await meta.fail("/ads", with: "server_error", times: 1)
        #expect {
            try adapter.createAd(ad, in: account)
        } throws: { error in
            if case PlatformError.transient = error { return true } else { return false }
        }
        #expect(try await meta.objects("adcreative").isEmpty)
        #expect(try await meta.objects("ad").isEmpty)

        let adID = try adapter.createAd(ad, in: account)
        #expect(try await meta.objects("adcreative").count == 1)
        #expect(try await meta.objects("ad").map { $0["id"] as? String } == [adID])
        // A creative in use cannot be deleted.
        let creativeID = try #require(try await meta.objects("adcreative").first?["id"] as? String)
        #expect(throws: PlatformError.self) { try meta.provider.delete(objectID: creativeID, accessToken: tokens.accessToken) }
    }

    /// Lost answers (the simulator applies the create, then answers 500): a retried launch adopts the campaign
    /// and ad set by their marked names within their parent, and reuses the creative, or adopts the ad, it finds.
    @Test func aRetryAdoptsWhatLostAnswersCreated() async throws {
        let (meta, _, account, adapter) = try await connected()
        var campaign = campaignSpec()
        try await meta.fail("/campaigns", with: "server_error_after_apply", times: 1)
        #expect(throws: PlatformError.self) { try adapter.createCampaign(campaign, in: account) }
        campaign.adoptExisting = true
        let campaignID = try adapter.createCampaign(campaign, in: account)
        #expect(try await meta.objects("campaign").map { $0["id"] as? String } == [campaignID])

        var adSet = adGroupSpec(campaignID: campaignID)
        try await meta.fail("/adsets", with: "server_error_after_apply", times: 1)
        #expect(throws: PlatformError.self) { try adapter.createAdGroup(adSet, in: account) }
        adSet.adoptExisting = true
        let adSetID = try adapter.createAdGroup(adSet, in: account)
        #expect(try await meta.objects("adset").map { $0["id"] as? String } == [adSetID])

        // The creative was made but its answer lost: the retry places that creative in the ad.
        var ad = adSpec(adSetID: adSetID)
        try await meta.fail("/adcreatives", with: "server_error_after_apply", times: 1)
        #expect(throws: PlatformError.self) { try adapter.createAd(ad, in: account) }
        #expect(try await meta.objects("adcreative").count == 1)
        #expect(try await meta.objects("ad").isEmpty)
        ad.adoptExisting = true
        let adID = try adapter.createAd(ad, in: account)
        let creativeID = try #require(try await meta.objects("adcreative").first?["id"] as? String)
        #expect(try await meta.objects("adcreative").count == 1)
        #expect(try await meta.objects("ad").map { ($0["fields"] as? [String: Any])?["creative"] as? [String: String] } == [["id": creativeID]])

        // The ad was made but its answer lost: adopted, not made again.
        var second = adSpec(adSetID: adSetID, headline: "Second chips")
        try await meta.fail("act_\(Self.accountID)/ads", with: "server_error_after_apply", times: 1)
        #expect(throws: PlatformError.self) { try adapter.createAd(second, in: account) }
        second.adoptExisting = true
        let secondID = try adapter.createAd(second, in: account)
        #expect(Set(try await meta.objects("ad").compactMap { $0["id"] as? String }) == [adID, secondID])
        #expect(try await meta.objects("adcreative").count == 2)

        // Another campaign's marker is not adopted.
        var other = campaignSpec()
        other.adoptExisting = true
        #expect(try adapter.createCampaign(other, in: account) != campaignID)
    }

    @Test func budgetsAreExactMinorUnitsOfTheAccountCurrency() async throws {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        try await meta.control("meta_ads/add_account", ["accountId": "1000000003", "name": "Tasty Chips Co. Japan", "currency": "JPY"])
        let adapter = MetaAdsAdapter(provider: meta.provider)
        let yen = PlatformAccount(externalAccountID: "1000000003", currency: "JPY", accessToken: tokens.accessToken)
        let euro = PlatformAccount(externalAccountID: "1000000002", currency: "EUR", accessToken: tokens.accessToken)

        _ = try adapter.createCampaign(campaignSpec("5000", type: .lifetime, currency: "JPY"), in: yen)
        _ = try adapter.createCampaign(campaignSpec("12.34", currency: "EUR"), in: euro)
        #expect {
            try adapter.createCampaign(campaignSpec("12.5", currency: "JPY"), in: yen)
        } throws: { error in
            guard case PlatformError.invalidRequest(_, let field) = error else { return false }
            return field == "budget.amount"
        }
        #expect(throws: PlatformError.self) { try adapter.createCampaign(campaignSpec("0.001"), in: euro) }

        let budgets = try await meta.objects("campaign").map { fields($0) }
        #expect(budgets.count == 2)
        #expect(budgets[0]["lifetime_budget"] as? String == "5000")
        #expect(budgets[1]["daily_budget"] as? String == "1234")
        #expect(MetaCurrency.amount(minorUnits: 1234, currency: "EUR") == Decimal(string: "12.34"))
        #expect(MetaCurrency.amount(minorUnits: 5000, currency: "JPY") == 5000)
    }

    @Test func statusChangesRoundTrip() async throws {
        let (meta, _, account, adapter) = try await connected()
        let campaignID = try adapter.createCampaign(campaignSpec(), in: account)
        let adSetID = try adapter.createAdGroup(adGroupSpec(campaignID: campaignID), in: account)

        func statuses() async throws -> [String?] {
            try await [meta.objects("campaign")[0], meta.objects("adset")[0]].map { fields($0)["status"] as? String }
        }
        try adapter.setCampaignStatus(.paused, externalCampaignID: campaignID, in: account)
        try adapter.setAdGroupStatus(.paused, externalAdGroupID: adSetID, in: account)
        #expect(try await statuses() == ["PAUSED", "PAUSED"])
        try adapter.setCampaignStatus(.active, externalCampaignID: campaignID, in: account)
        try adapter.setAdGroupStatus(.active, externalAdGroupID: adSetID, in: account)
        #expect(try await statuses() == ["ACTIVE", "ACTIVE"])

        #expect {
            try adapter.setCampaignStatus(.paused, externalCampaignID: "999", in: account)
        } throws: { error in
            if case PlatformError.invalidRequest = error { return true } else { return false }
        }
    }

    @Test func metricsAreNormalizedOntoOurKeys() async throws {
        let (meta, _, account, adapter) = try await connected()
        defer { withExtendedLifetime(meta) {} }  // the simulator runs as long as its fixture lives
        let first = try adapter.createCampaign(campaignSpec(), in: account)
        let second = try adapter.createCampaign(campaignSpec(), in: account)
        let paused = try adapter.createCampaign(campaignSpec(), in: account)
        let notAsked = try adapter.createCampaign(campaignSpec(), in: account)
        _ = notAsked
        try adapter.setCampaignStatus(.paused, externalCampaignID: paused, in: account)

        let today = CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        let result = try adapter.fetchNormalizedMetrics(
            externalCampaignIDs: [first, second, paused], from: today.adding(days: -3), to: today, in: account)
        // Active campaigns only, from the day they were created.
        #expect(Set(result.metrics.map(\.externalCampaignID)) == [first, second])
        #expect(Set(result.metrics.map(\.date)) == [today])
        for campaignID in [first, second] {
            let figures = SimulatedMetrics.day(objectID: campaignID, day: today.description)
            let values = Dictionary(uniqueKeysWithValues: result.metrics.filter { $0.externalCampaignID == campaignID }.map { ($0.key, $0.value) })
            #expect(values["impressions"] == Decimal(figures.impressions))
            #expect(values["clicks"] == Decimal(figures.clicks))
            #expect(values["spend"] == Decimal(figures.spendMinor) / 100)
            #expect(values["reach"] == Decimal(figures.impressions * 7 / 10))
            #expect(values["conversions"] == (figures.conversions > 0 ? Decimal(figures.conversions) : nil))
            #expect(values["leads"] == (figures.conversions / 2 > 0 ? Decimal(figures.conversions / 2) : nil))
        }
        #expect(result.unknownPlatformMetrics == ["actions.post_engagement"])
        #expect(try adapter.fetchNormalizedMetrics(externalCampaignIDs: [], from: today, to: today, in: account).metrics.isEmpty)
    }

    @Test func metricsOfManyDaysArriveInOneRequestOverSeveralPages() async throws {
        let (meta, _, account, adapter) = try await connected()
        let first = try adapter.createCampaign(campaignSpec(), in: account)
        let second = try adapter.createCampaign(campaignSpec(), in: account)
        try await meta.control("meta_ads/backdate", ["id": first, "days": 90])
        try await meta.control("meta_ads/backdate", ["id": second, "days": 49])

        let today = CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400))
        let from = today.adding(days: -59)
        let result = try adapter.fetchNormalizedMetrics(externalCampaignIDs: [first, second], from: from, to: today, in: account)
        let impressions = result.metrics.filter { $0.key == "impressions" }
        // 60 days of the first, 50 of the second (from its creation): more rows than one page of 100 holds.
        #expect(impressions.filter { $0.externalCampaignID == first }.count == 60)
        #expect(impressions.filter { $0.externalCampaignID == second }.count == 50)
        #expect(Set(impressions.map(\.date)).count == 60)
        #expect(impressions.map(\.date).min() == from)
        let day = from.adding(days: 5)
        #expect(impressions.first { $0.externalCampaignID == first && $0.date == day }?.value
            == Decimal(SimulatedMetrics.day(objectID: first, day: day.description).impressions))
    }

    @Test func aDryRunPlansTheSameRequestsWithoutSendingOrSecrets() async throws {
        let meta = try MetaSimulatorFixture()
        let secret = "EAAB-very-secret-token"
        let account = PlatformAccount(externalAccountID: Self.accountID, currency: "USD", accessToken: secret)
        let adapter = MetaAdsAdapter(provider: meta.provider)
        let campaign = campaignSpec()
        let adGroups = [adGroupSpec(campaignID: "{campaign}"), adGroupSpec(campaignID: "{campaign}")]
        let ads = [adSpec(adSetID: "{adGroup1}"), adSpec(adSetID: "{adGroup2}")]
        let plan = adapter.plannedLaunchRequests(campaign: campaign, adGroups: adGroups, ads: ads, in: account)

        #expect(plan.map(\.method) == Array(repeating: "POST", count: 7))
        let root = meta.settings.meta.graphURL.absoluteString + "/" + MetaGraphAPI.version + "/act_1000000001/"
        #expect(plan.map(\.url) == ["campaigns", "adsets", "adsets", "adcreatives", "ads", "adcreatives", "ads"].map { root + $0 })
        // The very bodies the provider sends.
        #expect(plan[0] == PlannedPlatformRequest(step: "campaign", request: meta.provider.requests.createCampaign(
            MetaCampaignParameters(name: LaunchMarker.name(campaign.name, id: campaign.campaignID), objective: "OUTCOME_SALES", status: "ACTIVE", budget: .daily(minorUnits: 5000)),
            accountID: Self.accountID)))
        #expect(plan[1].body?.contains(#""campaign_id":"{campaign}""#) == true)
        #expect(plan[4].body?.contains(#""adset_id":"{adGroup1}""#) == true)
        #expect(plan[4].body?.contains(#""creative":{"creative_id":"{creative1}"}"#) == true)
        #expect(plan[6].body?.contains(#""creative_id":"{creative2}""#) == true)
        #expect(plan[3].body?.contains(#""name":"New Spicy Jalapeño Chips""#) == true)
        #expect(plan[3].body?.contains("https://tastychips.example/jalapeno") == true)
        for request in plan {
            #expect(!request.url.contains(secret) && !(request.body ?? "").contains(secret))
            #expect(!(request.body ?? "").contains(meta.settings.meta.appSecret))
        }
        #expect(try await meta.objects("campaign").isEmpty)

        // A budget the currency cannot express shows as a step refused before sending.
        let refused = adapter.plannedLaunchRequests(campaign: campaignSpec("12.5", currency: "JPY"), adGroups: [], ads: [], in: account)
        #expect(refused.count == 1)
        #expect(refused[0].url == root + "campaigns")
        #expect(refused[0].body?.hasPrefix("refused before sending: invalid request (budget.amount)") == true)
    }

    @Test func theSimulatorRefusesHeadlinesOverFortyCharactersAndUnknownCallsToAction() async throws {
        let (meta, tokens, account, adapter) = try await connected()
        let campaignID = try adapter.createCampaign(campaignSpec(), in: account)
        let adSetID = try adapter.createAdGroup(adGroupSpec(campaignID: campaignID), in: account)

        let tooLong = String(repeating: "é", count: 41)
        #expect {
            try adapter.createAd(adSpec(adSetID: adSetID, headline: tooLong + " | Short"), in: account)
        } throws: { error in
            guard case PlatformError.invalidRequest(let message, let field) = error else { return false }
            return field == "object_story_spec.link_data.name" && message.contains("41 characters") && !message.contains(tokens.accessToken)
        }
        // Forty characters pass.
        _ = try adapter.createAd(adSpec(adSetID: adSetID, headline: String(repeating: "é", count: 40)), in: account)

        // Every creative runs as a Page the person can advertise for (object_story_spec.page_id).
        for (page, reason) in [(nil, "page_id is required"), (Self.pageWithoutAdvertising, "cannot advertise for the Page")] as [(String?, String)] {
            #expect {
                try adapter.createAd(adSpec(adSetID: adSetID, page: page), in: account)
            } throws: { error in
                guard case PlatformError.invalidRequest(let message, let field) = error else { return false }
                return field == "object_story_spec.page_id" && message.contains("Object story spec is ill formed") && message.contains(reason)
                    && message.contains("subcode 1443048")
            }
        }
        #expect(try meta.provider.listPages(accessToken: tokens.accessToken) == [PlatformPage(id: Self.page, name: "Tasty Chips")])

        // A conversions ad set optimizes for the account's pixel and an event (promoted_object).
        var noPixel = adGroupSpec(campaignID: campaignID)
        noPixel.metaPixelID = nil
        #expect {
            try adapter.createAdGroup(noPixel, in: account)
        } throws: { error in
            guard case PlatformError.invalidRequest(_, let field) = error else { return false }
            return field == "promoted_object"
        }

        // Under a lifetime budget an ad set needs an end_time.
        let lifetimeCampaign = try adapter.createCampaign(campaignSpec("900.00", type: .lifetime), in: account)
        var unending = adGroupSpec(campaignID: lifetimeCampaign)
        #expect {
            try adapter.createAdGroup(unending, in: account)
        } throws: { error in
            guard case PlatformError.invalidRequest(let message, let field) = error else { return false }
            return field == "end_time" && message.contains("needs an end_time")
        }
        unending.endDate = "2031-01-31"
        _ = try adapter.createAdGroup(unending, in: account)

        #expect {
            try meta.provider.createCreative(
                MetaCreativeParameters(name: "x", pageID: Self.page, message: nil, headline: "Chips", link: "https://tastychips.example", picture: nil,
                                       callToActionType: "BUY_CHIPS"),
                accountID: Self.accountID, accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.invalidRequest(_, let field) = error else { return false }
            return field == "object_story_spec.link_data.call_to_action.type"
        }
        #expect {
            try meta.provider.createAdSet(
                MetaAdSetParameters(name: "No place", campaignID: campaignID,
                                    targeting: MetaTargeting(countries: [], regions: [], ageMin: 18, ageMax: 65, interests: []),
                                    billingEvent: "IMPRESSIONS", optimizationGoal: "LINK_CLICKS", status: "ACTIVE"),
                accountID: Self.accountID, accessToken: tokens.accessToken)
        } throws: { error in
            guard case PlatformError.invalidRequest(_, let field) = error else { return false }
            return field == "targeting.geo_locations"
        }
        #expect(try await meta.objects("adcreative").count == 1)
        #expect(try await meta.objects("ad").count == 1)
    }
}
