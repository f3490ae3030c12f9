/// Prints a coerced default value as the GraphQL literal introspection's `defaultValue` reports,
/// the way graphql-js prints `astFromValue(value, type)`: e.g. `"abc"`, `[1, 2]`, `{a: RED}`, `null`.
func printDefaultValue(_ value: JSON, type: GraphQLType) -> String {
    switch type {
    case .nonNull(let inner):
        return printDefaultValue(value, type: inner)
    case .list(let item):
        if case .array(let items) = value {
            return "[" + items.map { printDefaultValue($0, type: item) }.joined(separator: ", ") + "]"
        }
        return printDefaultValue(value, type: item)
    case .named(let named):
        if value == .null { return "null" }
        switch named {
        case .inputObject(let input):
            guard case .object(let object) = value else { return printUntypedLiteral(value) }
            let fields = input.fields.compactMap { field -> String? in
                guard let fieldValue = object[field.name] else { return nil }
                return field.name + ": " + printDefaultValue(fieldValue, type: field.type)
            }
            return "{" + fields.joined(separator: ", ") + "}"
        case .enum:
            if case .string(let name) = value { return name }
            return printUntypedLiteral(value)
        case .scalar(let scalar):
            if scalar.builtin == .id, case .string(let string) = value, isIntegerLiteral(string) { return string }
            if scalar.builtin == .float, case .int(let int) = value { return String(int) }
            return printUntypedLiteral(value)
        default:
            return printUntypedLiteral(value)
        }
    }
}

/// A JSON value as a GraphQL literal when no type says otherwise (custom scalars).
private func printUntypedLiteral(_ value: JSON) -> String {
    switch value {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .int(let int): String(int)
    case .double(let double): jsNumberString(double)
    case .string(let string): printString(string)
    case .array(let items): "[" + items.map(printUntypedLiteral).joined(separator: ", ") + "]"
    case .object(let object):
        "{" + object.entries.map { $0.key + ": " + printUntypedLiteral($0.value) }.joined(separator: ", ") + "}"
    }
}

/// graphql-js prints ID values that look like integers as Int literals.
private func isIntegerLiteral(_ string: String) -> Bool {
    var bytes = Array(string.utf8)[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    guard let first = bytes.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
    if first == UInt8(ascii: "0") { return bytes.count == 1 }
    return bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
}
