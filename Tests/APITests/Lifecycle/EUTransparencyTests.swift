import Foundation
import Testing
import TestSupport

/// Meta ad sets that reach the EU name who benefits from them and who pays for them (`dsa_beneficiary`,
/// `dsa_payor`): held by the ad account, suggested by Meta, checked before a launch, and sent with the ad sets.
@Suite struct EUTransparencyTests {
    static let accountFields = "euTransparency { beneficiary payor }"

    @Test func aLaunchReachingTheEUNeedsTheAccountsBeneficiaryAndPayer() async throws {
        let harness = try APITestHarness(simulatorEnvironment: [:])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let (_, accounts) = try await harness.connect("meta_ads", key: key)
        let account = try #require(accounts["1000000002"])

        let suggested = try await harness.succeed("query($a: ID!) { metaEUTransparencySuggestions(adAccountId: $a) }", ["a": account], key: key)
        #expect(suggested["metaEUTransparencySuggestions"] as? [String] == ["Tasty Chips Co. EU"])

        // The fixture's second unit targets Germany; without the fields the launch is refused before any call.
        let fixture = try await LaunchFixture.make(harness, key: key, platform: "meta_ads", account: account, currency: "EUR")
        try harness.sql("UPDATE ad_accounts SET dsa_beneficiary = NULL, dsa_payor = NULL")
        let dry = try await harness.send(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let problems = (extensions(dry)["problems"] as? [[String: Any]] ?? []).map { "\($0["field"] ?? ""):\($0["code"] ?? "")" }
        #expect(problems == ["adAccount.euTransparency:MISSING"], "\(dry)")

        // Bad values are refused, naming the argument; nothing is stored.
        for (beneficiary, payor, field) in [("  ", "Tasty Chips Co.", "beneficiary"), ("Tasty Chips Co.", String(repeating: "x", count: 256), "payor"),
                                            ("Tasty\u{7}Chips", "Tasty Chips Co.", "beneficiary")] {
            let refused = try await harness.send(
                "mutation($a: ID!, $b: String!, $p: String!) { setAdAccountEUTransparency(adAccountId: $a, beneficiary: $b, payor: $p) { id } }",
                ["a": account, "b": beneficiary, "p": payor], key: key)
            #expect(firstError(refused).code == "BAD_USER_INPUT", "\(refused)")
            #expect(firstError(refused).field?.hasSuffix(field) == true, "\(refused)")
        }
        #expect(try harness.scalar("SELECT count(*)::int FROM ad_accounts WHERE dsa_beneficiary IS NOT NULL") == 0)

        let set = try await harness.succeed(
            "mutation($a: ID!, $b: String!, $p: String!) { setAdAccountEUTransparency(adAccountId: $a, beneficiary: $b, payor: $p) { \(Self.accountFields) } }",
            ["a": account, "b": " Tasty Chips Co. ", "p": "Tasty Chips Co. GmbH"], key: key)
        #expect((set["setAdAccountEUTransparency"] as? [String: Any])?["euTransparency"] as? [String: String]
                == ["beneficiary": "Tasty Chips Co.", "payor": "Tasty Chips Co. GmbH"])

        // Only the ad set reaching the EU carries them; the launch goes through the strict simulator.
        let planned = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": true], key: key)
        let adSets = (((planned["launchCampaign"] as? [String: Any])?["plannedRequests"] as? [[String: Any]]) ?? [])
            .filter { ($0["url"] as? String)?.hasSuffix("/adsets") == true }.compactMap { $0["body"] as? String }
        #expect(adSets.count == 2)
        #expect(adSets.filter { $0.contains(#""dsa_payor":"Tasty Chips Co. GmbH""#) && $0.contains(#""dsa_beneficiary":"Tasty Chips Co.""#) }.count == 1, "\(adSets)")
        let launched = try await harness.succeed(LaunchFixture.launch, ["id": fixture.campaign, "dry": false], key: key)
        #expect(((launched["launchCampaign"] as? [String: Any])?["campaign"] as? [String: Any])?["status"] as? String == "LIVE")

        // Google accounts have no such fields.
        let (_, google) = try await harness.connect("google_ads", key: key)
        let refused = try await harness.send(
            "mutation($a: ID!) { setAdAccountEUTransparency(adAccountId: $a, beneficiary: \"A\", payor: \"B\") { id } }",
            ["a": try #require(google.values.first)], key: key)
        #expect(firstError(refused).code == "BAD_USER_INPUT")
    }
}
