import Campaigns
import Testing

/// `TextLimit` and `ListLimit` count as PostgreSQL's char_length does: Unicode code points.
@Suite struct InputLimitTests {
    let limit = TextLimit(maximum: 5)

    @Test func lengthsAreCodePointsNotGraphemesNorBytes() {
        #expect(limit.fits("abcde"))
        #expect(!limit.fits("abcdef"))
        #expect(limit.fits("ééééé"))  // 10 bytes, 5 code points
        #expect(!limit.fits("éééééé"))
        #expect(limit.fits("🥔🥔🥔🥔🥔"))  // 20 bytes, 5 code points
        #expect(!limit.fits("🥔🥔🥔🥔🥔🥔"))
        let combining = "e\u{301}e\u{301}e"  // 3 graphemes, 5 code points
        #expect(combining.count == 3)
        #expect(limit.fits(combining))
        #expect(!limit.fits(combining + "\u{301}"))  // still 3 graphemes, 6 code points
        #expect(!limit.fits(String(repeating: "e\u{301}", count: 3)))
    }

    @Test func refusalsNameTheFieldAndTheLimit() {
        #expect(limit.violation(of: "abcde", field: "input.name") == nil)
        #expect(limit.violation(of: "abcdef", field: "input.name")
            == InputLimitViolation(field: "input.name", message: "input.name must be at most 5 characters (Unicode code points)."))
        #expect(limit.violation(of: "a\u{0}b", field: "input.name")
            == InputLimitViolation(field: "input.name", message: "input.name must not contain the NUL character (U+0000)."))
        #expect(limit.violation(of: "\u{0}", field: "input.name")?.field == "input.name")
        #expect(InputLimits.name.violation(of: String(repeating: "x", count: 3_000_000), field: "input.name")?.message
            == "input.name must be at most 255 characters (Unicode code points).")
    }

    @Test func listsBoundTheirCountAndEveryEntry() throws {
        let list = ListLimit(maximumCount: 2, entry: limit)
        #expect(list.violation(of: ["abcde", "x"], field: "input.locations") == nil)
        #expect(list.violation(of: ["a", "b", "c"], field: "input.locations")?.message
            == "input.locations must have at most 2 entries; it has 3.")
        #expect(list.violation(of: ["a", "abcdef"], field: "input.locations")?.message
            == "input.locations[1] must be at most 5 characters (Unicode code points).")
        #expect(list.violation(of: ["a\u{0}"], field: "input.locations")?.field == "input.locations")
        #expect(throws: InputLimitViolation.self) { try list.check(["a", "b", "c"], field: "keys") }
    }

    @Test func domainRulesThrowTheirOwnError() {
        #expect(throws: CampaignError.validation(field: "name", message: "name must be at most 255 characters (Unicode code points).")) {
            try InputLimits.name.check(String(repeating: "n", count: 256), field: "name", else: CampaignError.validation)
        }
        #expect(throws: CampaignError.validation(field: "name", message: "name must be at most 255 characters (Unicode code points).")) {
            _ = try CampaignRules.name(String(repeating: "e\u{301}", count: 128))
        }
        #expect((try? CampaignRules.name(String(repeating: "e\u{301}", count: 127) + "e")) != nil)
    }
}
