import Foundation

/// How a Google Search keyword matches searches (`KeywordMatchTypeEnum`: EXACT, PHRASE, BROAD).
/// Source: https://developers.google.com/google-ads/api/reference/rpc/latest/KeywordMatchTypeEnum.KeywordMatchType
public enum KeywordMatchType: String, Sendable, Codable, CaseIterable {
    case exact = "EXACT", phrase = "PHRASE", broad = "BROAD"
}

/// A keyword of a campaign unit, sent to Google Search as an ad group KEYWORD criterion
/// (`adGroupCriterionOperation` with `keyword: {text, matchType}`). Search ad groups serve on keywords:
/// a Search unit without any is a launch problem.
public struct Keyword: Sendable, Equatable, Codable {
    public var text: String
    public var matchType: KeywordMatchType

    public init(text: String, matchType: KeywordMatchType) {
        self.text = text
        self.matchType = matchType
    }

    enum CodingKeys: String, CodingKey {
        case text
        case matchType = "match_type"
    }
}

/// Google's limits on keyword text, checked when a unit's keywords are saved and again in the simulator.
/// `KeywordInfo.text`: "at most 80 characters and 10 words"
/// (https://developers.google.com/google-ads/api/reference/rpc/latest/KeywordInfo); longer text is refused
/// with `CriterionError.KEYWORD_TEXT_TOO_LONG`, more words with `KEYWORD_HAS_TOO_MANY_WORDS`.
public enum KeywordRules {
    public static let maximumTextLength = 80
    public static let maximumWords = 10
    /// Our own cap per unit, so the list stays bounded (Google allows far more criteria per ad group).
    public static let maximumPerUnit = 100

    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).count
    }

    /// The keywords trimmed and without duplicates (same text and match type), or the first rule they break
    /// as `(index, message)`.
    public static func validated(_ keywords: [Keyword]) -> Result<[Keyword], KeywordProblem> {
        guard keywords.count <= maximumPerUnit else {
            return .failure(KeywordProblem(index: nil, message: "At most \(maximumPerUnit) keywords per unit."))
        }
        var result: [Keyword] = []
        for (index, keyword) in keywords.enumerated() {
            let text = keyword.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { return .failure(KeywordProblem(index: index, message: "Keyword text must not be empty.")) }
            if text.count > maximumTextLength {
                return .failure(KeywordProblem(index: index, message: "Keyword \"\(text.prefix(20))…\" has \(text.count) characters; Google allows \(maximumTextLength)."))
            }
            if wordCount(text) > maximumWords {
                return .failure(KeywordProblem(index: index, message: "Keyword \"\(text)\" has \(wordCount(text)) words; Google allows \(maximumWords)."))
            }
            let cleaned = Keyword(text: text, matchType: keyword.matchType)
            if !result.contains(cleaned) { result.append(cleaned) }
        }
        return .success(result)
    }
}

/// A keyword rule broken: the keyword's position in the input (nil for the list as a whole) and why.
public struct KeywordProblem: Error, Sendable, Equatable {
    public var index: Int?
    public var message: String
}
