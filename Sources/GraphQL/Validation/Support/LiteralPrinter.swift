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
        case .string(let v): out += v.block ? printBlockString(v.value) : printString(v.value)
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
}
