import Foundation
import Postgres

/// A "name contains" search for lists: any case, with `%`, `_` and `\` taken as themselves, so a user's text is
/// never a pattern: `condition` is `column ILIKE pattern ESCAPE '\'`, the pattern a parameter.
enum NameSearch {
    /// The ILIKE pattern for `text`, or nil when there is nothing to search for.
    static func pattern(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let literal = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%\(literal)%"
    }

    /// The condition on `column` for `text`, or nil when there is nothing to search for.
    static func condition(_ column: String, contains text: String?) -> PostgresQuery? {
        pattern(text).map { "\(unescaped: column) ILIKE \($0) ESCAPE '\\'" }
    }
}
