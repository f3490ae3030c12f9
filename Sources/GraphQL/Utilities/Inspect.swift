/// graphql-js `inspect`: how a runtime value appears inside error messages
/// (`"abc"`, `1.5`, `[1, 2]`, `{ a: true }`), so our messages match graphql-js word for word.
public func inspect(_ value: JSON) -> String {
    inspect(value, depth: 0)
}

private func inspect(_ value: JSON, depth: Int) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return jsNumberString(d)
    case .string(let s): return jsonQuoted(s)
    case .array(let items):
        if items.isEmpty { return "[]" }
        if depth >= 2 { return "[Array]" }
        let shown = items.prefix(10).map { inspect($0, depth: depth + 1) }
        var parts = shown
        if items.count > 10 {
            let remaining = items.count - 10
            parts.append(remaining == 1 ? "... 1 more item" : "... \(remaining) more items")
        }
        return "[" + parts.joined(separator: ", ") + "]"
    case .object(let object):
        if object.isEmpty { return "{}" }
        if depth >= 2 { return "[Object]" }
        let parts = object.entries.map { "\($0.key): \(inspect($0.value, depth: depth + 1))" }
        return "{ " + parts.joined(separator: ", ") + " }"
    }
}

/// A number as JavaScript's `String(number)` writes it: integral values without `.0`,
/// exponents without leading zeros.
public func jsNumberString(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == d.rounded(), abs(d) < 1e21 {
        if abs(d) < 9.0e18 { return String(Int64(d)) }
    }
    var text = d.description
    if let e = text.firstIndex(of: "e") {
        var mantissa = String(text[..<e])
        if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
        var exponent = String(text[text.index(after: e)...])
        var sign = "+"
        if exponent.hasPrefix("-") { sign = "-"; exponent.removeFirst() } else if exponent.hasPrefix("+") { exponent.removeFirst() }
        while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
        text = mantissa + "e" + sign + exponent
    }
    return text
}

/// A string as `JSON.stringify` writes it.
public func jsonQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case "\u{8}": out += "\\b"
        case "\u{C}": out += "\\f"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
