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

    public var text: String {
        "{" + fields.map { "\(Self.quote($0.0)):\(Self.render($0.1))" }.joined(separator: ",") + "}\n"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): return quote(text)
        case .integer(let number): return String(number)
        case .number(let number): return number.isFinite ? String(format: "%.6f", number) : "null"
        }
    }

    static func quote(_ text: String) -> String {
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
