import Campaigns
import Foundation
import Integrations
import Testing
import TestSupport

/// Meta's ad set targeting contract, against the strict simulator: each request sent without (or with a bad)
/// field is refused with the Graph API's error, and the same request done right is accepted.
@Suite struct MetaTargetingContractTests {
    static let accountID = "1000000001"

    /// A campaign to put ad sets in, and the token.
    func campaign(_ meta: MetaSimulatorFixture) async throws -> (campaignID: String, token: String) {
        let token = try await meta.connect().accessToken
        let campaignID = try meta.provider.createCampaign(
            MetaCampaignParameters(name: "Contract", objective: "OUTCOME_TRAFFIC", status: "PAUSED", budget: .daily(minorUnits: 5000)),
            accountID: Self.accountID, accessToken: token)
        return (campaignID, token)
    }

    func adSet(_ campaignID: String, _ targeting: MetaTargeting) -> MetaAdSetParameters {
        MetaAdSetParameters(name: "Ad set", campaignID: campaignID, targeting: targeting, billingEvent: "IMPRESSIONS",
                            optimizationGoal: "LINK_CLICKS", status: "PAUSED")
    }

    /// The request's `targeting` replaced by `targeting` (JSON text), as a raw Graph API answer.
    func post(_ meta: MetaSimulatorFixture, _ campaignID: String, token: String, targeting: String) async throws -> HTTPResponse {
        var request = meta.provider.requests.createAdSet(adSet(campaignID, MetaTargeting(countries: ["US"], regions: [], ageMin: 18, ageMax: 65, interests: [])),
                                                         accountID: Self.accountID)
        guard case .json(let data) = request.body, var fields = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw TestSupportError("ad set body is not JSON")
        }
        fields["targeting"] = targeting
        request.body = .json(try JSONSerialization.data(withJSONObject: fields))
        return try await RawPlatformRequest.send(request, bearer: token)
    }

    func graphError(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try response.json()["error"] as? [String: Any])
    }

    @Test func anAdSetWithoutTheAdvantageAudienceFlagIsRefusedWithSubcode1870227() async throws {
        let meta = try MetaSimulatorFixture()
        let (campaignID, token) = try await campaign(meta)
        let without = try await post(meta, campaignID, token: token, targeting: #"{"geo_locations":{"countries":["US"]},"age_min":25,"age_max":45}"#)
        #expect(without.status == 400)
        let error = try graphError(without)
        #expect(error["code"] as? Int == 100)
        #expect(error["error_subcode"] as? Int == 1_870_227)
        #expect(error["error_user_title"] as? String == "Advantage Audience Flag Required")

        let with = try await post(meta, campaignID, token: token,
                                  targeting: #"{"geo_locations":{"countries":["US"]},"age_min":25,"age_max":45,"targeting_automation":{"advantage_audience":0}}"#)
        #expect(with.status == 200)
        #expect(try with.json()["id"] is String)
    }

    @Test func regionsCitiesAndInterestsMustBeIdsFromTargetingSearch() async throws {
        let meta = try MetaSimulatorFixture()
        let (campaignID, token) = try await campaign(meta)
        let flag = #""targeting_automation":{"advantage_audience":0}"#
        for (targeting, blamed) in [
            (#"{"geo_locations":{"regions":[{"key":"US-CA"}]},\#(flag)}"#, "regions"),
            (#"{"geo_locations":{"cities":[{"key":"Los Angeles"}]},\#(flag)}"#, "cities"),
            (#"{"geo_locations":{"countries":["XX"]},\#(flag)}"#, "countries"),
            (#"{"geo_locations":{"countries":["US"]},"flexible_spec":[{"interests":[{"name":"Snacks"}]}],\#(flag)}"#, "interests"),
        ] {
            let response = try await post(meta, campaignID, token: token, targeting: targeting)
            #expect(response.status == 400, "\(targeting)")
            let error = try graphError(response)
            #expect(error["code"] as? Int == 100)
            let blame = ((error["error_data"] as? [String: Any])?["blame_field_specs"] as? [[String]])?.first ?? []
            #expect(blame.last == blamed, "\(targeting) blamed \(blame)")
        }
        let valid = try await post(meta, campaignID, token: token, targeting: """
            {"geo_locations":{"regions":[{"key":"3847"}],"cities":[{"key":"2418779"}]},
             "flexible_spec":[{"interests":[{"id":"6003346592981","name":"Snack foods"}]}],\(flag)}
            """)
        #expect(valid.status == 200, "\(valid.text)")
    }

    @Test func theProviderSearchesLocationsAndInterestsWithTheirIds() async throws {
        let meta = try MetaSimulatorFixture()
        let token = try await meta.connect().accessToken
        let places = try meta.provider.targetingSearch(interests: false, query: "califor", accessToken: token)
        #expect(places == [PlatformTargetingOption(kind: .region, id: "3847", name: "California", countryCode: "US", detail: "United States")])
        let interests = try meta.provider.targetingSearch(interests: true, query: "snack", accessToken: token)
        #expect(interests.map(\.id) == ["6003346592981"])
        #expect(interests.first?.name == "Snack foods")
    }

    /// Meta requires `dsa_beneficiary` and `dsa_payor` on ad sets reaching the EU (a country, region or city in
    /// it); elsewhere they are not needed.
    @Test func anAdSetReachingTheEUNeedsItsBeneficiaryAndPayer() async throws {
        let meta = try MetaSimulatorFixture()
        let (campaignID, token) = try await campaign(meta)
        let eu = MetaTargeting(countries: ["US", "FR"], regions: [], ageMin: 18, ageMax: 65, interests: [])
        for (beneficiary, payor, blamed) in [(nil, nil, "dsa_beneficiary"), ("Tasty Chips Co.", nil, "dsa_payor"), (nil, "Tasty Chips Co.", "dsa_beneficiary")] {
            var adSet = adSet(campaignID, eu)
            adSet.dsaBeneficiary = beneficiary
            adSet.dsaPayor = payor
            let refused = try await RawPlatformRequest.send(meta.provider.requests.createAdSet(adSet, accountID: Self.accountID), bearer: token)
            #expect(refused.status == 400)
            let error = try graphError(refused)
            #expect(error["code"] as? Int == 100)
            #expect(error["error_user_title"] as? String == "Beneficiary and payer required")
            #expect(((error["error_data"] as? [String: Any])?["blame_field_specs"] as? [[String]]) == [[blamed]])
        }
        var complete = adSet(campaignID, eu)
        complete.dsaBeneficiary = "Tasty Chips Co."
        complete.dsaPayor = "Tasty Chips Co. GmbH"
        #expect(try meta.provider.createAdSet(complete, accountID: Self.accountID, accessToken: token).isEmpty == false)
        let stored = try await meta.state()["objects"] as? [[String: Any]] ?? []
        #expect(stored.contains { ($0["fields"] as? [String: Any])?["dsa_payor"] as? String == "Tasty Chips Co. GmbH" }, "\(stored)")
        // Outside the EU no one asks.
        let us = adSet(campaignID, MetaTargeting(countries: ["US"], regions: [], ageMin: 18, ageMax: 65, interests: []))
        #expect(try meta.provider.createAdSet(us, accountID: Self.accountID, accessToken: token).isEmpty == false)
    }
}

/// Meta fetches a `picture` itself, so it must be public; an uploaded image is named by the hash `adimages` answered.
@Suite struct MetaImageContractTests {
    @Test func creativesTakePublicPicturesOrHashesOfTheAccountsImages() async throws {
        let meta = try MetaSimulatorFixture()
        let token = try await meta.connect().accessToken
        func creative(picture: String? = nil, hash: String? = nil) -> MetaCreativeParameters {
            var creative = MetaCreativeParameters(name: "Card", pageID: "102030405060708", message: "Crunch", headline: "Chips",
                                                  link: "https://www.tastychips.co", picture: picture, callToActionType: "SHOP_NOW")
            creative.imageHash = hash
            return creative
        }
        for privateURL in ["http://127.0.0.1:8080/media/a.jpg", "http://localhost/a.jpg", "https://10.1.2.3/a.jpg", "http://192.168.0.4/a.png"] {
            #expect(throws: PlatformError.self, "\(privateURL)") {
                try meta.provider.createCreative(creative(picture: privateURL), accountID: "1000000001", accessToken: token)
            }
        }
        #expect(throws: PlatformError.self) {
            try meta.provider.createCreative(creative(hash: "0123456789abcdef0123456789abcdef"), accountID: "1000000001", accessToken: token)
        }
        #expect(throws: PlatformError.self) { try meta.provider.uploadImage(Data("not an image".utf8), accountID: "1000000001", accessToken: token) }

        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        let hash = try meta.provider.uploadImage(png, accountID: "1000000001", accessToken: token)
        #expect(hash.count == 32)
        #expect(try meta.provider.uploadImage(png, accountID: "1000000001", accessToken: token) == hash, "the same bytes, the same hash")
        #expect(try meta.provider.createCreative(creative(hash: hash), accountID: "1000000001", accessToken: token).isEmpty == false)
        // Another account does not have it.
        #expect(throws: PlatformError.self) {
            try meta.provider.createCreative(creative(hash: hash), accountID: "1000000002", accessToken: token)
        }
        #expect(try meta.provider.createCreative(creative(picture: "https://cdn.tastychips.co/a.jpg"), accountID: "1000000001", accessToken: token).isEmpty == false)
    }
}
