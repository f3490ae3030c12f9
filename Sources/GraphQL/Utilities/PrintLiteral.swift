/// A value literal as graphql-js `print` writes it, for error messages and SDL defaults
/// (`"abc"`, `[1, 2]`, `{a: 1}`, `$var`).
func literalDescription(_ node: ValueNode) -> String {
    switch node {
    case .variable(let v): return "$" + v.name.value
    case .int(let v): return v.value
    case .float(let v): return v.value
    case .string(let v): return v.block ? printBlockString(v.value) : printString(v.value)
    case .boolean(let v): return v.value ? "true" : "false"
    case .null: return "null"
    case .enumValue(let v): return v.value
    case .list(let list): return "[" + list.values.map(literalDescription).joined(separator: ", ") + "]"
    case .object(let object):
        return "{" + object.fields.map { "\($0.name.value): \(literalDescription($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// graphql-js `isPrintableAsBlockString`: whether a block string would read back as exactly
/// `value` (no control characters, no leading/trailing blank lines, no common indentation).
func isPrintableAsBlockStringForSchema(_ value: String) -> Bool {
    if value.isEmpty { return true }
    var isEmptyLine = true
    var hasIndent = false
    var hasCommonIndent = true
    var seenNonEmptyLine = false
    for byte in value.utf8 {
        switch byte {
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x0D:
            return false
        case 0x0A:
            if isEmptyLine && !seenNonEmptyLine { return false }
            seenNonEmptyLine = true
            isEmptyLine = true
            hasIndent = false
        case 0x09, 0x20:
            hasIndent = hasIndent || isEmptyLine
        default:
            hasCommonIndent = hasCommonIndent && hasIndent
            isEmptyLine = false
        }
    }
    if isEmptyLine { return false }
    if hasCommonIndent && seenNonEmptyLine { return false }
    return true
}
