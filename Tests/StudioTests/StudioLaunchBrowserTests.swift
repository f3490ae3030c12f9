import Foundation
import Testing
import TestSupport

/// The whole wizard against the simulated platforms: Meta connected through the OAuth flow from the
/// page, the Tasty Chips creative launched, then paused and resumed from the status view.
@Suite(.serialized) struct StudioLaunchBrowserTests {
    @Test func theWizardConnectsMetaAndLaunchesTheCampaignOnTheSimulator() async throws {
        let harness = try StudioHarness(simulator: true)
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await StudioPage.signIn(page, harness)

        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        // No account yet: connect Meta through its consent page (the simulator approves at once) and come back.
        try await page.waitUntil("document.querySelector('#connect-meta-ads')", "the connect buttons show")
        #expect(try await page.evaluate("document.querySelectorAll('input[name=ad-account]').length") as? Int == 0)
        try await page.click("#connect-meta-ads")
        try await page.waitUntil("document.querySelector('#notice')", "the page is back from Meta", timeout: 30)
        #expect(try await page.text("#notice") == "Meta is connected: 2 ad accounts found.")
        #expect(try await page.evaluate("location.search") as? String == "")
        try await page.waitUntil("document.querySelectorAll('input[name=ad-account]').length === 2", "the accounts are listed")
        try await page.evaluate("[...document.querySelectorAll('input[name=ad-account]')].find(r => r.closest('label').querySelector('.choice-title').textContent === 'Tasty Chips Co.').click()")
        try await page.click("#next")

        // The interest is picked from Meta's targeting search, so the ad set carries its id.
        try await StudioPage.newAudienceToCreative(page, pickInterest: true)
        try await StudioPage.typeTastyChipsCreative(page)
        try await page.click("#next", until: "document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the review shows")

        try await page.waitUntil("document.querySelector('#problems .preview-ok')", "the review finds nothing Meta would refuse", timeout: 60)
        // The Page the ads run as and the pixel Sales ad sets optimize for, from Meta's lists.
        try await page.waitUntil("document.querySelector('#meta-pixel')", "the Page and pixel show")
        #expect(try await page.evaluate("document.querySelector('#meta-page').value") as? String == "102030405060708")
        #expect(try await page.evaluate("[...document.querySelectorAll('#meta-page option')].map(o => o.textContent).join()") as? String == "Tasty Chips")
        #expect(try await page.evaluate("document.querySelector('#meta-pixel').value") as? String == "556677889900112")
        #expect(try await page.text("#review-budget-amount") == "$50.00 a day")
        #expect(try await page.text("#next") == "Launch campaign")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "the campaign is live", timeout: 30)
        try await page.waitUntil("document.querySelectorAll('#execution-log li').length >= 3", "the execution log shows the steps")
        #expect(try await page.evaluate("document.querySelectorAll('#execution-log li.log-error').length") as? Int == 0)

        let body = try await harness.graphQL("""
            { campaigns { edges { node { status externalCampaignId units { externalId } executionLog { edges { node { action status } } } } } } }
            """)
        let campaign = try #require(((field(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])?.first?["node"] as? [String: Any], "\(body)")
        #expect(campaign["status"] as? String == "LIVE")
        #expect((campaign["externalCampaignId"] as? String)?.isEmpty == false)
        #expect(((campaign["units"] as? [[String: Any]])?.first?["externalId"] as? String)?.isEmpty == false)
        let audiences = try await harness.graphQL("{ audiences { edges { node { interestTargets { name metaId } } } } }")
        let picked = ((field(audiences, "audiences") as? [String: Any])?["edges"] as? [[String: Any]])?.first?["node"] as? [String: Any]
        #expect((picked?["interestTargets"] as? [[String: Any]])?.compactMap { $0["metaId"] as? String } == ["6003346592981"], "\(audiences)")
        let logged = ((campaign["executionLog"] as? [String: Any])?["edges"] as? [[String: Any]] ?? []).count
        #expect(try await page.evaluate("document.querySelectorAll('#execution-log li').length") as? Int == logged)
        try await page.screenshot("main", to: TestArtifacts.directory.appendingPathComponent("studio/launched.png"))

        // Each ad's review under its preview: not read yet, then what the metrics sync stored from the platform.
        #expect(try await page.text(".status-ad .review") == "Review: not read from the platform yet.")
        try harness.sql("""
            INSERT INTO ad_review_statuses (ad_creative_id, organization_id, platform, status, platform_status, reasons)
            SELECT id, organization_id, 'meta_ads', 'disapproved', 'DISAPPROVED', ARRAY['Your ad makes misleading claims.'] FROM ad_creatives
            """)
        try await page.waitUntil("document.querySelector('.status-ad .review')?.dataset.review === 'DISAPPROVED'", "the review shows", timeout: 15)
        #expect(try await page.text(".status-ad .review strong") == "Review: Disapproved")
        #expect(try await page.text(".status-ad .review-reasons li") == "Your ad makes misleading claims.")

        // An ad whose platform id was lost (an addition whose answer never came) shows as pending; sending the
        // pending changes finds the ad on Meta again instead of creating another.
        let adID = try #require(try harness.rows("SELECT external_id FROM ad_creatives")[0].decode("external_id", as: String?.self))
        try harness.sql("UPDATE ad_creatives SET external_id = NULL")
        try await page.waitUntil("document.querySelector('#campaign-send-pending-changes')", "the pending ad is offered to send", timeout: 15)
        #expect(try await page.text(".status-ad .review") == "Not on the platform yet: send the pending changes.")
        try await page.click("#campaign-send-pending-changes")
        try await page.waitUntil("document.querySelector('.status-ad .review')?.dataset.review === 'DISAPPROVED'", "the ad is found again", timeout: 15)
        #expect(try harness.rows("SELECT external_id FROM ad_creatives")[0].decode("external_id", as: String?.self) == adID)
        #expect(try await page.evaluate("document.querySelector('#campaign-send-pending-changes')") is NSNull)

        // Pause and resume from the status view; both show in the log.
        try await page.click("#campaign-pause")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Paused'", "the campaign is paused", timeout: 30)
        // The status view is redrawn every few seconds: not a live region; the new status is announced once.
        #expect(try await page.evaluate("document.querySelector('#campaign-status').getAttribute('aria-live')") is NSNull)
        try await page.waitUntil("document.querySelector('#announcer').textContent.endsWith(' is now paused.')", "the pause is announced")
        try await page.waitUntil("document.querySelectorAll('#execution-log li').length > \(logged)", "the pause is logged")
        // By keyboard: Resume has focus and keeps it through refreshes (every 4 s); pressing it moves focus to Pause.
        try await page.evaluate("document.querySelector('#campaign-resume').focus()")
        try await Task.sleep(nanoseconds: 5_000_000_000)
        #expect(try await page.evaluate("document.activeElement.id") as? String == "campaign-resume", "focus survives a refresh")
        try await page.press("Enter", code: "Enter", keyCode: 13)
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "the campaign is live again", timeout: 30)
        try await page.waitUntil("document.activeElement.id === 'campaign-pause'", "focus moves to Pause, the control that follows")
        try await page.waitUntil("document.querySelectorAll('#execution-log li').length > \(logged + 1)", "the resume is logged")
        try await Task.sleep(nanoseconds: 4_500_000_000)
        #expect(try await page.evaluate("document.activeElement.id") as? String == "campaign-pause", "and keeps it")

        // Totals read as money in the budget's currency, and the spend is put beside the budget in words.
        try harness.sql("""
            INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
            SELECT c.organization_id, c.id, d.id, current_date, v.value FROM campaigns c
            CROSS JOIN (VALUES ('impressions', 3950), ('clicks', 144), ('spend', 87.84)) v(key, value)
            JOIN metric_definitions d ON d.key = v.key
            """)
        try await page.waitUntil("document.querySelector('[data-metric=cpc] dd')", "the totals show", timeout: 15)
        #expect(try await page.text("[data-metric=cpc] dd") == "$0.61")
        #expect(try await page.text("[data-metric=cpm] dd") == "$22.24")
        #expect(try await page.text("#budget-line") == "Spent $87.84 in the last 30 days, on a daily budget of $50.00.")
        // One day of metrics is a point per metric, not an empty chart.
        #expect(try await page.evaluate("[...document.querySelectorAll('.chart circle')].map(c => c.dataset.key + '@' + c.getAttribute('cx'))") as? [String]
                == ["spend@344", "clicks@344"])
        // Each panel has its y axis in its unit and its x axis of days.
        #expect(try await page.evaluate("[...document.querySelectorAll('.chart .y-title')].map(e => e.textContent)") as? [String] == ["Spend (USD)", "Clicks"])

        // Complete asks first; a refresh does not sweep the question away; Cancel keeps the campaign live.
        try await page.click("#campaign-complete")
        try await page.waitUntil("document.querySelector('#complete-confirm')", "the question shows")
        #expect(try await page.evaluate("document.activeElement.id") as? String == "campaign-complete-cancel")
        try await Task.sleep(nanoseconds: 4_500_000_000)
        #expect(try await page.exists("#complete-confirm"), "still asking after a refresh")
        try await page.click("#campaign-complete-cancel")
        #expect(try await page.exists("#complete-confirm") == false)
        #expect(try await page.text("#campaign-status-value") == "Live")
        try await page.click("#campaign-complete")
        try await page.click("#campaign-complete-confirm")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Completed'", "the campaign is completed", timeout: 30)
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    @Test func aDraftFromTheListOpensInTheWizardAndItsLiveEditIsPublished() async throws {
        let harness = try StudioHarness(simulator: true)
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await StudioPage.signIn(page, harness)
        try await page.click("input[name=objective][value=SALES]")
        try await page.click("#next")
        try await page.click("#connect-meta-ads")
        try await page.waitUntil("document.querySelector('#notice')", "the page is back from Meta", timeout: 30)

        // A draft made through the API, as the demo's "Spicy Jalapeño Chips" campaign is.
        let campaignID = try await harness.metaDraft(named: "Spicy Jalapeño Chips – Launch")

        try await page.click("#show-campaigns")
        try await page.waitUntil("document.querySelector('#campaigns button[data-campaign]')", "the campaigns are listed")
        #expect(try await page.text("#campaigns tbody tr td:last-child") == "Draft")
        // The draft opens into the wizard at its review: the steps are this campaign's, not the one built before.
        try await page.click("#campaigns button[data-campaign]")
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the draft opens at its review")
        #expect(try await page.evaluate("document.querySelector('#campaign-name').value") as? String == "Spicy Jalapeño Chips – Launch")
        // Its audience is the chosen one, with Meta's estimate of its size (US, ages 18–34).
        try await page.evaluate("[...document.querySelectorAll('.step-link')].find(b => b.textContent.includes('Audience')).click()")
        try await page.waitUntil("document.querySelector('#audience-estimate')?.textContent", "Meta's estimate shows")
        #expect(try await page.text("#audience-estimate") == "Meta estimates this audience at 2.7M–3.7M people a month.")
        #expect(try await page.evaluate("document.querySelector('input[name=audience]:checked')?.closest('label').querySelector('.choice-title').textContent") as? String
                == "Young snackers")
        try await page.evaluate("[...document.querySelectorAll('.step-link')].find(b => b.textContent.includes('Creative')).click()")
        try await page.waitUntil("document.querySelector('#headline')", "its creative shows")
        #expect(try await page.evaluate("document.querySelector('#headline').value") as? String == TastyChips.headline)
        try await page.waitUntil("document.querySelector('#preview-meta .m-headline')", "its Meta preview shows")
        #expect(try await page.text("#preview-meta .m-headline") == "New Spicy Jalapeño Chips")
        #expect(try await page.text("#preview-meta .m-cta") == "Shop Now")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Review & launch'", "back at the review")
        try await page.waitUntil("document.querySelector('#meta-pixel')", "the Page and pixel show")
        #expect(try await page.text("#next") == "Launch campaign")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "the draft is launched", timeout: 30)
        try await page.waitUntil("document.querySelectorAll('#execution-log li').length >= 3", "the launch is logged")
        let before = try await harness.graphQL("query($id: ID!) { campaign(id: $id) { creatives { id } } }", ["id": campaignID])
        #expect(((field(before, "campaign") as? [String: Any])?["creatives"] as? [[String: Any]])?.count == 1, "one creative, one version, before the edit")

        // Edited once live: the review says what publishing does, and the new text is live on Meta when it says so.
        try await page.click("#campaign-edit")
        try await page.waitUntil("document.querySelector('#headline')", "the creative step shows")
        try await page.evaluate("const h = document.querySelector('#headline'); h.value = ''; h.dispatchEvent(new Event('input'))")
        try await page.type("#headline", "New Spicy Jalapeño Chips | 25% Off")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#publish-notice')", "the review says the campaign is live")
        #expect(try await page.text("#next") == "Publish changes")
        #expect(try await page.text("#publish-notice")?.hasPrefix("This campaign is live on Meta.") == true)
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "the status view shows", timeout: 30)
        let edited = try await harness.graphQL("""
            query($id: ID!) { campaign(id: $id) { status creatives { version headline externalId history { version externalId } } } }
            """, ["id": campaignID])
        let current = try #require(((field(edited, "campaign") as? [String: Any])?["creatives"] as? [[String: Any]])?.first, "\(edited)")
        #expect(current["version"] as? Int == 2)
        #expect(current["headline"] as? String == "New Spicy Jalapeño Chips | 25% Off")
        #expect((current["externalId"] as? String)?.isEmpty == false, "the new version runs on Meta")
        #expect((field(edited, "campaign") as? [String: Any])?["status"] as? String == "LIVE")
        let after = try await harness.graphQL("query($id: ID!) { campaign(id: $id) { status externalCampaignId } }", ["id": campaignID])
        #expect((field(after, "campaign") as? [String: Any])?["status"] as? String == "LIVE")
        #expect(page.problems().isEmpty, "\(page.problems())")
    }

    /// One creative, both platforms: a campaign live on Meta is launched on Google too from its status view — the copy
    /// opens at its review, gets what Google needs (keywords, a third headline, a second description), launches, and
    /// the two show each other in the status view and in the campaign list.
    @Test func aCampaignLiveOnMetaIsLaunchedOnGoogleTooFromThePage() async throws {
        let harness = try StudioHarness(simulator: true)
        let browser = try Chromium()
        defer { browser.stop(); harness.stop() }
        let page = try await browser.page()
        try await StudioPage.signIn(page, harness)
        for platform in ["meta-ads", "google-ads"] {
            try await page.evaluate("[...document.querySelectorAll('#key-bar button')].find(b => b.textContent === 'New campaign').click()")
            try await page.click("input[name=objective][value=SALES]")
            try await page.click("#next")
            try await page.waitUntil("document.querySelector('#connect-\(platform)')", "the connect buttons show")
            try await page.click("#connect-\(platform)")
            try await page.waitUntil("document.querySelector('#notice')", "the page is back from \(platform)", timeout: 30)
        }
        let campaignID = try await harness.metaDraft(named: "Spicy Jalapeño Chips")

        // Launched on Meta from the review it opens at.
        try await page.click("#show-campaigns")
        try await page.waitUntil("document.querySelector('#campaigns button[data-campaign]')", "the campaigns are listed")
        try await page.click("#campaigns button[data-campaign]")
        try await page.waitUntil("document.querySelector('#meta-pixel')", "the review shows with the Page and pixel")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "live on Meta", timeout: 30)

        // Launch on Google too: Google has three accounts, so the form asks which.
        try await page.click("#campaign-copy")
        try await page.waitUntil("document.querySelector('#copy-form')", "the copy form shows")
        try await page.evaluate("""
            { const s = document.querySelector('#copy-account'); s.value = [...s.options].find(o => o.textContent.startsWith('Tasty Chips Co. – US')).value; s.dispatchEvent(new Event('change')) }
            """)
        #expect(try await page.evaluate("document.querySelector('#copy-budget').closest('label').hidden") as? Bool == true, "same currency: no budget asked")
        try await page.click("#copy-confirm")
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Review & launch'", "the copy opens at its review")
        #expect(try await page.evaluate("document.querySelector('#campaign-name').value") as? String == "Spicy Jalapeño Chips – Google Ads")
        try await page.waitUntil("document.querySelector('#problems li, #problems .preview-ok')", "the copy is checked against Google")

        // What Google needs beyond the Meta ad: keywords, a third headline, a second description.
        try await page.evaluate("[...document.querySelectorAll('.step-link')].find(b => b.textContent.includes('Audience')).click()")
        try await page.waitUntil("document.querySelector('#keywords')", "the keywords show")
        try await page.type("#keywords", "spicy chips")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#budget-amount')?.value === '50.00'", "the copy's budget shows")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#more-headlines')", "the creative step shows Google's fields")
        try await page.type("#more-headlines", "Kettle Cooked Heat")
        try await page.type("#more-descriptions", "Order a case today.")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#step-heading')?.textContent === 'Review & launch'", "back at the review")
        #expect(try await page.text("#next") == "Launch campaign")
        try await page.click("#next")
        try await page.waitUntil("document.querySelector('#campaign-status-value')?.textContent === 'Live'", "live on Google too", timeout: 30)
        try await page.waitUntil("document.querySelector('#linked-campaigns')", "the original is linked")
        #expect(try await page.text("#linked-campaigns li") == "Copied from Spicy Jalapeño Chips on Meta (live)")

        let both = try await harness.graphQL("{ campaigns { edges { node { name platform status copiedFrom { name } copies { name } } } } }")
        let nodes = ((field(both, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]] ?? []).compactMap { $0["node"] as? [String: Any] }
        #expect(nodes.map { "\($0["platform"] ?? ""):\($0["status"] ?? "")" } == ["GOOGLE_ADS:LIVE", "META_ADS:LIVE"], "\(both)")
        #expect((nodes.first?["copiedFrom"] as? [String: Any])?["name"] as? String == "Spicy Jalapeño Chips")
        #expect((nodes.last?["copies"] as? [[String: Any]])?.first?["name"] as? String == "Spicy Jalapeño Chips – Google Ads")
        try await page.click("#show-campaigns")
        try await page.waitUntil("document.querySelectorAll('#campaigns .linked-note').length === 2", "both rows say they are linked")
        #expect(try await page.evaluate("[...document.querySelectorAll('#campaigns .linked-note')].map(e => e.textContent)") as? [String]
                == ["Also on Meta", "Also on Google Ads"])
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
