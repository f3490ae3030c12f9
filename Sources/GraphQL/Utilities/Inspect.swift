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

/// A number as JavaScript's `String(number)` writes it (ECMAScript `Number::toString`): the
/// shortest round-tripping digits, in fixed notation for 1e-7 ≤ |x| < 1e21, else exponent
/// notation like `1e+21` / `1.5e-7`.
public func jsNumberString(_ d: Double) -> String {
    if d.isNaN { return "NaN" }
    if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
    if d == 0 { return "0" }
    if d == d.rounded(), abs(d) < 9.0e15 { return String(Int64(d)) }
    // Swift's description also prints the shortest round-tripping digits; re-layout them.
    var text = Substring(abs(d).description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = text[..<e]
    }
    var digits = ""
    var pointPosition = 0
    var seenPoint = false
    for character in text {
        if character == "." { seenPoint = true; continue }
        digits.append(character)
        if !seenPoint { pointPosition += 1 }
    }
    // Strip leading zeros (moving the point) and trailing zeros.
    while digits.count > 1, digits.first == "0" { digits.removeFirst(); pointPosition -= 1 }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }
    let k = digits.count
    let n = pointPosition + exponent  // value = 0.digits × 10^n
    var result: String
    if k <= n && n <= 21 {
        result = digits + String(repeating: "0", count: n - k)
    } else if 0 < n && n <= 21 {
        let index = digits.index(digits.startIndex, offsetBy: n)
        result = digits[..<index] + "." + digits[index...]
    } else if -6 < n && n <= 0 {
        result = "0." + String(repeating: "0", count: -n) + digits
    } else {
        let e = n - 1
        let sign = e < 0 ? "-" : "+"
        let mantissa = k == 1 ? digits : String(digits.first!) + "." + digits.dropFirst()
        result = mantissa + "e" + sign + String(abs(e))
    }
    return d < 0 ? "-" + result : result
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
