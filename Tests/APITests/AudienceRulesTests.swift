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
        #expect(field { $0.name = String(repeating: "é", count: 201) } == "name")
        #expect(field { $0.name = String(repeating: "é", count: 200) } == nil)
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
