import Foundation
import Testing
import TestSupport

/// Campaigns through HTTP: create with budget, validation naming fields, update, budget, delete, list, tenancy.
@Suite struct CampaignTests {
    static let fields = "id name platform objective status createdAt adAccount { id currency platform } budget { type amount currency }"

    struct Setup {
        let harness: APITestHarness
        let key: String
        let metaAccount: String
        let googleAccount: String
    }

    func setup() throws -> Setup {
        let harness = try APITestHarness()
        let key = try harness.organization(named: "Tasty Chips Co.")
        let meta = try harness.insertIntegration(key: key, provider: "meta_ads")
        let google = try harness.insertIntegration(key: key, provider: "google_ads")
        let metaAccount = try harness.insertAdAccount(key: key, integration: meta, external: "act_1", name: "Chips EU", currency: "EUR")
        let googleAccount = try harness.insertAdAccount(key: key, integration: google, external: "1-2-3", name: "Chips US", currency: "USD")
        return Setup(harness: harness, key: key, metaAccount: globalID("AdAccount", metaAccount), googleAccount: globalID("AdAccount", googleAccount))
    }

    func create(_ setup: Setup, name: String = "Winter sale", account: String? = nil, amount: Any = "50", currency: String = "EUR",
                objective: String = "SALES") async throws -> [String: Any] {
        try await setup.harness.send(
            "mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { \(Self.fields) } }",
            ["input": ["adAccountId": account ?? setup.metaAccount, "name": name, "objective": objective,
                       "budget": ["type": "DAILY", "amount": amount, "currency": currency]]], key: setup.key)
    }

    @Test func createUpdateBudgetDelete() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let body = try await create(setup, name: "  Winter sale ")
        #expect(body["errors"] == nil, "\(body)")
        let campaign = try #require(data(body, "createCampaign") as? [String: Any])
        #expect(campaign["name"] as? String == "Winter sale")
        #expect(campaign["platform"] as? String == "META_ADS")
        #expect(campaign["objective"] as? String == "SALES")
        #expect(campaign["status"] as? String == "DRAFT")
        #expect((campaign["adAccount"] as? [String: Any])?["id"] as? String == setup.metaAccount)
        let budget = try #require(campaign["budget"] as? [String: Any])
        #expect(budget["type"] as? String == "DAILY")
        #expect(budget["amount"] as? String == "50.00")
        #expect(budget["currency"] as? String == "EUR")
        let id = try #require(campaign["id"] as? String)

        let google = try await create(setup, account: setup.googleAccount, amount: 12.5, currency: "USD")
        let googleCampaign = try #require(data(google, "createCampaign") as? [String: Any])
        #expect(googleCampaign["platform"] as? String == "GOOGLE_ADS")
        #expect((googleCampaign["budget"] as? [String: Any])?["amount"] as? String == "12.50")
        let fractional = try await create(setup, account: setup.googleAccount, amount: 12.34, currency: "USD")
        #expect(((data(fractional, "createCampaign") as? [String: Any])?["budget"] as? [String: Any])?["amount"] as? String == "12.34", "\(fractional)")

        let updated = try await setup.harness.send(
            "mutation($id: ID!) { updateCampaign(id: $id, input: { name: \"Spring sale\" }) { name objective } }", ["id": id], key: setup.key)
        #expect(data(updated, "updateCampaign") as? [String: String] == ["name": "Spring sale", "objective": "SALES"])
        let objective = try await setup.harness.send(
            "mutation($id: ID!) { updateCampaign(id: $id, input: { objective: LEADS }) { name objective } }", ["id": id], key: setup.key)
        #expect(data(objective, "updateCampaign") as? [String: String] == ["name": "Spring sale", "objective": "LEADS"])
        let nullName = try await setup.harness.send(
            "mutation($id: ID!) { updateCampaign(id: $id, input: { name: null }) { name } }", ["id": id], key: setup.key)
        #expect(firstError(nullName).code == "BAD_USER_INPUT")
        #expect(firstError(nullName).field == "input.name")

        let newBudget = try await setup.harness.send(
            "mutation($id: ID!) { setCampaignBudget(id: $id, budget: { type: LIFETIME, amount: \"1000.5\", currency: \"EUR\" }) { budget { type amount currency } } }",
            ["id": id], key: setup.key)
        #expect((data(newBudget, "setCampaignBudget") as? [String: Any])?["budget"] as? [String: String]
            == ["type": "LIFETIME", "amount": "1000.50", "currency": "EUR"])
        let badBudget = try await setup.harness.send(
            "mutation($id: ID!) { setCampaignBudget(id: $id, budget: { type: LIFETIME, amount: -3, currency: \"EUR\" }) { id } }",
            ["id": id], key: setup.key)
        #expect(firstError(badBudget).code == "BAD_USER_INPUT")
        #expect(firstError(badBudget).field == "budget.amount")

        let fetched = try await setup.harness.send("query($id: ID!) { campaign(id: $id) { name budget { amount } } }", ["id": id], key: setup.key)
        #expect((data(fetched, "campaign") as? [String: Any])?["name"] as? String == "Spring sale")
        let node = try await setup.harness.send("query($id: ID!) { node(id: $id) { __typename ... on Campaign { name } } }", ["id": id], key: setup.key)
        #expect((data(node, "node") as? [String: Any])?["__typename"] as? String == "Campaign")

        // Another organization sees nothing.
        let other = try setup.harness.organization(named: "Other Co.")
        let foreign = try await setup.harness.send("query($id: ID!) { campaign(id: $id) { id } campaigns { totalCount } }", ["id": id], key: other)
        #expect(data(foreign, "campaign") is NSNull)
        #expect((data(foreign, "campaigns") as? [String: Any])?["totalCount"] as? Int == 0)
        let foreignDelete = try await setup.harness.send("mutation($id: ID!) { deleteCampaign(id: $id) }", ["id": id], key: other)
        #expect(firstError(foreignDelete).code == "NOT_FOUND")

        // Only drafts can be deleted.
        try setup.harness.sql("UPDATE campaigns SET status = 'live'")
        let live = try await setup.harness.send("mutation($id: ID!) { deleteCampaign(id: $id) }", ["id": id], key: setup.key)
        #expect(firstError(live).code == "BAD_USER_INPUT")
        #expect(firstError(live).message?.contains("LIVE") == true)
        try setup.harness.sql("UPDATE campaigns SET status = 'draft'")
        let deleted = try await setup.harness.send("mutation($id: ID!) { deleteCampaign(id: $id) }", ["id": id], key: setup.key)
        #expect(data(deleted, "deleteCampaign") as? String == id)
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaigns") == 2)
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaign_budgets") == 2)
    }

    @Test func refusalsNameTheFieldAndWriteNothing() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let cases: [(amount: Any, currency: String, account: String?, name: String, field: String)] = [
            ("0", "EUR", nil, "A", "input.budget.amount"),
            ("-1", "EUR", nil, "A", "input.budget.amount"),
            ("abc", "EUR", nil, "A", "input.budget.amount"),
            ("1.234", "EUR", nil, "A", "input.budget.amount"),
            (true, "EUR", nil, "A", "input.budget.amount"),
            ("10", "USD", nil, "A", "input.budget.currency"),
            ("10", "EUR", globalID("AdAccount", UUID()), "A", "input.adAccountId"),
            ("10", "EUR", nil, "   ", "input.name"),
        ]
        for refused in cases {
            let body = try await create(setup, name: refused.name, account: refused.account, amount: refused.amount, currency: refused.currency)
            #expect(firstError(body).code == "BAD_USER_INPUT", "\(refused) \(body)")
            #expect(firstError(body).field == refused.field, "\(refused) \(body)")
        }
        // A literal amount that is not a number is refused the same way.
        let literal = try await setup.harness.send(
            "mutation($account: ID!) { createCampaign(input: { adAccountId: $account, name: \"A\", objective: LEADS, budget: { type: DAILY, amount: \"ten\", currency: \"EUR\" } }) { id } }",
            ["account": setup.metaAccount], key: setup.key)
        #expect(firstError(literal).code == "BAD_USER_INPUT")
        #expect(firstError(literal).field == "input.budget.amount")
        // A removed account cannot get new campaigns.
        try setup.harness.sql("UPDATE ad_accounts SET removed_at = now() WHERE currency = 'EUR'")
        let removed = try await create(setup)
        #expect(firstError(removed).field == "input.adAccountId")
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaigns") == 0)
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaign_budgets") == 0)
    }

    @Test func listPagesNewestFirstWithFilters() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        var names: [String] = []
        for index in 0..<5 {
            let google = index % 2 == 1
            let body = try await create(setup, name: "C\(index)", account: google ? setup.googleAccount : nil, currency: google ? "USD" : "EUR")
            #expect(body["errors"] == nil, "\(body)")
            names.append("C\(index)")
        }
        try setup.harness.sql("UPDATE campaigns SET status = 'paused' WHERE name IN ('C0', 'C4')")
        var seen: [String] = []
        var after: String?
        repeat {
            var variables: [String: Any] = ["first": 2]
            if let after { variables["after"] = after }
            let body = try await setup.harness.send(
                "query($first: Int, $after: String) { campaigns(first: $first, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }",
                variables, key: setup.key)
            let connection = try #require(data(body, "campaigns") as? [String: Any], "\(body)")
            #expect(connection["totalCount"] as? Int == 5)
            let edges = try #require(connection["edges"] as? [[String: Any]])
            seen += edges.compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            let pageInfo = try #require(connection["pageInfo"] as? [String: Any])
            after = pageInfo["hasNextPage"] as? Bool == true ? pageInfo["endCursor"] as? String : nil
        } while after != nil
        #expect(seen == names.reversed())

        let paused = try await setup.harness.send("{ campaigns(status: PAUSED) { totalCount edges { node { name status } } } }", key: setup.key)
        let pausedConnection = try #require(data(paused, "campaigns") as? [String: Any])
        #expect(pausedConnection["totalCount"] as? Int == 2)
        #expect((pausedConnection["edges"] as? [[String: Any]])?.compactMap { ($0["node"] as? [String: Any])?["name"] as? String } == ["C4", "C0"])
        let google = try await setup.harness.send("{ campaigns(platform: GOOGLE_ADS) { totalCount edges { node { name platform } } } }", key: setup.key)
        let googleConnection = try #require(data(google, "campaigns") as? [String: Any])
        #expect(googleConnection["totalCount"] as? Int == 2)
        #expect((googleConnection["edges"] as? [[String: Any]])?.compactMap { ($0["node"] as? [String: Any])?["name"] as? String } == ["C3", "C1"])

        let badFirst = try await setup.harness.send("{ campaigns(first: 0) { totalCount } }", key: setup.key)
        #expect(firstError(badFirst).code == "BAD_USER_INPUT")
        let badCursor = try await setup.harness.send("{ campaigns(after: \"nope\") { totalCount } }", key: setup.key)
        #expect(firstError(badCursor).code == "BAD_USER_INPUT")
    }

    @Test func eachMutationFieldIsAtomicOnItsOwn() async throws {
        let setup = try setup()
        defer { setup.harness.stop() }
        let body = try await setup.harness.send(
            """
            mutation($a: ID!) {
              kept: createCampaign(input: { adAccountId: $a, name: "Kept", objective: LEADS, budget: { type: DAILY, amount: 5, currency: "EUR" } }) { id }
              refused: createCampaign(input: { adAccountId: $a, name: "Refused", objective: LEADS, budget: { type: DAILY, amount: 5, currency: "GBP" } }) { id }
            }
            """, ["a": setup.metaAccount], key: setup.key)
        #expect(firstError(body).code == "BAD_USER_INPUT")
        #expect(firstError(body).field == "input.budget.currency")
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaigns WHERE name = 'Kept'") == 1)
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaigns") == 1)
        #expect(try setup.harness.scalar("SELECT count(*)::int FROM campaign_budgets") == 1)
    }
}
