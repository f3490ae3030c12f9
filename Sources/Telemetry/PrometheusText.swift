/// The escaping and number formats of Prometheus's text exposition format.
enum PrometheusText {
    /// `{a="1",b="x"}`, or nothing without labels; values escape `\`, `"` and newlines.
    static func labels(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        var text = "{"
        for (index, (name, value)) in labels.enumerated() {
            if index > 0 { text += "," }
            text += name
            text += "=\""
            text += escapeValue(value)
            text += "\""
        }
        return text + "}"
    }

    /// Backslash, double quote and line feed escaped; recorded on every request, so a value without them (all of
    /// them, in practice) is returned as it is.
    static func escapeValue(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            return value
        }
        var escaped = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static func escapeHelp(_ help: String) -> String {
        help.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Integers without a decimal point, others as Swift prints them; infinities as Prometheus spells them.
    static func number(_ value: Double) -> String {
        if value == .infinity { return "+Inf" }
        if value == -.infinity { return "-Inf" }
        if value.isNaN { return "NaN" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
