/// graphql-js `astFromValue` followed by `print`: a coerced value written back as a GraphQL
/// literal of `type` (enum values bare, IDs that look like integers unquoted), used for
/// default values in SDL and introspection. `nil` when the value has no literal form.
public func astLiteral(_ value: JSON, type: GraphQLType) -> String? {
    switch type {
    case .nonNull(let inner):
        let literal = astLiteral(value, type: inner)
        return literal == "null" ? nil : literal
    case .list(let itemType):
        if value == .null { return "null" }
        if case .array(let items) = value {
            return "[" + items.compactMap { astLiteral($0, type: itemType) }.joined(separator: ", ") + "]"
        }
        return astLiteral(value, type: itemType)
    case .named(let named):
        if value == .null { return "null" }
        switch named {
        case .inputObject(let inputObject):
            guard case .object(let object) = value else { return nil }
            let fields = inputObject.fields.compactMap { field -> String? in
                guard let fieldValue = object[field.name], let literal = astLiteral(fieldValue, type: field.type) else { return nil }
                return field.name + ": " + literal
            }
            return "{" + fields.joined(separator: ", ") + "}"
        case .enum(let enumType):
            guard let serialized = try? enumType.serialize(value), case .string(let name) = serialized else { return nil }
            return name
        case .scalar(let scalar):
            guard let serialized = try? scalar.coercion.serialize(value) else { return nil }
            return untypedLiteral(serialized, isID: scalar.builtin == .id)
        case .object, .interface, .union:
            return nil
        }
    }
}

/// A serialized scalar value as a literal: numbers as Int or Float literals, strings quoted
/// (except integer-looking IDs), lists and objects written out.
private func untypedLiteral(_ value: JSON, isID: Bool) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .double(let d): return jsNumberString(d)
    case .string(let s):
        if isID, isIntegerString(s) { return s }
        return printString(s)
    case .array(let items): return "[" + items.map { untypedLiteral($0, isID: false) }.joined(separator: ", ") + "]"
    case .object(let object):
        return "{" + object.entries.map { "\($0.key): \(untypedLiteral($0.value, isID: false))" }.joined(separator: ", ") + "}"
    }
}

/// `/^-?(?:0|[1-9][0-9]*)$/`
private func isIntegerString(_ s: String) -> Bool {
    var bytes = Array(s.utf8)[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    guard let first = bytes.first else { return false }
    if first == UInt8(ascii: "0") { return bytes.count == 1 }
    return bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
}
