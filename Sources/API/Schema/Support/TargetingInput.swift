import Campaigns

/// `KeywordInput`: a keyword and how it matches searches.
struct KeywordInput: Decodable, Sendable {
    var text: String
    var matchType: String

    /// The domain's keyword; nil for a match type this server does not know (the schema has checked it).
    var keyword: Keyword? { KeywordMatchType(rawValue: matchType).map { Keyword(text: text, matchType: $0) } }
}

/// `TargetingEntryInput`: a location or interest picked from a platform's targeting search, with its ids.
struct TargetingEntryInput: Decodable, Sendable {
    var kind: String
    var name: String
    var countryCode: String?
    var googleId: String?
    var metaId: String?
    var detail: String?

    var entry: TargetingEntry? {
        TargetingEntry.Kind(rawValue: kind).map {
            TargetingEntry(kind: $0, name: name, countryCode: countryCode, googleID: googleId, metaID: metaId, detail: detail)
        }
    }
}
