import Campaigns
import Foundation
import Integrations
import Testing
import TestSupport

/// The simulated platforms apply updates of live campaigns as the real ones do and refuse what they refuse, in
/// their own error shapes (see README, "Platform contracts" → "Updates and review status").
@Suite struct LiveUpdateContractTests {
    // MARK: Google Ads

    @Test func googleAppliesBudgetAndNameUpdatesInOneRequest() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        let campaignID = try google.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        var update = CampaignUpdate(campaignID: GoogleAdsSpecs.campaignID, budgetType: .daily, currency: "USD")
        update.name = "Summer Chips"
        update.budgetAmount = Decimal(string: "55.25")
        try google.adapter.updateCampaign(update, externalCampaignID: campaignID, in: account)
        #expect(try await google.objects("campaignBudgets").first?["amountMicros"] as? String == "55250000")
        #expect(try await google.objects("campaigns").first?["name"] as? String == "Summer Chips · 6f9619ff")
        #expect(try await google.objects("campaigns").count == 1)
    }

    /// An update without `update_mask` is refused with FieldMaskError.FIELD_MASK_MISSING, and nothing of the request applies.
    @Test func googleRefusesAnUpdateWithoutItsMask() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        _ = try google.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let budget = try #require(try await google.objects("campaignBudgets").first?["resourceName"] as? String)
        let request = google.provider.batchMutateRequest(customerID: "1234567890", operations: [
            GoogleAdsOperation("campaignBudgetOperation", ["update": ["resourceName": budget, "amountMicros": "99000000"]]),
        ], accessToken: account.accessToken)
        do {
            _ = try google.provider.batchMutate(request, accessToken: account.accessToken)
            Issue.record("an update without a mask was accepted")
        } catch let PlatformError.invalidRequest(message, _) {
            #expect(message.contains("FIELD_MASK_MISSING"), "\(message)")
        }
        #expect(try await google.objects("campaignBudgets").first?["amountMicros"] as? String == "40000000")
    }

    /// A budget amount must stay a positive multiple of the minimum currency unit; a daily budget cannot take a
    /// total amount.
    @Test func googleRefusesInvalidBudgetAmounts() async throws {
        let google = try GoogleAdsFixture()
        let account = google.account(try await google.connect())
        _ = try google.adapter.createCampaign(GoogleAdsSpecs.campaign(), in: account)
        let budget = try #require(try await google.objects("campaignBudgets").first?["resourceName"] as? String)
        for (field, value, code) in [("amountMicros", "12345", "NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT"), ("amountMicros", "0", "TOO_LOW"),
                                     ("totalAmountMicros", "90000000", "FIELD_NOT_FOUND")] {
            let request = google.provider.mutateRequest(customerID: "1234567890", service: "campaignBudgets", operations: [
                ["update": ["resourceName": budget, field: value], "updateMask": field],
            ], accessToken: account.accessToken)
            do {
                _ = try google.provider.mutate(request, accessToken: account.accessToken)
                Issue.record("\(field) \(value) was accepted")
            } catch let PlatformError.invalidRequest(message, _) {
                #expect(message.contains(code), "\(message)")
            }
        }
        #expect(try await google.objects("campaignBudgets").first?["amountMicros"] as? String == "40000000")
    }

    // MARK: Meta

    func meta() async throws -> (MetaSimulatorFixture, PlatformAccount, MetaAdsAdapter) {
        let meta = try MetaSimulatorFixture()
        let tokens = try await meta.connect()
        return (meta, PlatformAccount(externalAccountID: "1000000001", currency: "USD", accessToken: tokens.accessToken),
                MetaAdsAdapter(provider: meta.provider))
    }

    func metaCampaign(_ type: BudgetType, _ amount: String) -> CampaignLaunchSpec {
        CampaignLaunchSpec(campaignID: GoogleAdsSpecs.campaignID, name: "Spicy", objective: .sales, budgetType: type,
                           budgetAmount: Decimal(string: amount)!, currency: "USD")
    }

    @Test func metaAppliesNameAndBudget() async throws {
        let (meta, account, adapter) = try await meta()
        let id = try adapter.createCampaign(metaCampaign(.daily, "25.00"), in: account)
        var update = CampaignUpdate(campaignID: GoogleAdsSpecs.campaignID, budgetType: .daily, currency: "USD")
        update.name = "Spicier"
        update.budgetAmount = Decimal(string: "31.10")
        try adapter.updateCampaign(update, externalCampaignID: id, in: account)
        let fields = try #require(try await meta.objects("campaign").first?["fields"] as? [String: Any])
        #expect(fields["name"] as? String == "Spicier · 6f9619ff")
        #expect(fields["daily_budget"] as? String == "3110")
    }

    /// Too low a daily budget, a switch between daily and lifetime, and a lifetime budget below what the campaign
    /// spent: each refused with error code 100 naming the field, and the campaign unchanged.
    @Test func metaRefusesInvalidBudgets() async throws {
        let (meta, account, adapter) = try await meta()
        let daily = try adapter.createCampaign(metaCampaign(.daily, "25.00"), in: account)
        let lifetime = try adapter.createCampaign(
            CampaignLaunchSpec(campaignID: UUID(), name: "Lifetime", objective: .sales, budgetType: .lifetime,
                               budgetAmount: 5000, currency: "USD"), in: account)
        try await meta.control("meta_ads/backdate", ["id": lifetime, "days": 10])
        let cases: [(String, [String: Any], String)] = [
            (daily, ["daily_budget": 50], "too low"),
            (daily, ["lifetime_budget": 900000], "switch"),
            (lifetime, ["lifetime_budget": 100], "already spent"),
        ]
        for (id, fields, words) in cases {
            do {
                try meta.provider.update(objectID: id, fields: fields, accessToken: account.accessToken)
                Issue.record("\(fields) was accepted")
            } catch let PlatformError.invalidRequest(message, field) {
                #expect(message.contains(words), "\(message)")
                #expect(field == fields.keys.first, "\(String(describing: field))")
            }
        }
        let campaigns = try await meta.objects("campaign").compactMap { $0["fields"] as? [String: Any] }
        #expect(campaigns.map { "\($0["daily_budget"] ?? "-")/\($0["lifetime_budget"] ?? "-")" } == ["2500/-", "-/500000"])
    }
}
