import Foundation
import Testing
import TestSupport

/// The Performance view: Google and Meta side by side, charts with labeled axes, a sortable table, CSV,
/// pacing badges, alerts that can be acknowledged, and rules added (and refused) from the page; on a phone too.
@Suite(.serialized) struct StudioPerformanceBrowserTests {
    /// A live campaign on each connected account with one ad, and 30 days of figures: Google spends 40.00 a day on a
    /// 20.00 daily budget (overspending) for 80 clicks and 2 to 4 conversions (a cost per conversion of 13.33 over the
    /// last 3 days), Meta 10.00 a day on 30.00 for 25 clicks and 1 to 3 conversions.
    func seed(_ harness: StudioHarness) throws {
        try harness.sql(
            """
            WITH org AS (SELECT organization_id AS id FROM api_keys WHERE key_hash = sha256(convert_to(\(harness.key), 'UTF8'))),
                 campaign AS (
                   INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status, created_at)
                   SELECT a.organization_id, a.id, CASE i.provider WHEN 'google_ads' THEN 'Search – Jalapeño' ELSE 'Social – Jalapeño' END,
                          i.provider, 'sales', 'live', now() - interval '60 days'
                   FROM ad_accounts a JOIN integrations i ON i.id = a.integration_id JOIN org ON org.id = a.organization_id
                   RETURNING id, organization_id, platform),
                 budget AS (
                   INSERT INTO campaign_budgets (organization_id, campaign_id, type, amount, currency)
                   SELECT organization_id, id, 'daily', CASE platform WHEN 'google_ads' THEN 20 ELSE 30 END, 'USD' FROM campaign RETURNING campaign_id),
                 audience AS (
                   INSERT INTO audiences (organization_id, name, rules)
                   SELECT id, 'Everyone', '{"locations": ["US"], "age_min": 18, "age_max": 65, "interests": []}'::jsonb FROM org RETURNING id, organization_id),
                 unit AS (
                   INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name)
                   SELECT c.organization_id, c.id, a.id, 'Unit' FROM campaign c CROSS JOIN audience a RETURNING id, campaign_id, organization_id)
            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, call_to_action, landing_url, external_id)
            SELECT organization_id, id, 'Hot chips', 'shop_now', 'https://chips.example.com', 'ad-' || id FROM unit
            """)
        try harness.sql(
            """
            INSERT INTO ad_daily_metrics (organization_id, ad_creative_id, campaign_unit_id, campaign_id, platform, currency, date,
                                          impressions, clicks, spend, conversions, conversion_value)
            SELECT c.organization_id, cr.id, u.id, c.id, c.platform, 'USD', current_date - g,
                   CASE c.platform WHEN 'google_ads' THEN 2000 ELSE 5000 END, CASE c.platform WHEN 'google_ads' THEN 80 ELSE 25 END,
                   CASE c.platform WHEN 'google_ads' THEN 40 ELSE 10 END, CASE c.platform WHEN 'google_ads' THEN 2 ELSE 1 END + g % 3, 60
            FROM campaigns c JOIN campaign_units u ON u.campaign_id = c.id JOIN ad_creatives cr ON cr.campaign_unit_id = u.id, generate_series(0, 29) g
            """)
    }

    @Test func googleAndMetaSideBySideWithPacingAlertsAndRules() async throws {
        let (harness, browser, page) = try await StudioPage.open()
        defer { browser.stop(); harness.stop() }
        try seed(harness)
        try await page.click("#show-performance")
        try await page.waitUntil("document.querySelectorAll('.platform-card').length === 2", "both platforms show")
        #expect(try await page.text("#step-heading") == "Performance")
        // 30 days: Google 1,200.00 spent for 2,400 clicks; Meta 300.00 for 750.
        #expect(try await page.text(".platform-card[data-platform=GOOGLE_ADS] [data-metric=spend] dd") == "$1,200.00")
        #expect(try await page.text(".platform-card[data-platform=GOOGLE_ADS] [data-metric=cpc] dd") == "$0.50")
        #expect(try await page.text(".platform-card[data-platform=META_ADS] [data-metric=ctr] dd") == "0.50 %")
        #expect(try await page.text(".platform-card[data-platform=META_ADS] [data-metric=roas] dd") == "6.00 ×")
        // Two panels (spend, conversions), each with a line per platform and axes titled with their units.
        #expect(try await page.evaluate("document.querySelectorAll('#report-chart polyline').length") as? Int == 4)
        #expect(try await page.evaluate("[...document.querySelectorAll('#report-chart .y-title')].map(e => e.textContent)") as? [String]
                == ["Spend (USD)", "Conversions"])
        #expect(try await page.evaluate("document.querySelectorAll('#report-chart .x-title').length") as? Int == 2)

        // The table sorts by a column, both ways, and says so.
        try await page.click("[data-sort=cpc]")
        try await page.waitUntil("document.querySelector('th[aria-sort=descending] [data-sort=cpc]')", "sorted by CPC, highest first")
        #expect(try await page.evaluate("[...document.querySelectorAll('.report tbody td[data-column=cpc]')].map(e => e.textContent)") as? [String] == ["$0.50", "$0.40"])
        try await page.click("[data-sort=cpc]")
        try await page.waitUntil("document.querySelector('th[aria-sort=ascending] [data-sort=cpc]')", "sorted by CPC, lowest first")
        #expect(try await page.evaluate("[...document.querySelectorAll('.report tbody td[data-column=cpc]')].map(e => e.textContent)") as? [String] == ["$0.40", "$0.50"])
        // CSV of the same rows, exact figures.
        let csv = try #require(try await page.evaluate("""
            (async () => { const m = await import('/studio/steps/performance.js');
              const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('campaignd.apiKey') },
                body: JSON.stringify({ query: '{ performanceReport(from: "2000-01-01", to: "2001-12-31", groupBy: [CAMPAIGN]) { rows { currency } } }' }) });
              const rows = [{ date: null, platform: 'GOOGLE_ADS', campaign: { name: 'A, "quoted"' }, currency: 'USD',
                figures: { impressions: '10', clicks: '1', spend: '2.5', ctr: '0.100000', cpc: null } }];
              return m.csv(rows) + '|' + (await r.json()).data.performanceReport.rows.length; })()
            """) as? String)
        #expect(csv.hasPrefix("date,platform,campaign,unit,creative,currency,impressions,clicks,ctr,spend,cpc,cpm,conversions,conversionRate,costPerConversion,conversionValue,roas\r\n"
                              + ",GOOGLE_ADS,\"A, \"\"quoted\"\"\",,,USD,10,1,0.100000,2.5,,,,,,,\r\n"), "\(csv)")
        #expect(csv.hasSuffix("|0"))

        // Pacing: Google projects twice its month's budget.
        try await page.waitUntil("document.querySelectorAll('.pacing-list li').length === 2", "pacing shows")
        #expect(try await page.evaluate("document.querySelector('.pacing-list .pacing-over')?.parentElement.querySelector('strong').textContent") as? String == "Search – Jalapeño")

        // A rule refused by the server shows at its field; a good one is listed and runs as a dry run.
        try await page.type("#rule-name", "CPA guard")
        try await page.type("#rule-threshold", "abc")
        try await page.click("#rule-save")
        try await page.waitUntil("!document.querySelector('#rule-threshold-error').hidden", "the threshold is refused")
        #expect(try await page.evaluate("document.activeElement.id") as? String == "rule-threshold")
        try await page.evaluate("document.querySelector('#rule-threshold').value = ''")
        try await page.type("#rule-threshold", "10")
        try await page.click("#rule-dryRun")
        try await page.click("#rule-save")
        try await page.waitUntil("document.querySelectorAll('.rule-list li').length === 1", "the rule is listed")
        #expect(try await page.evaluate("document.querySelector('.rule-list li').textContent.includes('when cost per conversion (cpa) is above 10 over the last 3 days, once it has 50 clicks')") as? Bool == true)
        _ = try await harness.graphQL("""
            mutation { createAutomationRule(input: { name: "Overspend", kind: METRIC, metric: PACING, comparison: GREATER_THAN, threshold: "1.2", action: ALERT }) { id } }
            """)
        try await page.click("#run-rules")
        try await page.waitUntil("document.querySelector('.rule-list')?.textContent.includes('would pause (dry run)')", "the dry run is reported")
        try await page.waitUntil("document.querySelectorAll('.alert-list li').length === 1", "the pacing alert shows")
        #expect(try await page.text("#alerts-heading") == "Alerts (1)")
        let statuses = try harness.rows("SELECT status FROM campaigns ORDER BY name").map { try $0.decode("status", as: String.self) }
        #expect(statuses == ["live", "live"], "a dry run pauses nothing")
        try await page.screenshotOfWindow(to: TestArtifacts.directory.appendingPathComponent("studio/performance.png"))
        try await page.click(".alert-list button")
        try await page.waitUntil("document.querySelector('#alerts-heading')?.textContent === 'Alerts (0)'", "the alert is acknowledged")
        #expect(try await page.evaluate("document.activeElement.id") as? String == "alerts-heading")

        // On a phone the view is no wider than the screen: the table scrolls inside itself.
        try await page.emulatePhone()
        try await page.waitUntil("document.documentElement.scrollWidth <= window.innerWidth", "the page fits a phone")
        try await page.screenshotOfWindow(to: TestArtifacts.directory.appendingPathComponent("studio/performance-phone.png"))
        #expect(page.problems().isEmpty, "\(page.problems())")
    }
}
