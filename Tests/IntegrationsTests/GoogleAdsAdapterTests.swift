import Campaigns
import Foundation
import Integrations
import Postgres
import Simulator
import Testing
import TestSupport

/// Launch specs shaped like the demo's "Spicy Jalapeño Chips" campaign.
enum GoogleAdsSpecs {
    static let campaignID = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    static func campaign(amount: Decimal = Decimal(string: "40.00")!, objective: Objective = .sales) -> CampaignLaunchSpec {
        CampaignLaunchSpec(campaignID: campaignID, name: "Spicy Jalapeño Chips – Search", objective: objective, budgetType: .daily,
                           budgetAmount: amount, currency: "USD")
    }

    static func adGroup(campaignID: String, name: String = "Ad group – Snackers", locations: [String] = ["US", "US-CA"],
                        ageMin: Int = 18, ageMax: Int = 34, interests: [String] = ["snacks", "spicy food"],
                        keywords: [Keyword] = [Keyword(text: "spicy chips", matchType: .phrase), Keyword(text: "jalapeño chips", matchType: .exact)]) -> AdGroupLaunchSpec {
        AdGroupLaunchSpec(unitID: UUID(), name: name, externalCampaignID: campaignID, objective: .sales, budgetType: .daily,
                          budgetAllocation: nil, currency: "USD", locations: locations, ageMin: ageMin, ageMax: ageMax, interests: interests,
                          keywords: keywords)
    }

    /// Three headlines (the first's two parts and one more) and two descriptions: the fewest Google takes.
    static func ad(adGroupID: String, headline: String = "New Spicy Jalapeño Chips | 20% Off") -> AdLaunchSpec {
        var spec = AdLaunchSpec(creativeID: UUID(), externalAdGroupID: adGroupID, headline: headline,
                                description: "Kettle cooked, seriously hot. Free shipping on your first box.", mediaURL: nil,
                                callToAction: .shopNow, landingURL: "https://tastychips.example/jalapeno", advertiserName: "Tasty Chips Co.")
        spec.moreHeadlines = ["Kettle Cooked Heat"]
        spec.moreDescriptions = ["Order today, crunch tomorrow."]
        return spec
    }
}

/// The Google Ads adapter against the simulator: what it creates there, statuses, metrics, dry runs.
@Suite(.serialized) struct GoogleAdsAdapterTests {
    @Test func launchCreatesExactlyTheExpectedObjects() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let adapter = google.adapter

        let campaignID = try adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let first = try adapter.createAdGroup(GoogleAdsSpecs.adGroup(campaignID: campaignID), in: account)
        let second = try adapter.createAdGroup(
            GoogleAdsSpecs.adGroup(campaignID: campaignID, name: "Ad group – Foodies", locations: ["US-CA", "US-OR"], ageMin: 25, ageMax: 65, interests: []),
            in: account)
        let adID = try adapter.createAd(GoogleAdsSpecs.ad(adGroupID: first), in: account)
        #expect(adID.hasPrefix("\(first)~"))

        let budgets = try await google.objects("campaignBudgets")
        #expect(budgets.count == 1)
        #expect(budgets.first?["amountMicros"] as? String == "40000000")
        let campaigns = try await google.objects("campaigns")
        #expect(campaigns.count == 1)
        let campaign = try #require(campaigns.first)
        #expect(campaign["id"] as? String == campaignID)
        // Our campaign id's first 8 hex digits mark the name, so a retried launch can find it again.
        #expect(campaign["name"] as? String == "Spicy Jalapeño Chips – Search · 6f9619ff")
        #expect(campaign["advertisingChannelType"] as? String == "SEARCH")
        #expect(campaign["status"] as? String == "ENABLED")
        #expect(campaign["maximizeConversionValue"] != nil)
        #expect(campaign["campaignBudget"] as? String == budgets.first?["resourceName"] as? String)

        let adGroups = try await google.objects("adGroups")
        #expect(adGroups.map { ($0["name"] as? String)?.components(separatedBy: " · ").first } == ["Ad group – Snackers", "Ad group – Foodies"])
        #expect(adGroups.allSatisfy { $0["campaign"] as? String == "customers/1234567890/campaigns/\(campaignID)" })

        // Locations: the union of both ad groups', once each, on the campaign.
        let locations = try await google.objects("campaignCriteria").compactMap { ($0["location"] as? [String: Any])?["geoTargetConstant"] as? String }
        #expect(Set(locations) == ["geoTargetConstants/2840", "geoTargetConstants/21137", "geoTargetConstants/21170"])
        #expect(locations.count == 3)

        // Ages: 18–34 excludes 35+; 25–65+ excludes 18–24. Interests: not sent (Search takes keywords).
        let criteria = try await google.objects("adGroupCriteria")
        func excluded(_ adGroupID: String) -> Set<String> {
            Set(criteria.filter { ($0["adGroup"] as? String)?.hasSuffix("/\(adGroupID)") == true && $0["negative"] as? Bool == true }
                .compactMap { ($0["ageRange"] as? [String: Any])?["type"] as? String })
        }
        #expect(excluded(first) == ["AGE_RANGE_35_44", "AGE_RANGE_45_54", "AGE_RANGE_55_64", "AGE_RANGE_65_UP"])
        #expect(excluded(second) == ["AGE_RANGE_18_24"])
        #expect(try await google.objects("customAudiences").isEmpty)
        #expect(criteria.filter { $0["customAudience"] != nil }.isEmpty)
        // Keywords: one KEYWORD criterion each, on its own ad group.
        func keywords(_ adGroupID: String) -> [String] {
            criteria.filter { ($0["adGroup"] as? String)?.hasSuffix("/\(adGroupID)") == true }
                .compactMap { $0["keyword"] as? [String: Any] }.map { "\($0["text"] as? String ?? "") \($0["matchType"] as? String ?? "")" }
        }
        #expect(keywords(first) == ["spicy chips PHRASE", "jalapeño chips EXACT"])
        #expect(keywords(second) == ["spicy chips PHRASE", "jalapeño chips EXACT"])

        let ads = try await google.objects("adGroupAds")
        #expect(ads.count == 1)
        let ad = try #require(ads.first?["ad"] as? [String: Any])
        let rsa = try #require(ad["responsiveSearchAd"] as? [String: Any])
        #expect((rsa["headlines"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["New Spicy Jalapeño Chips", "20% Off", "Kettle Cooked Heat"])
        #expect((rsa["descriptions"] as? [[String: Any]])?.compactMap { $0["text"] as? String } == ["Kettle cooked, seriously hot. Free shipping on your first box.", "Order today, crunch tomorrow."])
        #expect(ad["finalUrls"] as? [String] == ["https://tastychips.example/jalapeno"])
    }

    /// A retried launch adopts what the lost answers created: the campaign and ad group by their marked names
    /// (quotes, backslashes and " AND " in a name stay inside the GAQL string), the ad by its content.
    @Test func aRetryAdoptsObjectsFoundByMarkedNameAndContent() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let adapter = google.adapter
        var campaign = GoogleAdsSpecs.campaign()
        campaign.name = #"O'Brien's "hot" AND \ chips' OR campaign.name != 'x"#
        let campaignID = try adapter.createCampaign(campaign, in: account)
        var adGroup = GoogleAdsSpecs.adGroup(campaignID: campaignID, name: "Snackers ' AND ad_group.id = 1")
        let adGroupID = try adapter.createAdGroup(adGroup, in: account)
        var ad = GoogleAdsSpecs.ad(adGroupID: adGroupID)
        let adID = try adapter.createAd(ad, in: account)

        campaign.adoptExisting = true
        adGroup.adoptExisting = true
        ad.adoptExisting = true
        #expect(try adapter.createCampaign(campaign, in: account) == campaignID)
        #expect(try adapter.createAdGroup(adGroup, in: account) == adGroupID)
        #expect(try adapter.createAd(ad, in: account) == adID)
        #expect(try await google.objects("campaigns").count == 1)
        #expect(try await google.objects("adGroups").count == 1)
        #expect(try await google.objects("adGroupAds").count == 1)

        // Nothing matches another campaign's marker, another ad group's name, or other ad texts: those are created.
        var other = GoogleAdsSpecs.campaign()
        other.campaignID = UUID()
        other.adoptExisting = true
        #expect(try adapter.createCampaign(other, in: account) != campaignID)
        var otherAd = GoogleAdsSpecs.ad(adGroupID: adGroupID, headline: "Other chips | Same bag")
        otherAd.adoptExisting = true
        #expect(try adapter.createAd(otherAd, in: account) != adID)
        #expect(try await google.objects("campaigns").count == 2)
        #expect(try await google.objects("adGroupAds").count == 2)
    }

    @Test func statusesRoundTrip() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let adapter = google.adapter
        let campaignID = try adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let adGroupID = try adapter.createAdGroup(GoogleAdsSpecs.adGroup(campaignID: campaignID), in: account)

        try adapter.setCampaignStatus(.paused, externalCampaignID: campaignID, in: account)
        try adapter.setAdGroupStatus(.paused, externalAdGroupID: adGroupID, in: account)
        #expect(try await google.objects("campaigns").map { $0["status"] as? String } == ["PAUSED"])
        #expect(try await google.objects("adGroups").map { $0["status"] as? String } == ["PAUSED"])
        try adapter.setCampaignStatus(.active, externalCampaignID: campaignID, in: account)
        try adapter.setAdGroupStatus(.active, externalAdGroupID: adGroupID, in: account)
        #expect(try await google.objects("campaigns").map { $0["status"] as? String } == ["ENABLED"])
        #expect(try await google.objects("adGroups").map { $0["status"] as? String } == ["ENABLED"])

        let error = try #require(throws: PlatformError.self) { try adapter.setCampaignStatus(.paused, externalCampaignID: "999", in: account) }
        #expect(error == .invalidRequest(message: "Google Ads: Resource was not found. [mutateError: RESOURCE_NOT_FOUND]", field: "operations[0].update.resource_name"))
    }

    @Test func metricsAreNormalizedFromMicros() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let adapter = google.adapter
        let live = try adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let other = try adapter.createCampaign(GoogleAdsSpecs.campaign(objective: .traffic), in: account)
        let today = CalendarDate(daysSinceUnixEpoch: Int(Date().timeIntervalSince1970 / 86_400))

        let result = try adapter.fetchNormalizedMetrics(externalCampaignIDs: [live, other], from: today.adding(days: -6), to: today, in: account)
        #expect(result.unknownPlatformMetrics.isEmpty)
        // Created today: only today delivered.
        #expect(Set(result.metrics.map(\.date)) == [today])
        for id in [live, other] {
            let expected = SimulatedMetrics.day(objectID: id, day: today.description)
            let values = Dictionary(uniqueKeysWithValues: result.metrics.filter { $0.externalCampaignID == id }.map { ($0.key, $0.value) })
            #expect(values == [
                "impressions": Decimal(expected.impressions), "clicks": Decimal(expected.clicks),
                "spend": Decimal(expected.spendMinor) / 100, "conversions": Decimal(expected.conversions),
                "conversion_value": Decimal(expected.conversionValueMinor) / 100,
            ])
        }
        #expect(try adapter.fetchNormalizedMetrics(externalCampaignIDs: [live], from: today.adding(days: -6), to: today.adding(days: -1), in: account).metrics.isEmpty)
        // Backdated three days on the simulator, the campaign delivered on those days too.
        try await google.control("google_ads/backdate", ["id": live, "days": 3])
        let history = try adapter.fetchNormalizedMetrics(externalCampaignIDs: [live], from: today.adding(days: -6), to: today, in: account)
        #expect(Set(history.metrics.map(\.date)) == Set((0...3).map { today.adding(days: -$0) }))
        #expect(throws: PlatformError.self) {
            try adapter.fetchNormalizedMetrics(externalCampaignIDs: ["1) OR (1"], from: today, to: today, in: account)
        }
    }

    @Test func unknownPlatformMetricsAreReported() throws {
        // Google sends a metric we have no definition for (a query asking for more, or a newer API version).
        let rows: [[String: Any]] = [[
            "campaign": ["resourceName": "customers/1/campaigns/7", "id": "7"], "segments": ["date": "2026-11-20"],
            "metrics": ["costMicros": "1234500000", "allConversions": 3.0, "clicks": "12", "conversionsValue": 0.1 + 0.2, "conversions": 2.0],
        ]]
        let result = GoogleAdsMetrics.normalize(rows)
        #expect(result.unknownPlatformMetrics == ["allConversions"])
        #expect(result.metrics.map(\.key).sorted() == ["clicks", "conversion_value", "conversions", "spend"])
        #expect(result.metrics.first { $0.key == "conversions" }?.value == 2)
        // A double keeps its shortest form: 0.1 + 0.2 is 0.30000000000000004, no more, no less.
        #expect(result.metrics.first { $0.key == "conversion_value" }?.value == Decimal(string: "0.30000000000000004"))
        #expect(result.metrics.first { $0.key == "spend" }?.value == Decimal(string: "1234.5"))
    }

    @Test func aDryRunPlansTheSameRequestsWithPlaceholdersAndSendsNothing() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let plan = google.adapter.plannedLaunchRequests(
            campaign: GoogleAdsSpecs.campaign(),
            adGroups: [GoogleAdsSpecs.adGroup(campaignID: ""), GoogleAdsSpecs.adGroup(campaignID: "", name: "Second", locations: ["US"], interests: [])],
            ads: [GoogleAdsSpecs.ad(adGroupID: "")], in: account)
        #expect(plan.map(\.method) == ["POST", "POST", "POST", "POST"])
        #expect(plan.map { $0.url.replacingOccurrences(of: google.server.url.absoluteString, with: "") } == [
            "/google-ads/v26/customers/1234567890/googleAds:mutate", "/google-ads/v26/customers/1234567890/googleAds:mutate",
            "/google-ads/v26/customers/1234567890/googleAds:mutate", "/google-ads/v26/customers/1234567890/adGroupAds:mutate",
        ])
        // Bodies are JSON (slashes escaped); read them back unescaped.
        let bodies = try plan.map { try #require($0.body).replacingOccurrences(of: "\\/", with: "/") }
        #expect(bodies[0].contains("\"amountMicros\":\"40000000\""))
        #expect(bodies[0].contains("\"maximizeConversionValue\":{}"))
        #expect(bodies[1].contains("customers/1234567890/campaigns/{campaign}"))
        #expect(bodies[1].contains("geoTargetConstants/2840"))
        // The second ad group's "US" is already planned by the first.
        #expect(!bodies[2].contains("geoTargetConstants/2840"))
        #expect(bodies[3].contains("customers/1234567890/adGroups/{adGroup}"))
        #expect(try await google.objects("campaigns").isEmpty)
        #expect(try await google.requestCount(":mutate") == 0)

        let unknownRegion = google.adapter.plannedLaunchRequests(
            campaign: GoogleAdsSpecs.campaign(), adGroups: [GoogleAdsSpecs.adGroup(campaignID: "", locations: ["XX-YY"])], ads: [], in: account)
        #expect(unknownRegion.map(\.method) == ["POST", "NONE"])
        #expect(unknownRegion[1].step.contains("no geo target for the location \"XX-YY\""))
    }

    @Test func theSimulatorRefusesWhatGoogleRefuses() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let adapter = google.adapter
        let campaignID = try adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let adGroupID = try adapter.createAdGroup(GoogleAdsSpecs.adGroup(campaignID: campaignID), in: account)

        let tooLong = try #require(throws: PlatformError.self) {
            try adapter.createAd(GoogleAdsSpecs.ad(adGroupID: adGroupID, headline: "Short | Thirty-one characters long, yes"), in: account)
        }
        #expect(tooLong == .invalidRequest(
            message: "Google Ads: Too long: 31 characters, at most 30. [stringLengthError: TOO_LONG]",
            field: "operations[0].create.ad.responsive_search_ad.headlines[1].text"))

        let longDescription = GoogleAdsSpecs.ad(adGroupID: adGroupID)
        var tooLongDescription = longDescription
        tooLongDescription.description = String(repeating: "d", count: 91)
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: Too long: 91 characters, at most 90. [stringLengthError: TOO_LONG]",
            field: "operations[0].create.ad.responsive_search_ad.descriptions[0].text")) { try adapter.createAd(tooLongDescription, in: account) }
        var noDescription = longDescription
        noDescription.description = nil
        noDescription.moreDescriptions = []
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: The required field was not present. [fieldError: REQUIRED]",
            field: "operations[0].create.ad.responsive_search_ad.descriptions")) { try adapter.createAd(noDescription, in: account) }
        // A responsive search ad needs 3 to 15 headlines and 2 to 4 descriptions.
        var twoHeadlines = longDescription
        twoHeadlines.moreHeadlines = []
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: Too few. [collectionSizeError: TOO_FEW]",
            field: "operations[0].create.ad.responsive_search_ad.headlines")) { try adapter.createAd(twoHeadlines, in: account) }
        var oneDescription = longDescription
        oneDescription.moreDescriptions = []
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: Too few. [collectionSizeError: TOO_FEW]",
            field: "operations[0].create.ad.responsive_search_ad.descriptions")) { try adapter.createAd(oneDescription, in: account) }
        var fiveDescriptions = longDescription
        fiveDescriptions.moreDescriptions = ["Two.", "Three.", "Four.", "Five."]
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: Too many. [collectionSizeError: TOO_MANY]",
            field: "operations[0].create.ad.responsive_search_ad.descriptions")) { try adapter.createAd(fiveDescriptions, in: account) }
        // Google's editorial policy is checked when the ad is created: capitals and repeated symbols are a policy finding.
        for (headline, index) in [("Chips | FREE shipping", 1), ("Chips | Hot!", 1), ("Chips $$ | Hot", 0)] {
            #expect(throws: PlatformError.invalidRequest(
                message: "Google Ads: The resource has been disapproved since the policy summary includes policy topics of type PROHIBITED. [policyFindingError: POLICY_FINDING]",
                field: "operations[0].create.ad.responsive_search_ad.headlines[\(index)].text")) {
                try adapter.createAd(GoogleAdsSpecs.ad(adGroupID: adGroupID, headline: headline), in: account)
            }
        }

        // A total budget needs the campaign's end (v23+), in Google's date-time format.
        var total = GoogleAdsSpecs.campaign()
        total.budgetType = .lifetime
        #expect(throws: PlatformError.invalidRequest(
            message: "Google Ads: Campaigns with total budgets must have end date/time specified. [campaignError: END_DATE_TIME_REQUIRED_FOR_TOTAL_BUDGET]",
            field: "mutate_operations[1].campaign_operation.create.end_date_time")) { try adapter.createCampaign(total, in: account) }
        total.campaignID = UUID()
        total.endDate = "2031-01-31"
        _ = try adapter.createCampaign(total, in: account)

        // Half a cent is a whole number of micros but not of the currency's minimum unit.
        let halfCent = try #require(throws: PlatformError.self) { try adapter.createCampaign(GoogleAdsSpecs.campaign(amount: Decimal(string: "10.005")!), in: account) }
        #expect(halfCent == .invalidRequest(
            message: "Google Ads: The budget amount must be a multiple of the minimum currency unit (10000 micros). [campaignBudgetError: NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT]",
            field: "mutate_operations[0].campaign_budget_operation.create.amount_micros"))
        // Less than a micro is refused before anything is sent.
        #expect(throws: PlatformError.invalidRequest(message: "The budget 10.0000001 USD is not a positive whole number of micros.", field: "budget.amount")) {
            try adapter.createCampaign(GoogleAdsSpecs.campaign(amount: Decimal(string: "10.0000001")!), in: account)
        }
        #expect(throws: PlatformError.self) {
            try adapter.createCampaign(GoogleAdsSpecs.campaign(), in: google.account(OAuthTokens(accessToken: account.accessToken, refreshToken: nil, expiresAt: nil), currency: "CAD"))
        }
        // A failed googleAds:mutate leaves nothing behind: only the first campaign and the total-budget one exist.
        #expect(try await google.objects("campaignBudgets").count == 2)
        #expect(try await google.objects("campaigns").count == 2)
        #expect(try await google.objects("adGroupAds").isEmpty)
        // An acronym of three capitals and one exclamation mark in a description pass.
        _ = try adapter.createAd(GoogleAdsSpecs.ad(adGroupID: adGroupID, headline: "USA BBQ Chips | Hot"), in: account)
        #expect(try await google.objects("adGroupAds").count == 1)
    }

    @Test func microsConvertExactly() {
        #expect(GoogleAdsMicros.micros(Decimal(string: "12.34")!) == 12_340_000)
        #expect(GoogleAdsMicros.micros(Decimal(string: "0.000001")!) == 1)
        #expect(GoogleAdsMicros.micros(Decimal(string: "0.0000015")!) == nil)
        #expect(GoogleAdsMicros.micros(Decimal(string: "999999999999.99")!) == 999_999_999_999_990_000)
        #expect(GoogleAdsMicros.amount(micros: 12_340_000) == Decimal(string: "12.34"))
        #expect(GoogleAdsMicros.amount(microsText: "1") == Decimal(string: "0.000001"))
        #expect(GoogleAdsTargeting.excludedAgeRanges(ageMin: 18, ageMax: 65).isEmpty)
        #expect(GoogleAdsTargeting.excludedAgeRanges(ageMin: 30, ageMax: 50) == ["AGE_RANGE_18_24", "AGE_RANGE_55_64", "AGE_RANGE_65_UP"])
    }
}
