import Foundation

/// A "name contains" search for lists: any case, with `%`, `_` and `\` taken as themselves, so a user's text is
/// never a pattern. Used as `column ILIKE $n ESCAPE '\'` with `pattern` as the parameter.
enum NameSearch {
    /// The ILIKE pattern for `text`, or nil when there is nothing to search for.
    static func pattern(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        let literal = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "%\(literal)%"
    }

    /// The condition on `column` for the parameter numbered `index`.
    static func condition(_ column: String, parameter index: Int) -> String {
        "\(column) ILIKE $\(index) ESCAPE '\\'"
    }
}
