import Foundation
import Testing
import TestSupport

/// The rest of the wizard in the browser: keyboard use and labels, the review's problems, saving the
/// campaign, and the status view with its execution log and metrics chart.
@Suite(.serialized) struct StudioWizardBrowserTests {
    @Test func theWizardWorksByKeyboardAndEveryControlHasALabel() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        // Each step's heading takes the focus, so screen readers announce it.
        try await page.waitUntil("document.activeElement?.id === 'step-heading'", "the objective heading has the focus")
        #expect(try await page.text("#step-heading") == "Objective")
        #expect(try await page.text("[aria-current=step]")?.contains("Objective") == true)
        try await page.press("Tab", code: "Tab", keyCode: 9)
        try await page.waitUntil("document.activeElement?.name === 'objective'", "Tab reaches the first objective")
        try await page.press(" ", code: "Space", keyCode: 32)
        try await page.waitUntil("document.querySelector('input[name=objective][value=LEADS]').checked", "Space chooses it")
        try await page.press("Tab", code: "Tab", keyCode: 9)
        try await page.waitUntil("document.activeElement?.id === 'next'", "Tab reaches Next")
        try await page.press("Enter", code: "Enter", keyCode: 13)
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Connection'", "Enter moves on")

        // Going on without a choice is refused with a message in the alert region.
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.click("#next")
        #expect(try await page.text("#alert") == "Choose an ad account to continue.")
        #expect(try await page.evaluate("document.querySelector('#alert').getAttribute('role')") as? String == "alert")

        try await StudioPage.walkToCreativeFromConnection(page)
        let unlabelled = try await page.evaluate("""
            [...document.querySelectorAll('input, select, textarea')]
              .filter(e => !(e.labels?.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.id || e.name)
            """) as? [String]
        #expect(unlabelled == [])
        // The previews are redrawn at every key: not a live region; what they would refuse is announced when it changes.
        #expect(try await page.evaluate("document.querySelector('#previews').getAttribute('aria-live')") is NSNull)
        // The first drawing (empty headline) is not announced: wait for it, so the typing below is a change.
        try await page.waitUntil("document.querySelector('#previews').dataset.version", "the first previews are drawn")
        try await page.type("#headline", "Extra Crunchy Spicy Jalapeño Chips")
        try await page.waitUntil("document.querySelector('#announcer').textContent.startsWith('Google Search: Headline part')", "the Google warning is announced")
        #expect(try await page.text("#announcer")?.contains("Meta Feed: The landing URL must be an http or https URL.") == true)
        #expect(try await page.text("#announcer")?.contains("Sponsored") == false)
        try await page.evaluate("const h = document.querySelector('#headline'); h.value = ''; h.dispatchEvent(new Event('input'))")

        // Back on the audience step, the audience just saved is listed, chosen, and can be reused.
        try await page.evaluate("[...document.querySelectorAll('.step-link')].find(b => b.textContent.includes('Audience')).click()")
        try await page.waitUntil("document.querySelector('input[name=audience]')", "the saved audiences are listed")
        #expect(try await page.evaluate("document.querySelector('input[name=audience]').checked") as? Bool == true)
        #expect(try await page.text(".saved-audiences .choice-text") == "US, CA · ages 18–65+ · snacks, spicy food")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Budget & schedule'", "the saved audience is reused")
        let audiences = try await harness.graphQL("{ audiences { totalCount } }")
        #expect((field(audiences, "audiences") as? [String: Any])?["totalCount"] as? Int == 1)
    }

    @Test func theReviewListsProblemsAndARefusedLaunchKeepsTheSavedDraft() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        // A Google account this time: the uploaded image is a note there, and one description is too few.
        try await page.click("input[name=objective][value=TRAFFIC]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.evaluate("[...document.querySelectorAll('input[name=ad-account]')].find(r => r.closest('label').textContent.includes('Search')).click()")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#audience-name')", "the audience step shows")
        try await page.type("#audience-name", "Young snackers")
        try await page.type("#audience-locations", "US, CA")
        try await page.type("#audience-interests", "snacks, spicy food")
        try await page.click("#next")

        // The budget and dates come before the creative, checked as they are chosen.
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Budget & schedule'", "the budget step shows")
        #expect(try await page.text("label[for=budget-amount]") == "Amount (USD)")
        try await page.click("#next")
        #expect(try await page.text("#alert") == "Enter a budget amount greater than 0.")
        try await page.type("#budget-amount", "12.345")
        try await page.evaluate("const t = document.querySelector('#budget-type'); t.value = 'LIFETIME'; t.dispatchEvent(new Event('change'))")
        try await page.click("#next")
        #expect(try await page.text("#alert") == "Enter an end date: a lifetime budget needs one on both platforms.")
        try await page.evaluate("const d = document.querySelector('#end-date'); d.value = '2031-01-31'; d.dispatchEvent(new Event('input'))")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#headline')", "the creative step shows")
        try await StudioPage.typeTastyChipsCreative(page)
        try await page.click("#next", until: "document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the review shows")

        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the review shows")
        try await page.waitUntil("document.querySelector('#problems li')", "the problems are listed")
        // The image is a note, in grey and said in words, beside the word that nothing would be refused.
        #expect(try await page.text("#problems li[data-code=IMAGE_NOT_SUPPORTED]") == "Note: Google Ads responsive search ads do not show images; the image is ignored.")
        #expect(try await page.evaluate("document.querySelector('#problems li').dataset.severity") as? String == "NOTE")
        #expect(try await page.evaluate("getComputedStyle(document.querySelector('#problems li')).color") as? String == "rgb(95, 99, 104)")
        #expect(try await page.text("#problems .preview-ok") == "✓ Nothing Google Ads would refuse.")
        #expect(try await page.evaluate("document.querySelectorAll('#problems li').length") as? Int == 1)
        try await page.waitUntil("document.querySelector('#review-audience').textContent.startsWith('Young snackers: US, CA')", "the audience is summed up")
        #expect(try await page.text("#review-budget-amount") == "12.345 USD in all")
        #expect(try await page.text("#review-schedule") == "From the launch – 2031-01-31")

        // The server refuses three decimals: the page goes back to the budget step and says so at the field.
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#budget-amount-error')?.hidden === false", "the amount is refused at its field")
        #expect(try await page.text("#step-heading") == "Budget & schedule")
        #expect(try await page.text("#budget-amount-error")?.contains("2 after the decimal point") == true)
        try await page.type("#budget-amount", "50")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#headline')", "the creative step shows again")
        // The step may still be drawing its previews when Next is first pressed: pressed again until the review shows.
        try await page.click("#next", until: "document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the review shows again")
        try await page.waitUntil("document.querySelector('#problems li')", "the problems are listed again")
        try await page.click("#next")
        // The campaign is saved as a draft, and the launch refused with every problem listed: Google needs three
        // headlines and two descriptions; the image is only a note there, not a reason to refuse.
        try await page.waitUntil("document.querySelector('#alert').textContent.includes('3 to 15 headlines')", "the launch is refused")
        let alert = try await page.text("#alert") ?? ""
        #expect(alert.contains("Responsive search ads need 3 to 15 headlines; this creative has 2."), "\(alert)")
        #expect(alert.contains("Responsive search ads need 2 to 4 descriptions; this creative has 1."), "\(alert)")
        #expect(!alert.contains("do not show images"), "\(alert)")
        #expect(try await page.text("#step-heading") == "Review & launch")
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/review-refused.png"))

        let body = try await harness.graphQL("""
            { campaigns { edges { node { name objective platform status endDate budget { type amount currency }
              creatives { headline description mediaUrl callToAction landingUrl } units { audience { name } } } } } }
            """)
        let campaigns = try #require((field(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]], "\(body)")
        #expect(campaigns.count == 1)
        let campaign = try #require(campaigns.first?["node"] as? [String: Any])
        #expect(campaign["name"] as? String == "New Spicy Jalapeño Chips – Google Ads")
        #expect(campaign["objective"] as? String == "TRAFFIC")
        #expect(campaign["platform"] as? String == "GOOGLE_ADS")
        #expect(campaign["status"] as? String == "DRAFT")
        #expect((campaign["budget"] as? [String: Any])?["amount"] as? String == "50.00")
        #expect((campaign["budget"] as? [String: Any])?["type"] as? String == "LIFETIME")
        #expect(campaign["endDate"] as? String == "2031-01-31")
        let creative = try #require((campaign["creatives"] as? [[String: Any]])?.first)
        #expect(creative["headline"] as? String == TastyChips.headline)
        #expect(creative["callToAction"] as? String == "SHOP_NOW")
        #expect((creative["mediaUrl"] as? String)?.hasPrefix(harness.server.baseURL.absoluteString + "/media/") == true)
        #expect(((campaign["units"] as? [[String: Any]])?.first?["audience"] as? [String: Any])?["name"] as? String == "Young snackers")

        // Trying again saves nothing twice.
        try await page.evaluate("document.querySelector('#alert').hidden = true")
        try await page.click("#next")
        try await page.waitUntil("!document.querySelector('#alert').hidden", "the launch is refused again")
        let again = try await harness.graphQL("{ campaigns { totalCount edges { node { creatives { version } } } } }")
        #expect((field(again, "campaigns") as? [String: Any])?["totalCount"] as? Int == 1)

        // Back on the creative step, more headlines and descriptions (one per line) make a creative Google takes:
        // the saved creative gets a new version with all of them, and the launch is no longer refused for them.
        try await page.evaluate("document.querySelector('#alert').hidden = true")
        try await page.evaluate("[...document.querySelectorAll('.step-nav button')].find(b => b.textContent === 'Back').click()")
        try await page.waitUntil("document.querySelector('#more-headlines')", "the creative step shows Google's extra fields")
        try await page.evaluate("""
            for (const [id, text] of [['#more-headlines', 'Kettle Cooked Heat\\nOrganic Potatoes'], ['#more-descriptions', 'Free shipping on your first box.']]) {
              const area = document.querySelector(id); area.value = text; area.dispatchEvent(new Event('input'));
            }
            """)
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#review-budget-amount')", "the review shows")
        try await page.click("#next")
        try await page.waitUntil("!document.querySelector('#alert').hidden", "the launch answers", timeout: 60)
        let answer = try await page.text("#alert") ?? ""
        #expect(!answer.contains("headlines") && !answer.contains("descriptions"), "\(answer)")
        let revised = try await harness.graphQL("{ campaigns { edges { node { creatives { version headlines descriptions } } } } }")
        let latest = try #require((((field(revised, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])?.first?["node"] as? [String: Any])?["creatives"] as? [[String: Any]])
        #expect(latest.first?["headlines"] as? [String] == ["New Spicy Jalapeño Chips", "20% Off", "Kettle Cooked Heat", "Organic Potatoes"], "\(latest)")
        #expect(latest.first?["descriptions"] as? [String] == [TastyChips.description, "Free shipping on your first box."])
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    @Test func theStatusShowsTheExecutionLogTotalsAndAChart() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        let accounts = try await harness.graphQL("{ adAccounts(platform: META_ADS) { id } }")
        let account = try #require(((field(accounts, "adAccounts") as? [[String: Any]])?.first)?["id"] as? String)
        let created = try await harness.graphQL(
            "mutation($a: ID!) { createCampaign(input: { adAccountId: $a, name: \"Spicy launch\", objective: SALES, budget: { type: DAILY, amount: 50, currency: \"USD\" } }) { id } }",
            ["a": account])
        let id = try #require((field(created, "createCampaign") as? [String: Any])?["id"] as? String, "\(created)")
        let uuid = String(decoding: Data(base64Encoded: id)!, as: UTF8.self).split(separator: ":")[1]
        try harness.sql("""
            UPDATE campaigns SET status = 'live' WHERE id = \(String(uuid))::uuid;
            """)
        try harness.sql("""
            INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message, created_at)
            SELECT organization_id, id, 'create_campaign', 'success', 'created 120208765432100001', now() - interval '1 minute' FROM campaigns WHERE id = \(String(uuid))::uuid
            UNION ALL
            SELECT organization_id, id, 'create_ad', 'error', 'Meta refused the ad: image too small', now() FROM campaigns WHERE id = \(String(uuid))::uuid
            """)
        try harness.sql("""
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT c.organization_id, c.id, d.id, current_date - g, CASE d.key WHEN 'impressions' THEN 1000 + g * 10 ELSE 40 + g END
            FROM campaigns c, metric_definitions d, generate_series(0, 6) AS g
            WHERE c.id = \(String(uuid))::uuid AND d.key IN ('impressions', 'clicks')
            """)

        try await page.evaluate("""
            sessionStorage.setItem('campaignd.studio', JSON.stringify({ step: 'status', campaignId: \(BrowserPage.quoted(id)) })); location.reload()
            """)
        try await page.waitUntil("document.querySelector('#execution-log')", "the execution log shows")
        #expect(try await page.text("#campaign-status-value") == "Live")
        #expect(try await page.evaluate("[...document.querySelectorAll('#execution-log li strong')].map(e => e.textContent)") as? [String] == ["create_ad", "create_campaign"])
        #expect(try await page.text("#execution-log li.log-error .log-message") == "Meta refused the ad: image too small")
        // The chart shows what the campaign has of spend, clicks and conversions: here clicks, over 7 days, on a
        // labeled axis from 0 to a round number above the highest day (46).
        #expect(try await page.evaluate("document.querySelectorAll('.chart polyline').length") as? Int == 1)
        #expect(try await page.evaluate("document.querySelector('.chart polyline[data-key=clicks]').getAttribute('points').split(' ').length") as? Int == 7)
        #expect(try await page.evaluate("[...document.querySelectorAll('.chart .y-tick')].map(e => e.textContent)") as? [String] == ["0", "20", "40", "60"])
        let totals = try await page.evaluate("[...document.querySelectorAll('.totals dt')].map(e => e.textContent)") as? [String]
        #expect(totals == ["Clicks", "CTR", "Impressions"], "\(totals ?? [])")
        #expect(try await page.evaluate("document.querySelectorAll('.chart table tbody tr').length") as? Int == 7)
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/status.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// A saved audience whose name and interest are one unbroken word each, at the limits: the audience step wraps
    /// them, so the page is no wider than the window and the new-audience form stays on screen.
    @Test func aLongUnbrokenAudienceWrapsInsteadOfWideningThePage() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        let created = try await harness.graphQL(
            "mutation($n: String!, $i: String!) { createAudience(input: { name: $n, locations: [\"US\"], ageMin: 18, ageMax: 65, interests: [$i] }) { id } }",
            ["n": String(repeating: "W", count: 255), "i": String(repeating: "m", count: 100)])
        #expect((field(created, "createAudience") as? [String: Any])?["id"] is String, "\(created)")
        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.click("input[name=ad-account]")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('input[name=audience]')", "the saved audience is listed")
        let width = try await page.evaluate("document.documentElement.scrollWidth") as? Int
        let window = try await page.evaluate("window.innerWidth") as? Int
        #expect(width != nil && width == window, "page \(width ?? -1) px wide in a \(window ?? -1) px window")
        #expect(try await page.evaluate("document.querySelector('#audience-name').getBoundingClientRect().right <= window.innerWidth") as? Bool == true)
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
