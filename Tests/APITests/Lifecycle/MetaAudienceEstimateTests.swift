import Foundation
import Testing
import TestSupport

/// An audience's size as Meta estimates it (`act_{id}/delivery_estimate`), through the simulator.
@Suite struct MetaAudienceEstimateTests {
    static let estimate = "query($a: ID!, $u: ID!) { metaAudienceSizeEstimate(adAccountId: $a, audienceId: $u) { lowerBound upperBound } }"
    static let create = "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id } }"

    @Test func metaEstimatesTheAudiencesMonthlyReach() async throws {
        let harness = try APITestHarness(simulator: true)
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let meta = try await harness.connect("meta_ads", key: key)
        let account = try #require(meta.accounts["1000000001"])
        let google = try await harness.connect("google_ads", key: key)
        let googleAccount = try #require(google.accounts["1234567890"])
        func audience(_ input: [String: Any]) async throws -> String {
            try #require(((try await harness.succeed(Self.create, ["input": input], key: key))["createAudience"] as? [String: Any])?["id"] as? String)
        }
        let young = try await audience(["name": "Young in the US", "locations": ["US"], "ageMin": 18, "ageMax": 34])
        let snackers = try await audience([
            "name": "Snackers in California", "locations": [String](), "ageMin": 18, "ageMax": 65,
            "locationTargets": [["kind": "REGION", "name": "California", "countryCode": "US", "googleId": "21137", "metaId": "3847"]],
            "interestTargets": [["kind": "INTEREST", "name": "Snack foods", "metaId": "6003346592981"]],
        ])
        let typedCity = try await audience(["name": "Parisians", "locations": ["Paris"], "ageMin": 18, "ageMax": 65])

        // The simulator's figures: 10 M per country and 2 M per region, by the share of ages 13–65 the range covers,
        // a third with interests, ±15 %.
        let first = try await harness.succeed(Self.estimate, ["a": account, "u": young], key: key)
        #expect(first["metaAudienceSizeEstimate"] as? [String: Int] == ["lowerBound": 2_726_415, "upperBound": 3_688_679], "\(first)")
        let second = try await harness.succeed(Self.estimate, ["a": account, "u": snackers], key: key)
        #expect(second["metaAudienceSizeEstimate"] as? [String: Int] == ["lowerBound": 513_207, "upperBound": 694_339], "\(second)")
        // A typed city has no Meta key: Meta would refuse it, so there is no estimate.
        let none = try await harness.succeed(Self.estimate, ["a": account, "u": typedCity], key: key)
        #expect(none["metaAudienceSizeEstimate"] is NSNull, "\(none)")

        // Not a Meta account, or not an audience of the organization.
        let onGoogle = try await harness.send(Self.estimate, ["a": googleAccount, "u": young], key: key)
        #expect(firstError(onGoogle).code == "BAD_USER_INPUT", "\(onGoogle)")
        #expect(firstError(onGoogle).field == "adAccountId")
        let other = try harness.organization(named: "Other Co.")
        let stranger = try await harness.send(Self.estimate, ["a": account, "u": young], key: other)
        #expect(firstError(stranger).code == "NOT_FOUND", "\(stranger)")
    }
}
