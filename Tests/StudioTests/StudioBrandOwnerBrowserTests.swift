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
        try await page.waitUntil("document.querySelector('#preview-meta .preview-ok')", "the landing page is accepted")
        #expect(try await page.evaluate("document.querySelectorAll('#preview-meta li').length") as? Int == 0)
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/editorial-warnings.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// 300 campaigns: the list shows 25 at a time with "Show more", searches by name, filters by status and sorts, with
    /// readable statuses and the last 7 days' spend in the budget's currency.
    @Test func aListOf300CampaignsPagesSearchesAndFilters() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try harness.sql("""
            WITH account AS (SELECT id, organization_id FROM ad_accounts WHERE name = 'Tasty Chips Co. Ads')
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status, created_at)
            SELECT account.organization_id, account.id,
                   CASE WHEN n % 10 = 0 THEN 'Spicy Jalapeño ' || n ELSE 'Sea Salt ' || n END, 'meta_ads', 'sales',
                   CASE WHEN n % 3 = 0 THEN 'live' ELSE 'draft' END, timestamptz '2026-11-01T00:00:00Z' + n * interval '1 minute'
            FROM account, generate_series(1, 300) n
            """)
        try harness.sql("""
            INSERT INTO campaign_budgets (organization_id, campaign_id, type, amount, currency)
            SELECT organization_id, id, 'daily', 25.5, 'USD' FROM campaigns WHERE name = 'Spicy Jalapeño 300'
            """)
        try harness.sql("""
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT c.organization_id, c.id, d.id, current_date - 1, 12.34 FROM campaigns c, metric_definitions d
            WHERE c.name = 'Spicy Jalapeño 300' AND d.key = 'spend'
            """)
        try await page.click("#show-campaigns")
        try await page.waitUntil("document.querySelectorAll('#campaigns tbody tr').length === 25", "the first page shows")
        #expect(try await page.text("#campaign-count") == "25 of 300 campaigns")
        try await page.click("#campaigns-more")
        try await page.waitUntil("document.querySelectorAll('#campaigns tbody tr').length === 50", "the next page is added")
        #expect(try await page.text("#campaign-count") == "50 of 300 campaigns")

        try await page.type("#campaign-search", "jalapeño")
        try await page.waitUntil("document.querySelector('#campaign-count').textContent === '25 of 30 campaigns found'", "the search answers")
        let first = try await page.evaluate("[...document.querySelectorAll('#campaigns tbody tr')[0].children].map(c => c.textContent)") as? [String]
        #expect(first == ["Spicy Jalapeño 300", "Meta", "Sales", "—", "$25.50 a day", "$12.34", "—", "Live"], "\(first ?? [])")
        try await page.click("#campaigns-more")
        try await page.waitUntil("document.querySelector('#campaign-count').textContent === '30 of 30 campaigns found'", "the rest is added")
        #expect(try await page.evaluate("document.querySelector('#campaigns-more').hidden") as? Bool == true)

        try await page.evaluate("{ const s = document.querySelector('#campaign-status-filter'); s.value = 'LIVE'; s.dispatchEvent(new Event('change')) }")
        try await page.waitUntil("document.querySelector('#campaign-count').textContent === '10 of 10 campaigns found'", "the filter answers")
        #expect(try await page.text("#campaigns tbody tr th") == "Spicy Jalapeño 300", "newest first")
        try await page.evaluate("{ const s = document.querySelector('#campaign-order'); s.value = 'OLDEST'; s.dispatchEvent(new Event('change')) }")
        try await page.waitUntil("document.querySelector('#campaigns tbody tr th').textContent === 'Spicy Jalapeño 30'", "the oldest come first")
        try await page.evaluate("{ const s = document.querySelector('#campaign-search'); s.value = 'nothing like it'; s.dispatchEvent(new Event('input')) }")
        try await page.waitUntil("document.querySelector('#campaign-count').textContent === 'No campaign matches.'", "nothing matches")
        #expect(try await page.evaluate("document.querySelector('#campaigns').hidden") as? Bool == true)
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/campaign-list.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// A city typed where country codes go is caught at the field, pointing to the search, and nothing is saved.
    @Test func aTypedCityIsNotSavedAsALocation() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.click("input[name=ad-account]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#audience-name')", "the audience step shows")
        try await page.type("#audience-name", "Parisians")
        try await page.type("#audience-locations", "FR, Paris")
        try await page.click("#next")
        try await page.waitUntil("!document.querySelector('#audience-locations-error').hidden", "the field says why")
        #expect(try await page.text("#audience-locations-error") == "\"Paris\" is not a country code. Find regions and cities with \"Find locations\" below.")
        #expect(try await page.text("#step-heading") == "Audience")
        let audiences = try await harness.graphQL("{ audiences { totalCount } }")
        #expect((field(audiences, "audiences") as? [String: Any])?["totalCount"] as? Int == 0)
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// The headline's counter is each part against each placement's limit; Google shows three headlines at a time
    /// and says the others rotate in.
    @Test func eachHeadlinePartIsCountedAndGoogleShowsThreeAtATime() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try await StudioPage.walkToCreative(page)
        try await page.type("#headline", TastyChips.headline)
        try await page.waitUntil("document.querySelector('#headline-count').textContent.includes('7/30')", "the parts are counted")
        #expect(try await page.text("#headline-count") == "Google Search 24/30 · 7/30 — Meta Feed 24/40")
        try await page.type("#headline", "Spicy Chips | 20% Off | Kettle Cooked | Free Delivery | Order Today")
        // The previews redraw as each key arrives: wait for the whole headline's, not the first with a rotation.
        try await page.waitUntil("""
            document.querySelector('#preview-google .g-rotated')?.textContent === '+ 2 more headlines shown in turn'
              && document.querySelector('#headline-count').textContent.includes('11/30 — Meta')
            """, "the rotation is said for the whole headline")
        #expect(try await page.text("#preview-google .g-headline") == "Spicy Chips | 20% Off | Kettle Cooked")
        #expect(try await page.text("#preview-google .g-rotated") == "+ 2 more headlines shown in turn")
        #expect(try await page.text("#headline-count") == "Google Search 11/30 · 7/30 · 13/30 · 13/30 · 11/30 — Meta Feed 11/40")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// With many saved audiences, the audience step finds one by name; the search is shown only when there is a list to search.
    @Test func aSavedAudienceIsFoundByName() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try harness.sql("""
            INSERT INTO audiences (organization_id, name, rules)
            SELECT id, 'Audience ' || n, '{"locations": ["US"], "age_min": 18, "age_max": 65, "interests": []}'::jsonb
            FROM organizations, generate_series(1, 80) n
            """)
        try harness.sql("""
            INSERT INTO audiences (organization_id, name, rules)
            SELECT id, 'Weekend Hikers', '{"locations": ["CA"], "age_min": 25, "age_max": 45, "interests": []}'::jsonb FROM organizations
            """)
        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.click("input[name=ad-account]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelectorAll('input[name=audience]').length === 50", "the newest 50 are listed")
        #expect(try await page.evaluate("document.querySelector('#audience-search').closest('label').hidden") as? Bool == false)
        try await page.type("#audience-search", "hikers")
        try await page.waitUntil("document.querySelectorAll('input[name=audience]').length === 1", "the search answers")
        #expect(try await page.text(".saved-audiences .choice-title") == "Weekend Hikers")
        #expect(try await page.text(".saved-audiences legend") == "Saved audiences with \"hikers\" (1)")
        try await page.click("input[name=audience]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#budget-amount')", "the chosen audience is used")
        let audiences = try await harness.graphQL("{ audiences { totalCount } }")
        #expect((field(audiences, "audiences") as? [String: Any])?["totalCount"] as? Int == 81, "nothing new was saved")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
