import Campaigns
import Testing

/// The audience rules in Swift, before anything reaches the database.
@Suite struct AudienceRulesTests {
    let valid = AudienceDraft(name: "Snackers", locations: ["DE"], ageMin: 18, ageMax: 35, interests: ["chips"])

    func field(_ change: (inout AudienceDraft) -> Void) -> String? {
        var draft = valid
        change(&draft)
        do {
            _ = try AudienceRules.validated(draft)
            return nil
        } catch {
            if case .validation(let field, _) = error { return field }
            return "unexpected \(error)"
        }
    }

    @Test func aValidDraftIsTrimmed() throws {
        var draft = valid
        draft.name = "  Snackers \n"
        draft.locations = [" DE "]
        let validated = try AudienceRules.validated(draft)
        #expect(validated.name == "Snackers")
        #expect(validated.locations == ["DE"])
    }

    @Test func eachRuleNamesItsField() {
        #expect(field { $0.name = " " } == "name")
        #expect(field { $0.name = String(repeating: "é", count: 256) } == "name")
        #expect(field { $0.name = String(repeating: "é", count: 255) } == nil)
        // Code points, not graphemes: 128 "e" + combining acute are 256 code points (the database's count).
        #expect(field { $0.name = String(repeating: "e\u{301}", count: 128) } == "name")
        #expect(field { $0.name = "nul\u{0}byte" } == "name")
        #expect(field { $0.locations = ["DE", String(repeating: "x", count: 101)] } == "locations")
        #expect(field { $0.locations = Array(repeating: "DE", count: 501) } == "locations")
        #expect(field { $0.interests = Array(repeating: "chips", count: 501) } == "interests")
        #expect(field { $0.interests = Array(repeating: "chips", count: 500) } == nil)
        #expect(field { $0.locations = [] } == "locations")
        #expect(field { $0.locations = ["DE", ""] } == "locations")
        #expect(field { $0.ageMin = 12 } == "ageMin")
        #expect(field { $0.ageMin = 13; $0.ageMax = 13 } == nil)
        #expect(field { $0.ageMax = 66 } == "ageMax")
        #expect(field { $0.ageMin = 65; $0.ageMax = 65 } == nil)
        #expect(field { $0.ageMin = 36 } == "ageMin")
        #expect(field { $0.interests = ["  "] } == "interests")
        #expect(field { $0.interests = [] } == nil)
    }
}
