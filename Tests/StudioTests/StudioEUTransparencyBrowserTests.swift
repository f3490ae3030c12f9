import Foundation
import Testing
import TestSupport

/// A Meta campaign whose audience reaches the EU: the review step asks who benefits from the ads and who pays for
/// them, filled from Meta's suggestion, editable, saved on the ad account before the launch.
@Suite(.serialized) struct StudioEUTransparencyBrowserTests {
    @Test func theReviewAsksForTheBeneficiaryAndPayerOfAdsReachingTheEU() async throws {
        let harness = try StudioHarness(simulator: true)
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await StudioPage.signIn(page, harness)
        try await StudioPage.connectMeta(page, objective: "TRAFFIC")
        try await page.evaluate("[...document.querySelectorAll('input[name=ad-account]')].find(r => r.closest('label').querySelector('.choice-title').textContent === 'Tasty Chips Co. EU').click()")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#audience-name')", "the audience step shows")
        try await page.type("#audience-name", "Snackers in Europe")
        try await page.type("#audience-locations", "DE, FR")
        try await page.click("#next")
        try await StudioPage.budgetToCreative(page, budget: "30")
        try await StudioPage.typeTastyChipsCreative(page)
        try await page.click("#next", until: "document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the review shows")

        try await page.waitUntil("document.querySelector('#eu-transparency')", "the EU fields show")
        #expect(try await page.evaluate("document.querySelector('#dsa-beneficiary').value") as? String == "Tasty Chips Co. EU", "Meta's suggestion")
        try await page.evaluate("document.querySelector('#dsa-payor').value = ''")
        try await page.type("#dsa-payor", "Tasty Chips GmbH")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "the campaign is live", timeout: 30)

        let saved = try harness.rows("SELECT dsa_beneficiary, dsa_payor FROM ad_accounts WHERE external_account_id = '1000000002'")[0]
        #expect(try saved.decode("dsa_beneficiary", as: String?.self) == "Tasty Chips Co. EU")
        #expect(try saved.decode("dsa_payor", as: String?.self) == "Tasty Chips GmbH")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
