import Foundation

/// One log record as one line of JSON, fields in the order given; nil values are left out.
public struct JSONLogLine: Sendable {
    public enum Value: Sendable {
        case string(String)
        case number(Double)
        case integer(Int)
    }

    private var fields: [(String, Value)] = []

    public init(_ fields: [(String, Value?)] = []) {
        for (name, value) in fields { self[name] = value }
    }

    public subscript(name: String) -> Value? {
        get { fields.first { $0.0 == name }?.1 }
        set {
            fields.removeAll { $0.0 == name }
            if let newValue { fields.append((name, newValue)) }
        }
    }

    /// Written for every request, so built in one string without Foundation's formatting.
    public var text: String {
        var line = "{"
        for (index, (name, value)) in fields.enumerated() {
            if index > 0 { line += "," }
            line += Self.quote(name)
            line += ":"
            line += Self.render(value)
        }
        return line + "}\n"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .integer(let number): return String(number)
        case .number(let number): return fixed(number)
        }
    }

    /// `number` with six decimals, rounded half away from zero (`%.6f`'s digits for the durations and counts logged).
    static func fixed(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        guard abs(number) < 1e12 else { return String(format: "%.6f", number) }
        let millionths = Int((abs(number) * 1_000_000).rounded())
        let fraction = String(millionths % 1_000_000)
        return (number < 0 && millionths > 0 ? "-" : "") + String(millionths / 1_000_000) + "."
            + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    static func quote(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            return "\"" + text + "\""
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20: quoted += String(format: "\\u%04x", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
