import Foundation
import Testing
import TestSupport

/// The page on a 390 px wide phone: nothing cut off or wider than the screen, and the preview in sight while typing.
@Suite(.serialized) struct StudioPhoneBrowserTests {
    @Test func onAPhoneTheHeaderFitsAndThePreviewStaysInSightWhileTyping() async throws {
        let harness = try StudioHarness()
        try harness.connectedAccount(provider: "meta_ads", name: "Tasty Chips Co. Ads", external: "act_1029384756")
        try harness.connectedAccount(provider: "google_ads", name: "Tasty Chips – Search", external: "4815162342")
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await page.emulatePhone()
        try await StudioPage.signIn(page, harness)
        let fits = """
            document.documentElement.scrollWidth <= window.innerWidth
              && [...document.querySelectorAll('header.top button, header.top strong')].every(e => e.getBoundingClientRect().right <= window.innerWidth)
            """
        let window = try await page.evaluate("window.innerWidth") as? Int
        #expect(window == 390, "the window is \(window ?? -1) px wide: the page is wider than the phone")
        let width = try await page.evaluate("document.documentElement.scrollWidth") as? Int
        #expect(try await page.evaluate(fits) as? Bool == true, "the page is \(width ?? -1) px wide")
        try await page.screenshot("html", to: TestArtifacts.directory.appendingPathComponent("studio/phone-objective.png"))

        try await StudioPage.walkToCreative(page)
        #expect(try await page.evaluate(fits) as? Bool == true)
        // Typing the description, the Meta preview's text is on screen beside what is typed.
        try await page.type("#headline", TastyChips.headline)
        try await page.click("#description")
        try await page.type("#description", TastyChips.description)
        try await page.waitUntil("document.querySelector('#preview-meta .m-primary')?.textContent.startsWith('Made with organic')", "the preview follows")
        let inSight = """
            (() => { const r = document.querySelector('#preview-meta .m-primary').getBoundingClientRect();
                     const i = document.querySelector('#description').getBoundingClientRect();
                     return r.top >= 0 && r.bottom <= window.innerHeight && i.top >= 0 && i.bottom <= window.innerHeight; })()
            """
        let boxes = try await page.evaluate("""
            JSON.stringify([document.querySelector('#preview-meta .m-primary').getBoundingClientRect(), document.querySelector('#description').getBoundingClientRect()])
            """) as? String
        #expect(try await page.evaluate(inSight) as? Bool == true, "preview and input: \(boxes ?? "?")")
        try await page.screenshotOfWindow(to: TestArtifacts.directory.appendingPathComponent("studio/phone-creative-typing.png"))
        #expect(try await page.evaluate(fits) as? Bool == true)
        try await page.screenshot("html", to: TestArtifacts.directory.appendingPathComponent("studio/phone-creative.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
