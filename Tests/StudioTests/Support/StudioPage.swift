import Foundation
import Testing
import TestSupport

/// The example creative of "Tasty Chips Co.".
enum TastyChips {
    static let headline = "New Spicy Jalapeño Chips | 20% Off"
    static let description = "Made with organic potatoes and real jalapeños. Crunch into the heat today!"
    static let landing = "https://www.tastychips.co/spicy"
    static var image: URL { StudioHarness.fixtures.appendingPathComponent("chips_bag_spicy.jpg") }
}

/// The steps every browser test takes through the page, as a user would.
enum StudioPage {
    /// The server with a connected Meta account, the browser on the page, signed in with the key.
    static func open() async throws -> (StudioHarness, Chromium, BrowserPage) {
        let harness = try StudioHarness()
        try harness.connectedAccount(provider: "meta_ads", name: "Tasty Chips Co. Ads", external: "act_1029384756")
        try harness.connectedAccount(provider: "google_ads", name: "Tasty Chips – Search", external: "4815162342")
        let browser = try Chromium()
        do {
            let page = try await browser.page()
            try await signIn(page, harness)
            return (harness, browser, page)
        } catch {
            browser.stop()
            harness.stop()
            throw error
        }
    }

    /// Opens the page and enters the API key once, by keyboard.
    static func signIn(_ page: BrowserPage, _ harness: StudioHarness) async throws {
        try await page.navigate(harness.server.baseURL)
        try await page.waitUntil("document.querySelector('#api-key')", "the key form shows")
        try await page.type("#api-key", harness.key, chunk: 64)
        try await page.press("Enter", code: "Enter", keyCode: 13)
        try await page.waitUntil("document.querySelector('#organization-name')?.textContent === 'Tasty Chips Co.'", "signed in")
        #expect(try await page.evaluate("sessionStorage.getItem('campaignd.apiKey')") as? String == harness.key)
    }

    /// The objective chosen, then Meta connected through its consent page (the simulator approves at once), back on
    /// the connection step with its two accounts listed.
    static func connectMeta(_ page: BrowserPage, objective: String) async throws {
        try await page.click("input[name=objective][value=\(objective)]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#connect-meta-ads')", "the connect buttons show")
        try await page.click("#connect-meta-ads")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "back from Meta with its accounts")
    }

    /// Objective, Meta account and a new audience, up to the creative step.
    static func walkToCreative(_ page: BrowserPage) async throws {
        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        try await Self.walkToCreativeFromConnection(page)
    }

    static func walkToCreativeFromConnection(_ page: BrowserPage) async throws {
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.evaluate("[...document.querySelectorAll('input[name=ad-account]')].find(r => r.closest('label').textContent.includes('Tasty Chips Co. Ads')).click()")
        try await page.click("#next")
        try await Self.newAudienceToCreative(page)
    }

    /// The Tasty Chips creative typed in, its image chosen and uploaded.
    static func typeTastyChipsCreative(_ page: BrowserPage) async throws {
        try await page.type("#headline", TastyChips.headline)
        try await page.type("#description", TastyChips.description)
        try await page.type("#landing-url", TastyChips.landing)
        try await page.chooseFile("#media-file", TastyChips.image)
        try await page.waitUntil("document.querySelector('#upload-status').textContent.startsWith('Uploaded')", "the image is uploaded")
    }

    /// `pickInterest`: the interest is found in the platform's targeting search (needs a connection) instead of typed.
    /// The budget step in between gets a daily `budget`.
    static func newAudienceToCreative(_ page: BrowserPage, pickInterest: Bool = false, budget: String = "50") async throws {
        try await page.waitUntil("document.querySelector('#audience-name')", "the audience step shows")
        try await page.type("#audience-name", "Young snackers")
        try await page.type("#audience-locations", "US, CA")
        if pickInterest {
            try await page.type("#interest-search", "snack")
            try await page.click("#interest-search-button")
            try await page.waitUntil("document.querySelector('#interest-search-suggestions .suggestion')", "Meta's interests are suggested")
            try await page.click("#interest-search-suggestions .suggestion")
            try await page.waitUntil("document.querySelector('#interest-search-picked .chip')?.textContent.includes('Snack foods')", "the interest is chosen")
        } else {
            try await page.type("#audience-interests", "snacks, spicy food")
        }
        try await page.click("#next")
        try await budgetToCreative(page, budget: budget)
    }

    /// On the budget step: a daily `budget`, then on to the creative.
    static func budgetToCreative(_ page: BrowserPage, budget: String = "50") async throws {
        try await page.waitUntil("document.querySelector('#budget-amount')", "the budget step shows")
        try await page.type("#budget-amount", budget)
        try await page.click("#next", until: "document.querySelector('#headline')", "the creative step shows")
    }
}
