import Campaigns
import Foundation
import Integrations
import Testing
import TestSupport

/// Google's ad group contract, against the strict simulator: a googleAds:mutate carrying a member
/// `MutateOperation` lacks is refused whole, keyword criteria are held to KeywordInfo's limits, and
/// geoTargetConstants:suggest answers Google's ids.
@Suite(.serialized) struct GoogleAdsTargetingContractTests {
    func adGroupRequest(_ google: GoogleAdsFixture, token: String, campaignID: String, extra: [GoogleAdsOperation]) -> PlatformRequest {
        let customer = "customers/1234567890"
        let operations: [GoogleAdsOperation] = [
            .create("adGroupOperation", ["resourceName": "\(customer)/adGroups/-1", "name": "Contract", "campaign": "\(customer)/campaigns/\(campaignID)",
                                         "status": "ENABLED", "type": "SEARCH_STANDARD"]),
        ] + extra
        return google.provider.batchMutateRequest(customerID: "1234567890", operations: operations, accessToken: token)
    }

    func keyword(_ text: String, _ matchType: String) -> GoogleAdsOperation {
        .create("adGroupCriterionOperation", ["adGroup": "customers/1234567890/adGroups/-1", "status": "ENABLED",
                                              "keyword": ["text": text, "matchType": matchType]])
    }

    func failure(_ response: HTTPResponse) throws -> (status: String, errorCode: [String: String], field: String?) {
        let error = try #require(try response.json()["error"] as? [String: Any])
        let details = error["details"] as? [[String: Any]] ?? []
        let first = details.flatMap { $0["errors"] as? [[String: Any]] ?? [] }.first
        let violation = details.flatMap { $0["fieldViolations"] as? [[String: Any]] ?? [] }.first
        let path = ((first?["location"] as? [String: Any])?["fieldPathElements"] as? [[String: Any]])?.compactMap { $0["fieldName"] as? String }
        return (error["status"] as? String ?? "", first?["errorCode"] as? [String: String] ?? [:],
                violation?["field"] as? String ?? path?.joined(separator: "."))
    }

    func launchedCampaign(_ google: GoogleAdsFixture) async throws -> (String, String) {
        let tokens = try await google.connect()
        let campaignID = try google.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: google.account(tokens))
        return (tokens.accessToken, campaignID)
    }

    @Test func aCustomAudienceOperationInGoogleAdsMutateRefusesTheWholeRequest() async throws {
        let google = try GoogleAdsFixture()
        let (token, campaignID) = try await launchedCampaign(google)
        let audience = GoogleAdsOperation.create("customAudienceOperation", [
            "resourceName": "customers/1234567890/customAudiences/-2", "name": "Interests", "type": "AUTO", "status": "ENABLED",
            "members": [["memberType": "KEYWORD", "keyword": "snacks"]],
        ])
        let refused = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [keyword("spicy chips", "PHRASE"), audience]))
        #expect(refused.status == 400)
        let (status, _, field) = try failure(refused)
        #expect(status == "INVALID_ARGUMENT")
        #expect(field == "mutate_operations[2]")
        #expect(refused.text.contains(#"Unknown name \"customAudienceOperation\""#))
        #expect(try await google.objects("adGroups").isEmpty, "nothing of the refused request exists")

        let accepted = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [keyword("spicy chips", "PHRASE")]))
        #expect(accepted.status == 200, "\(accepted.text)")
        #expect(try await google.objects("adGroups").count == 1)
    }

    @Test func keywordsAreHeldToKeywordInfoLimits() async throws {
        let google = try GoogleAdsFixture()
        let (token, campaignID) = try await launchedCampaign(google)
        let cases: [(String, String, String)] = [
            (String(repeating: "a", count: 81), "PHRASE", "KEYWORD_TEXT_TOO_LONG"),
            ("one two three four five six seven eight nine ten eleven", "BROAD", "KEYWORD_HAS_TOO_MANY_WORDS"),
            ("   ", "EXACT", "INVALID_KEYWORD_TEXT"),
        ]
        for (text, matchType, code) in cases {
            let response = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [keyword(text, matchType)]))
            #expect(response.status == 400)
            let (status, errorCode, field) = try failure(response)
            #expect(status == "INVALID_ARGUMENT")
            #expect(errorCode == ["criterionError": code])
            #expect(field?.hasSuffix("keyword.text") == true, "\(field ?? "no field")")
        }
        let fuzzy = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [keyword("spicy chips", "FUZZY")]))
        #expect(fuzzy.status == 400)
        #expect(try failure(fuzzy).field == "keyword.match_type")
        let missing = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [
            .create("adGroupCriterionOperation", ["adGroup": "customers/1234567890/adGroups/-1", "keyword": ["text": "spicy chips"]]),
        ]))
        #expect(try failure(missing).errorCode == ["fieldError": "REQUIRED"])
        let exact = try await RawPlatformRequest.send(adGroupRequest(google, token: token, campaignID: campaignID, extra: [
            keyword("one two three four five six seven eight nine ten", "EXACT"), keyword(String(repeating: "b", count: 80), "BROAD"),
        ]))
        #expect(exact.status == 200, "\(exact.text)")
    }

    @Test func geoTargetSuggestionsCarryGooglesIds() async throws {
        let google = try GoogleAdsFixture()
        let token = try await google.connect().accessToken
        let states = try google.provider.suggestGeoTargets(query: "New York", accessToken: token)
        #expect(states.map(\.id) == ["21167", "1023191"])
        #expect(states.map(\.kind) == [.region, .city])
        #expect(states.first?.detail == "New York, United States")
        #expect(try google.provider.suggestGeoTargets(query: "Wyoming", accessToken: token).map(\.id) == ["21184"])
        #expect(try google.provider.suggestGeoTargets(query: "United States", accessToken: token).map(\.id) == ["2840"])
        // The application's table of legacy codes agrees with the simulator's.
        #expect(TargetingEntry.legacyLocation("US-CA").googleID == "21137")
        #expect(TargetingEntry.legacyLocation("US-WI").googleID == "21182")
        #expect(TargetingEntry.legacyLocation("US").metaID == "US")
    }
}
