import Foundation

/// Google Ads' editorial standards for ad text, which its review enforces after the ad is created: an ad that
/// breaks them is created, then disapproved, so it never serves. Checked here so the page says so while the
/// user types. Source: Google Ads policy "Editorial" (https://support.google.com/adspolicy/answer/6021546):
/// "excessive or gimmicky use of capitalization" (e.g. "FREE"), "repeated or gimmicky use of punctuation or
/// symbols" (e.g. "!!!", "$$$"), and an exclamation mark in a headline.
public enum EditorialStandards {
    /// A word in capitals from this many letters on reads as shouting; shorter ones are taken for acronyms (USA, BBQ).
    static let shoutingWordLength = 4
    /// Marks whose repetition Google names as gimmicky; letters, digits, spaces and an ellipsis are not.
    static let gimmickyWhenRepeated: Set<Character> = ["!", "?", "$", "€", "£", "*", "#", "@", "%", "&", "+", "~", "^", "="]

    /// What `text` (the creative field `field`) breaks; `isHeadline`: an exclamation mark is disapproved there.
    public static func problems(in text: String, field: String, isHeadline: Bool) -> [CreativeProblem] {
        var problems: [CreativeProblem] = []
        let shouting = text.split(whereSeparator: { !$0.isLetter })
            .filter { word in word.count >= shoutingWordLength && word.allSatisfy { $0.isUppercase } }
        if let first = shouting.first {
            problems.append(CreativeProblem(
                field: field, code: .excessiveCapitalization,
                message: "\"\(String(first))\" is in capitals; Google's review disapproves excessive capitalization."))
        }
        if let repeated = zip(text, text.dropFirst()).first(where: { $0 == $1 && gimmickyWhenRepeated.contains($0) })?.0 {
            problems.append(CreativeProblem(
                field: field, code: .gimmickyPunctuation,
                message: "\"\(repeated)\(repeated)\" repeats a symbol; Google's review disapproves repeated punctuation and symbols."))
        } else if isHeadline, text.contains("!") {
            problems.append(CreativeProblem(
                field: field, code: .gimmickyPunctuation,
                message: "Google's review disapproves an exclamation mark in a headline."))
        }
        return problems
    }
}
