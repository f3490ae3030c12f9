import Foundation
import Testing
import TestSupport

/// What a brand owner meets that developers do not see: the sign-in page in plain words, and previews that warn
/// of what the platforms' reviews disapprove and cut text where the feed cuts it.
@Suite(.serialized) struct StudioBrandOwnerBrowserTests {
    /// The sign-in page speaks to the user, not to whoever runs the server, and starts right under the header.
    @Test func theSignInPageHasNoDeveloperTextAndNoBlankBand() async throws {
        let harness = try StudioHarness()
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await page.navigate(harness.server.baseURL)
        try await page.waitUntil("document.querySelector('#api-key')", "the key form shows")
        let text = try await page.evaluate("document.body.innerText") as? String ?? ""
        for developerWord in ["make run", ".local", "/healthz", "/graphql", "campaignd"] {
            #expect(!text.contains(developerWord), "\(developerWord) in \(text)")
        }
        #expect(try await page.evaluate("document.querySelector('#steps').getBoundingClientRect().height") as? Int == 0)
        let gap = try await page.evaluate("""
            document.querySelector('.key-form').getBoundingClientRect().top - document.querySelector('header.top').getBoundingClientRect().bottom
            """) as? NSNumber
        let gapPixels = gap?.doubleValue ?? .infinity
        #expect(gapPixels < 40, "\(gapPixels) px between the header and the form")
        #expect(try await page.evaluate("document.querySelector('footer a').getAttribute('href')") as? String == "/explorer/")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// "FREE!!! BEST CHIPS EVER $$$" with a localhost landing page: Google's editorial review is a risk said in amber,
    /// the private address a refusal on both; 194 characters of primary text are cut with "See more" on Meta.
    @Test func thePreviewsWarnOfEditorialRisksPrivateLandingPagesAndCutLongText() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)
        let primary = "Our spicy jalapeño chips are kettle cooked in small batches with organic potatoes, sea salt and real peppers, "
            + "then seasoned by hand. Order a case today and get free shipping on your first order."
        #expect(primary.count == 194)
        try await page.type("#headline", "FREE!!! BEST CHIPS EVER $$$")
        try await page.type("#description", primary)
        try await page.type("#landing-url", "http://localhost:8080/spicy")
        try await page.waitUntil("document.querySelector('#preview-google li[data-code=LANDING_URL_NOT_PUBLIC]')", "the previews are checked")

        #expect(try await page.text("#preview-google .g-badge") == "Sponsored")
        let google = try await page.evaluate("""
            [...document.querySelectorAll('#preview-google li')].map(li => li.dataset.code + ':' + li.dataset.severity)
            """) as? [String]
        #expect(google == ["DESCRIPTION_TOO_LONG:BLOCKING", "EXCESSIVE_CAPITALIZATION:REVIEW_RISK", "GIMMICKY_PUNCTUATION:REVIEW_RISK", "LANDING_URL_NOT_PUBLIC:BLOCKING"])
        #expect(try await page.text("#preview-google li[data-code=EXCESSIVE_CAPITALIZATION]")
                == "Likely disapproved: \"FREE\" is in capitals; Google's review disapproves excessive capitalization.")
        #expect(try await page.evaluate("getComputedStyle(document.querySelector('#preview-google li[data-severity=REVIEW_RISK]')).color") as? String
                == "rgb(138, 75, 0)")
        let meta = try await page.evaluate("[...document.querySelectorAll('#preview-meta li')].map(li => li.dataset.code)") as? [String]
        #expect(meta == ["LANDING_URL_NOT_PUBLIC"], "Meta has no editorial rule on capitals")

        // Meta's feed: the first 125 characters or so, cut at a word, then "See more" shows the rest.
        let shown = try await page.text("#preview-meta .m-primary") ?? ""
        #expect(shown == "Our spicy jalapeño chips are kettle cooked in small batches with organic potatoes, sea salt and real peppers, then seasoned… See more",
                "\(shown)")
        try await page.click("#preview-meta .m-see-more")
        #expect(try await page.text("#preview-meta .m-primary") == primary)

        // A public landing page takes the refusal away.
        try await page.evaluate("const u = document.querySelector('#landing-url'); u.value = ''; u.dispatchEvent(new Event('input'))")
        try await page.type("#landing-url", "https://www.tastychips.co/spicy")
        try await page.waitUntil("!document.querySelector('li[data-code=LANDING_URL_NOT_PUBLIC]')", "the landing page is accepted")
        #expect(try await page.evaluate("document.querySelectorAll('#preview-meta li').length") as? Int == 0)
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/editorial-warnings.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
