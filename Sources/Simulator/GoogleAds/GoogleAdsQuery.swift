import Foundation

/// The part of the Google Ads Query Language the simulator understands:
/// `SELECT f, … FROM resource [WHERE c AND …] [ORDER BY …] [LIMIT n]`, conditions being `field = v`,
/// `field != v`, `field IN (v, …)` and `field BETWEEN 'a' AND 'b'`.
struct GoogleAdsQuery {
    enum Condition {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case between(String, String, String)

        var field: String {
            switch self {
            case .equals(let field, _), .notEquals(let field, _), .isIn(let field, _), .between(let field, _, _): return field
            }
        }
    }

    var fields: [String]
    var resource: String
    var conditions: [Condition]
    var limit: Int?

    init(_ text: String) throws {
        let query = text.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        func invalid(_ message: String) -> GoogleAdsFailure {
            GoogleAdsFailure.invalid("queryError", "UNEXPECTED_INPUT", "Error in query: \(message)", at: [("query", nil)])
        }
        guard let select = query.range(of: "SELECT ", options: [.caseInsensitive, .anchored]),
              let from = query.range(of: " FROM ", options: .caseInsensitive) else { throw invalid("expected SELECT … FROM …") }
        fields = query[select.upperBound..<from.lowerBound].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var rest = String(query[from.upperBound...])
        if let limitRange = rest.range(of: " LIMIT ", options: .caseInsensitive) {
            limit = Int(rest[limitRange.upperBound...].trimmingCharacters(in: .whitespaces))
            rest = String(rest[..<limitRange.lowerBound])
        }
        if let order = rest.range(of: " ORDER BY ", options: .caseInsensitive) { rest = String(rest[..<order.lowerBound]) }
        var whereText = ""
        if let whereRange = rest.range(of: " WHERE ", options: .caseInsensitive) {
            whereText = String(rest[whereRange.upperBound...])
            rest = String(rest[..<whereRange.lowerBound])
        }
        resource = rest.trimmingCharacters(in: .whitespaces)
        guard !fields.isEmpty, !resource.isEmpty, !resource.contains(" ") else { throw invalid("expected fields and one resource") }
        conditions = []
        var parts = Self.splitConditions(whereText)
        while !parts.isEmpty {
            let part = parts.removeFirst().trimmingCharacters(in: .whitespaces)
            // The operator is read before the first quote, so a quoted value may hold "=", " IN " or " AND ".
            let head = part.firstIndex(where: { $0 == "'" || $0 == "\"" }).map { part[..<$0] } ?? part[...]
            if let between = head.range(of: " BETWEEN ", options: .caseInsensitive) {
                guard !parts.isEmpty else { throw invalid("BETWEEN needs two values") }
                let field = part[..<between.lowerBound].trimmingCharacters(in: .whitespaces)
                conditions.append(.between(field, Self.literal(part[between.upperBound...]), Self.literal(parts.removeFirst())))
            } else if let range = head.range(of: " IN ", options: .caseInsensitive) {
                let list = part[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ()"))
                conditions.append(.isIn(part[..<range.lowerBound].trimmingCharacters(in: .whitespaces), Set(list.split(separator: ",").map(Self.literal))))
            } else if let range = head.range(of: "!=") {
                conditions.append(.notEquals(part[..<range.lowerBound].trimmingCharacters(in: .whitespaces), Self.literal(part[range.upperBound...])))
            } else if let range = head.range(of: "=") {
                conditions.append(.equals(part[..<range.lowerBound].trimmingCharacters(in: .whitespaces), Self.literal(part[range.upperBound...])))
            } else {
                throw invalid("cannot read condition \"\(part)\"")
            }
        }
    }

    /// The WHERE clause's conditions: split at each AND outside quoted strings.
    static func splitConditions(_ text: String) -> [String] {
        var parts: [String] = [], current = "", quote: Character?, escaped = false
        var rest = Substring(text)
        while let character = rest.first {
            if quote == nil, rest.range(of: " AND ", options: [.anchored, .caseInsensitive]) != nil {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(5)
                continue
            }
            current.append(character)
            rest = rest.dropFirst()
            if escaped { escaped = false } else if character == "\\", quote != nil { escaped = true }
            else if character == "'" || character == "\"" { quote = quote == nil ? character : (quote == character ? nil : quote) }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(current) }
        return parts
    }

    /// A value: a quoted string with its backslash escapes undone (`'O\'Brien'` → `O'Brien`), or a bare word.
    static func literal<S: StringProtocol>(_ text: S) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first == "'" || first == "\"", trimmed.count >= 2, trimmed.last == first else {
            return trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
        }
        var value = "", escaped = false
        for character in trimmed.dropFirst().dropLast() {
            if escaped { value.append(character); escaped = false } else if character == "\\" { escaped = true } else { value.append(character) }
        }
        return value
    }

    func matches(_ field: String, _ value: String?) -> Bool {
        conditions.filter { $0.field == field }.allSatisfy { condition in
            switch condition {
            case .equals(_, let expected): return value == expected
            case .notEquals(_, let expected): return value != expected
            case .isIn(_, let values): return value.map(values.contains) ?? false
            case .between(_, let low, let high): return value.map { $0 >= low && $0 <= high } ?? false
            }
        }
    }
}
