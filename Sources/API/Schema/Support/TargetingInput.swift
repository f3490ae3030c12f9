import Campaigns
import GraphQL

/// The targeting input types (`KeywordInput`, `TargetingEntryInput`) as domain values, for the audience and
/// unit mutations that take them.
enum TargetingInput {
    /// `[KeywordInput!]` as keywords (the schema has checked the fields and the match type).
    static func keywords(_ argument: JSON?) -> [Keyword] {
        guard case .array(let values)? = argument else { return [] }
        return values.compactMap { value in
            guard let object = value.objectValue, let text = object["text"]?.stringValue,
                  let matchType = object["matchType"]?.stringValue.flatMap(KeywordMatchType.init(rawValue:)) else { return nil }
            return Keyword(text: text, matchType: matchType)
        }
    }

    /// `[TargetingEntryInput!]` as entries, or nil when the argument is absent or null.
    static func entries(_ argument: JSON?) -> [TargetingEntry]? {
        guard case .array(let values)? = argument else { return nil }
        return values.compactMap { value in
            guard let object = value.objectValue, let kind = object["kind"]?.stringValue.flatMap(TargetingEntry.Kind.init(rawValue:)) else { return nil }
            return TargetingEntry(
                kind: kind, name: object["name"]?.stringValue ?? "", countryCode: object["countryCode"]?.stringValue,
                googleID: object["googleId"]?.stringValue, metaID: object["metaId"]?.stringValue, detail: object["detail"]?.stringValue)
        }
    }
}
