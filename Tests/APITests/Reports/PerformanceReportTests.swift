import Foundation
import Testing
import TestSupport

/// `performanceReport`: grouping, derived rates against hand-computed values, currencies kept apart, keyset
/// pages, filters, tenancy and bounds; `Campaign.pacing`.
@Suite struct PerformanceReportTests {
    static let figures = "figures { impressions clicks spend conversions conversionValue ctr cpc cpm conversionRate costPerConversion roas }"

    func report(_ harness: APITestHarness, key: String, groupBy: [String], from: String = "2026-11-01", to: String = "2026-11-30",
                filter: [String: Any]? = nil, first: Int = 100, after: String? = nil) async throws -> [String: Any] {
        var variables: [String: Any] = ["from": from, "to": to, "groupBy": groupBy, "first": first]
        if let filter { variables["filter"] = filter }
        if let after { variables["after"] = after }
        return try await harness.send(
            """
            query($from: Date!, $to: Date!, $groupBy: [ReportDimension!]!, $filter: ReportFilter, $first: Int, $after: String) {
              performanceReport(from: $from, to: $to, groupBy: $groupBy, filter: $filter, first: $first, after: $after) {
                rows { date platform currency campaign { name } creative { headline } \(Self.figures) }
                pageInfo { hasNextPage endCursor }
                totals { currency \(Self.figures) }
              }
            }
            """, variables, key: key)
    }

    func rows(_ body: [String: Any]) -> [[String: Any]] {
        ((data(body, "performanceReport") as? [String: Any])?["rows"] as? [[String: Any]]) ?? []
    }

    @Test func ratesAreExactAndNullWithoutADenominatorAndCurrenciesAreNeverAdded() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let search = try harness.reportCampaign(key: key, name: "Search", platform: "google_ads", currency: "USD", creatives: 2)
        let social = try harness.reportCampaign(key: key, name: "Social", platform: "meta_ads", currency: "EUR")
        let silent = try harness.reportCampaign(key: key, name: "Silent", platform: "meta_ads", currency: "USD")
        // Search: 3,000 impressions, 90 clicks, 45.00 spent, 3 conversions worth 150.00 over two ads and two days.
        try harness.adDay(search, creative: 0, "2026-11-10", impressions: 1_000, clicks: 30, spend: "12.50", conversions: "1", value: "50")
        try harness.adDay(search, creative: 1, "2026-11-10", impressions: 500, clicks: 20, spend: "10.00", conversions: "2", value: "100")
        try harness.adDay(search, creative: 0, "2026-11-11", impressions: 1_500, clicks: 40, spend: "22.50")
        try harness.adDay(social, "2026-11-10", impressions: 2_000, clicks: 70, spend: "35.00")
        // Impressions without a click: CPC, conversion rate and CPA have no denominator.
        try harness.adDay(silent, "2026-11-10", impressions: 400, clicks: 0, spend: "0")
        // Outside the range: left out.
        try harness.adDay(search, creative: 0, "2026-10-31", impressions: 9_999, clicks: 999, spend: "999")

        let body = try await report(harness, key: key, groupBy: ["CAMPAIGN"])
        #expect(body["errors"] == nil, "\(body)")
        let byName = Dictionary(uniqueKeysWithValues: rows(body).map { (($0["campaign"] as? [String: Any])?["name"] as? String ?? "", $0) })
        let searchFigures = try #require(byName["Search"]?["figures"] as? [String: Any])
        #expect(searchFigures["impressions"] as? String == "3000")
        #expect(searchFigures["clicks"] as? String == "90")
        #expect(searchFigures["spend"] as? String == "45")
        #expect(searchFigures["ctr"] as? String == "0.030000")          // 90 / 3000
        #expect(searchFigures["cpc"] as? String == "0.500000")          // 45 / 90
        #expect(searchFigures["cpm"] as? String == "15.000000")         // 45 × 1000 / 3000
        #expect(searchFigures["conversionRate"] as? String == "0.033333") // 3 / 90
        #expect(searchFigures["costPerConversion"] as? String == "15.000000") // 45 / 3
        #expect(searchFigures["roas"] as? String == "3.333333")         // 150 / 45
        let silentFigures = try #require(byName["Silent"]?["figures"] as? [String: Any])
        #expect(silentFigures["ctr"] as? String == "0.000000")
        for rate in ["cpc", "conversionRate", "costPerConversion", "roas"] {
            #expect(silentFigures[rate] is NSNull, "\(rate): \(silentFigures)")
        }
        #expect(byName["Social"]?["currency"] as? String == "EUR")

        // Totals: one entry per currency, USD = Search + Silent, EUR = Social alone.
        let totals = try #require((data(body, "performanceReport") as? [String: Any])?["totals"] as? [[String: Any]])
        #expect(totals.map { $0["currency"] as? String } == ["EUR", "USD"])
        let usd = try #require(totals.last?["figures"] as? [String: Any])
        #expect(usd["impressions"] as? String == "3400" && usd["clicks"] as? String == "90" && usd["spend"] as? String == "45")
        #expect((totals.first?["figures"] as? [String: Any])?["spend"] as? String == "35")

        // Grouped by platform and day: no row adds two currencies (Meta's USD and EUR stay apart).
        let byPlatformDay = rows(try await report(harness, key: key, groupBy: ["PLATFORM", "DAY"]))
        #expect(byPlatformDay.map { "\($0["date"] ?? "") \($0["platform"] ?? "") \($0["currency"] ?? "")" } == [
            "2026-11-10 GOOGLE_ADS USD", "2026-11-10 META_ADS EUR", "2026-11-10 META_ADS USD", "2026-11-11 GOOGLE_ADS USD",
        ])
        // By creative: each ad's own figures; the platform's campaign equals the sum of its ads.
        let byCreative = rows(try await report(harness, key: key, groupBy: ["CREATIVE"], filter: ["campaignIds": [globalID("Campaign", search.id)]]))
        let creativeClicks = byCreative.map { (($0["creative"] as? [String: Any])?["headline"] as? String ?? "", ($0["figures"] as? [String: Any])?["clicks"] as? String ?? "") }
        #expect(Set(creativeClicks.map { "\($0.0)=\($0.1)" }) == ["Creative 1=70", "Creative 2=20"])
    }

    @Test func pagesFollowTheKeysetAndFiltersNarrowTheRows() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let otherKey = try harness.organization(named: "Other Snacks Ltd.")
        let live = try harness.reportCampaign(key: key, name: "Live", platform: "google_ads")
        let paused = try harness.reportCampaign(key: key, name: "Paused", platform: "meta_ads", status: "paused")
        let foreign = try harness.reportCampaign(key: otherKey, name: "Foreign")
        for day in 1...7 {
            let date = String(format: "2026-11-%02d", day)
            try harness.adDay(live, date, impressions: 100 * day, clicks: day, spend: "\(day).00")
            try harness.adDay(paused, date, impressions: 10 * day, clicks: 1, spend: "1.00")
            try harness.adDay(foreign, date, impressions: 5, clicks: 5, spend: "5.00")
        }
        let whole = rows(try await report(harness, key: key, groupBy: ["DAY", "CAMPAIGN"]))
        #expect(whole.count == 14)
        #expect(!whole.contains { ($0["campaign"] as? [String: Any])?["name"] as? String == "Foreign" })
        var paged: [[String: Any]] = []
        var after: String?
        var pages = 0
        repeat {
            let body = try await report(harness, key: key, groupBy: ["DAY", "CAMPAIGN"], first: 3, after: after)
            #expect(body["errors"] == nil, "\(body)")
            paged += rows(body)
            let info = try #require((data(body, "performanceReport") as? [String: Any])?["pageInfo"] as? [String: Any])
            after = (info["hasNextPage"] as? Bool) == true ? info["endCursor"] as? String : nil
            pages += 1
        } while after != nil && pages < 10
        #expect(pages == 5)
        #expect(NSArray(array: paged).isEqual(to: whole))

        // A cursor of another grouping, or garbage, is refused.
        let cursor = try #require(((data(try await report(harness, key: key, groupBy: ["DAY"], first: 1), "performanceReport") as? [String: Any])?["pageInfo"] as? [String: Any])?["endCursor"] as? String)
        for bad in [cursor, "not-a-cursor"] {
            let refused = try await report(harness, key: key, groupBy: ["CAMPAIGN"], after: bad)
            #expect(firstError(refused).code == "BAD_USER_INPUT" && firstError(refused).field == "after", "\(refused)")
        }
        // Filters.
        let livePlatform = rows(try await report(harness, key: key, groupBy: ["CAMPAIGN"], filter: ["platforms": ["GOOGLE_ADS"]]))
        #expect(livePlatform.map { ($0["campaign"] as? [String: Any])?["name"] as? String } == ["Live"])
        let pausedOnly = rows(try await report(harness, key: key, groupBy: ["CAMPAIGN"], filter: ["statuses": ["PAUSED"]]))
        #expect(pausedOnly.map { ($0["figures"] as? [String: Any])?["impressions"] as? String } == ["280"])
        // Another organization's campaign id matches nothing.
        let foreignOnly = rows(try await report(harness, key: key, groupBy: ["CAMPAIGN"], filter: ["campaignIds": [globalID("Campaign", foreign.id)]]))
        #expect(foreignOnly.isEmpty)
        // Bounds: the range, first.
        let tooLong = try await report(harness, key: key, groupBy: ["DAY"], from: "2024-01-01", to: "2026-01-01")
        #expect(firstError(tooLong).code == "BAD_USER_INPUT" && firstError(tooLong).field == "to", "\(tooLong)")
        let justInside = try await report(harness, key: key, groupBy: ["DAY"], from: "2024-01-01", to: "2025-12-31")
        #expect(justInside["errors"] == nil, "\(justInside)")
        let tooMany = try await report(harness, key: key, groupBy: ["DAY"], first: 501)
        #expect(firstError(tooMany).code == "BAD_USER_INPUT" && firstError(tooMany).field == "first")
        // Filter lists hold at most 100 entries: 100 pass, 101 are refused before any statement.
        let hundred = (0..<100).map { _ in globalID("Campaign", UUID()) }
        #expect(try await report(harness, key: key, groupBy: ["CAMPAIGN"], filter: ["campaignIds": hundred])["errors"] == nil)
        let pastTheLimit = try await report(harness, key: key, groupBy: ["CAMPAIGN"], filter: ["campaignIds": hundred + [globalID("Campaign", UUID())]])
        #expect(firstError(pastTheLimit).code == "BAD_USER_INPUT", "\(pastTheLimit)")
        #expect(firstError(pastTheLimit).field?.hasPrefix("filter.campaignIds") == true, "\(pastTheLimit)")
    }

    @Test func pacingProjectsTheSpendOverTheBudgetsPeriod() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let today = Self.today
        // A daily budget of 10.00: this month's period; 3 days in, 45.00 spent.
        let monthStart = String(today.prefix(8)) + "01"
        let daily = try harness.reportCampaign(key: key, name: "Daily", budget: ("daily", "10.00"), start: nil, createdAt: "2026-01-01T00:00:00Z")
        // A lifetime budget of 300.00 over 30 days from 9 days ago: 9 days in, 120.00 spent.
        let start = Self.day(-9), end = Self.day(20)
        let lifetime = try harness.reportCampaign(key: key, name: "Lifetime", budget: ("lifetime", "300.00"), start: start, end: end)
        let unbudgeted = try harness.reportCampaign(key: key, name: "None")
        for offset in 0..<3 {
            try harness.adDay(daily, Self.day(-offset), impressions: 100, clicks: 10, spend: "15.00")
        }
        for offset in 0..<8 { try harness.adDay(lifetime, Self.day(-offset), impressions: 100, clicks: 10, spend: "15.00") }
        var paced: [String: [String: Any]] = [:]
        for campaign in [daily, lifetime, unbudgeted] {
            let answer = try await harness.send(
                "query($id: ID!) { campaign(id: $id) { name pacing { budgetType currency periodStart periodEnd periodBudget spendToDate projectedSpend pacing } } }",
                ["id": globalID("Campaign", campaign.id)], key: key)
            let node = try #require(data(answer, "campaign") as? [String: Any], "\(answer)")
            paced[node["name"] as? String ?? ""] = node["pacing"] as? [String: Any] ?? [:]
        }
        #expect(paced["None"]?.isEmpty == true)
        let lifetimePacing = try #require(paced["Lifetime"])
        #expect(lifetimePacing["periodStart"] as? String == start && lifetimePacing["periodEnd"] as? String == end)
        #expect(lifetimePacing["periodBudget"] as? String == "300.00")
        #expect(lifetimePacing["spendToDate"] as? String == "120.00")
        // 120.00 over 10 elapsed days (start to today, today counted) × 30 days.
        #expect(lifetimePacing["projectedSpend"] as? String == "360.00")
        #expect(lifetimePacing["pacing"] as? String == "1.200000")
        let dailyPacing = try #require(paced["Daily"])
        let elapsed = Int(today.suffix(2))!
        let daysInMonth = Self.daysInMonth(today)
        let spent = min(3, elapsed) * 15
        #expect(dailyPacing["periodStart"] as? String == monthStart)
        #expect(dailyPacing["periodBudget"] as? String == "\(10 * daysInMonth).00")
        #expect(dailyPacing["spendToDate"] as? String == "\(spent).00")
        let projected = Decimal(spent) * Decimal(daysInMonth) / Decimal(elapsed)
        #expect(dailyPacing["projectedSpend"] as? String == Self.money(projected), "\(dailyPacing)")
    }

    static var today: String { day(0) }

    static func day(_ offset: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSinceNow: Double(offset) * 86_400))
    }

    static func daysInMonth(_ day: String) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1))!
        return calendar.range(of: .day, in: .month, for: date)!.count
    }

    static func money(_ value: Decimal) -> String {
        var value = value, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = "\(rounded)"
        let parts = text.split(separator: ".")
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        return "\(parts[0]).\(fraction)\(String(repeating: "0", count: 2 - fraction.count))"
    }
}
