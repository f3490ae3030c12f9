import Foundation
import Testing
import TestSupport

/// The explorer at /explorer/: the schema browsed from introspection, and the demo's nested campaigns query run
/// with the API key, in headless Chromium.
@Suite(.serialized) struct ExplorerBrowserTests {
    @Test func theSchemaIsBrowsableAndTheNestedCampaignsQueryRuns() async throws {
        let harness = try StudioHarness()
        try harness.connectedAccount(provider: "meta_ads", name: "Tasty Chips Co. Ads", external: "act_1029384756")
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let accounts = try await harness.graphQL("{ adAccounts { id } }")
        let account = try #require((field(accounts, "adAccounts") as? [[String: Any]])?.first?["id"] as? String)
        _ = try await harness.graphQL(
            "mutation($a: ID!) { createCampaign(input: { adAccountId: $a, name: \"Spicy Jalapeño Chips – Launch\", objective: SALES, budget: { type: DAILY, amount: 50, currency: \"USD\" } }) { id } }",
            ["a": account])

        let page = try await browser.page()
        try await page.navigate(harness.server.baseURL.appendingPathComponent("explorer/"))
        try await page.waitUntil("document.querySelector('#api-key')", "the key form shows")
        try await page.type("#api-key", harness.key, chunk: 64)
        try await page.click("#load-schema")
        try await page.waitUntil("document.querySelector('#types button[data-type=Campaign]')", "the types are listed")
        #expect(try await page.text("#type-name")?.hasPrefix("Query") == true, "the query root shows first")

        try await page.type("#type-filter", "Campai")
        try await page.click("#types button[data-type=Campaign]")
        try await page.waitUntil("document.querySelector('#type-name')?.textContent.startsWith('Campaign')", "Campaign's fields show")
        #expect(try await page.exists("#type-fields dt[data-field=metricTotals]"))
        // A type reference opens its type.
        try await page.evaluate("[...document.querySelectorAll('#type-fields dt[data-field=status] button')].pop().click()")
        try await page.waitUntil("document.querySelector('#type-name')?.textContent.startsWith('CampaignStatus')", "the enum opens")
        #expect(try await page.exists("#type-fields dt[data-field=LIVE]"))

        try await page.evaluate("""
            document.querySelector('#query').value = '{ campaigns(first: 20) { totalCount edges { node { name status units { name } creatives { headline } } } } }'
            """)
        try await page.click("#run")
        try await page.waitUntil("document.querySelector('#result').textContent.includes('totalCount')", "the result shows")
        let result = try #require(try await page.text("#result"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any])
        let campaigns = (json["data"] as? [String: Any])?["campaigns"] as? [String: Any]
        #expect(campaigns?["totalCount"] as? Int == 1)
        #expect(try await page.text("#status") == "HTTP 200: done.")

        // An error is shown as the server answered it.
        try await page.evaluate("document.querySelector('#query').value = '{ nope }'")
        try await page.click("#run")
        try await page.waitUntil("document.querySelector('#result').textContent.includes('GRAPHQL_VALIDATION_FAILED')", "the error shows")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
