/// Prints value literals and type references the way graphql-js v16's `print` does, for use
/// inside validation messages (`found {a: 1}`, `non-input type "[Dog]!"`).
enum LiteralPrinter {
    static func print(_ value: ValueNode) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    static func print(_ type: TypeNode) -> String {
        switch type {
        case .named(let named): named.name.value
        case .list(let list): "[" + print(list.type) + "]"
        case .nonNull(let nonNull): print(nonNull.type) + "!"
        }
    }

    static func write(_ value: ValueNode, into out: inout String) {
        switch value {
        case .variable(let v): out += "$" + v.name.value
        case .int(let v): out += v.value
        case .float(let v): out += v.value
        case .string(let v): out += v.block ? blockString(v.value) : quotedString(v.value)
        case .boolean(let v): out += v.value ? "true" : "false"
        case .null: out += "null"
        case .enumValue(let v): out += v.value
        case .list(let list):
            out += "["
            for (index, item) in list.values.enumerated() {
                if index > 0 { out += ", " }
                write(item, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, field) in object.fields.enumerated() {
                if index > 0 { out += ", " }
                out += field.name.value + ": "
                write(field.value, into: &out)
            }
            out += "}"
        }
    }

    /// graphql-js `printString`: JSON-like escaping of quotes, backslashes and control characters.
    static func quotedString(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x00...0x1F, 0x7F...0x9F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A simplified `printBlockString`: the value between triple quotes, with `"""` escaped.
    static func blockString(_ string: String) -> String {
        var escaped = ""
        var quoteRun = 0
        for character in string {
            if character == "\"" {
                quoteRun += 1
                if quoteRun == 3 {
                    escaped += "\\\"\"\""
                    quoteRun = 0
                }
                continue
            }
            escaped += String(repeating: "\"", count: quoteRun)
            quoteRun = 0
            escaped.append(character)
        }
        escaped += String(repeating: "\"", count: quoteRun)
        if escaped.contains("\n") { return "\"\"\"\n" + escaped + "\n\"\"\"" }
        return "\"\"\"" + escaped + "\"\"\""
    }
}
