import Foundation
import Testing
import TestSupport

/// A Meta connection lasts about 60 days and only the user renews it: the page says when it ends, in its last
/// week, and its button connects it again.
@Suite(.serialized) struct StudioConnectionHealthBrowserTests {
    @Test func aMetaConnectionEndingSoonIsAnnouncedAndReconnectedFromThePage() async throws {
        let harness = try StudioHarness(simulator: true)
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await StudioPage.signIn(page, harness)
        try await StudioPage.connectMeta(page, objective: "SALES")
        #expect(try await page.exists("#health-meta-ads") == false, "a fresh connection needs no warning")

        try harness.sql("UPDATE integrations SET expires_at = now() + interval '3 days'")
        try await page.navigate(harness.server.baseURL)
        try await page.waitUntil("document.querySelector('#health-meta-ads')", "the warning shows")
        let warning = try #require(try await page.text("#health-meta-ads"))
        #expect(warning.contains("Your Meta connection ends on"), "\(warning)")
        #expect(try await page.evaluate("document.querySelector('#health-meta-ads').getAttribute('role')") as? String == "status")

        try await page.click("#health-meta-ads button")
        try await page.waitUntil("document.querySelector('#notice')", "the page is back from Meta", timeout: 30)
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed again")
        #expect(try await page.exists("#health-meta-ads") == false, "the new connection lasts another 60 days")
        let expiry: Date = try harness.rows("SELECT expires_at FROM integrations")[0].decode("expires_at")
        #expect(expiry.timeIntervalSinceNow > 50 * 86_400)
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
