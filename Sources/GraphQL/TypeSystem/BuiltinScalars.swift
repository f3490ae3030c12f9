/// Coercion rules of the five built-in scalars (spec §3.5.1–3.5.5), with graphql-js's messages.
extension ScalarCoercion {
    static let maxInt = 2_147_483_647
    static let minInt = -2_147_483_648

    /// The coercion for a built-in scalar.
    public static func builtin(_ scalar: BuiltinScalar) -> ScalarCoercion {
        switch scalar {
        case .int: int
        case .float: float
        case .string: string
        case .boolean: boolean
        case .id: id
        }
    }

    /// `Int`: a signed 32-bit integer.
    public static let int = ScalarCoercion(
        serialize: { value in
            let number: JSON
            switch value {
            case .bool(let b): return .int(b ? 1 : 0)
            case .string(let s) where !s.isEmpty: number = jsNumber(fromString: s).map(JSON.double) ?? value
            default: number = value
            }
            guard let int = integralValue(number) else {
                throw GraphQLError("Int cannot represent non-integer value: \(inspect(value))")
            }
            guard let int32 = int, int32 >= minInt, int32 <= maxInt else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(int32)
        },
        parseValue: { value in
            guard case .some(let int) = integralValue(value) else {
                throw GraphQLError("Int cannot represent non-integer value: \(inspect(value))")
            }
            guard let int, int >= minInt, int <= maxInt else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(inspect(value))")
            }
            return .int(int)
        },
        parseLiteral: { node, _ in
            guard case .int(let literal) = node else {
                throw GraphQLError("Int cannot represent non-integer value: \(literalDescription(node))")
            }
            guard let int = Int(literal.value), int >= minInt, int <= maxInt else {
                throw GraphQLError("Int cannot represent non 32-bit signed integer value: \(literal.value)")
            }
            return .int(int)
        }
    )

    /// `Float`: a finite double-precision number.
    public static let float = ScalarCoercion(
        serialize: { value in
            switch value {
            case .bool(let b): return .double(b ? 1 : 0)
            case .int(let i): return .double(Double(i))
            case .double(let d) where d.isFinite: return .double(d)
            case .string(let s) where !s.isEmpty:
                if let d = jsNumber(fromString: s), d.isFinite { return .double(d) }
            default: break
            }
            throw GraphQLError("Float cannot represent non numeric value: \(inspect(value))")
        },
        parseValue: { value in
            switch value {
            case .int(let i): return .double(Double(i))
            case .double(let d) where d.isFinite: return .double(d)
            default: throw GraphQLError("Float cannot represent non numeric value: \(inspect(value))")
            }
        },
        parseLiteral: { node, _ in
            switch node {
            case .int(let literal): if let d = Double(literal.value) { return .double(d) }
            case .float(let literal): if let d = Double(literal.value) { return .double(d) }
            default: break
            }
            throw GraphQLError("Float cannot represent non numeric value: \(literalDescription(node))")
        }
    )

    /// `String`: UTF-8 text.
    public static let string = ScalarCoercion(
        serialize: { value in
            switch value {
            case .string: return value
            case .bool(let b): return .string(b ? "true" : "false")
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite: return .string(jsNumberString(d))
            default: throw GraphQLError("String cannot represent value: \(inspect(value))")
            }
        },
        parseValue: { value in
            guard case .string = value else {
                throw GraphQLError("String cannot represent a non string value: \(inspect(value))")
            }
            return value
        },
        parseLiteral: { node, _ in
            guard case .string(let literal) = node else {
                throw GraphQLError("String cannot represent a non string value: \(literalDescription(node))")
            }
            return .string(literal.value)
        }
    )

    /// `Boolean`: `true` or `false`.
    public static let boolean = ScalarCoercion(
        serialize: { value in
            switch value {
            case .bool: return value
            case .int(let i): return .bool(i != 0)
            case .double(let d) where d.isFinite: return .bool(d != 0)
            default: throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(value))")
            }
        },
        parseValue: { value in
            guard case .bool = value else {
                throw GraphQLError("Boolean cannot represent a non boolean value: \(inspect(value))")
            }
            return value
        },
        parseLiteral: { node, _ in
            guard case .boolean(let literal) = node else {
                throw GraphQLError("Boolean cannot represent a non boolean value: \(literalDescription(node))")
            }
            return .bool(literal.value)
        }
    )

    /// `ID`: an opaque identifier, serialized as a string; integers are accepted as input.
    public static let id = ScalarCoercion(
        serialize: { value in
            switch value {
            case .string: return value
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite && d == d.rounded(): return .string(jsNumberString(d))
            default: throw GraphQLError("ID cannot represent value: \(inspect(value))")
            }
        },
        parseValue: { value in
            switch value {
            case .string: return value
            case .int(let i): return .string(String(i))
            case .double(let d) where d.isFinite && d == d.rounded(): return .string(jsNumberString(d))
            default: throw GraphQLError("ID cannot represent value: \(inspect(value))")
            }
        },
        parseLiteral: { node, _ in
            switch node {
            case .string(let literal): return .string(literal.value)
            case .int(let literal): return .string(literal.value)
            default:
                throw GraphQLError("ID cannot represent a non-string and non-integer value: \(literalDescription(node))")
            }
        }
    )
}

/// `.some(int)` for an integral number that fits in `Int`, `.some(nil)` for an integral number
/// too large for `Int`, `nil` for anything that is not an integral number (JS `Number.isInteger`).
private func integralValue(_ value: JSON) -> Int?? {
    switch value {
    case .int(let i): return .some(i)
    case .double(let d):
        guard d.isFinite, d == d.rounded() else { return nil }
        if d >= -9.2e18 && d <= 9.2e18 { return .some(Int(d)) }
        return .some(nil)
    default: return nil
    }
}

/// JavaScript's `Number(string)` for the decimal forms resolvers realistically return.
private func jsNumber(fromString s: String) -> Double? {
    let trimmed = s.trimmingASCIIWhitespace()
    if trimmed.isEmpty { return 0 }
    return Double(trimmed)
}

extension String {
    func trimmingASCIIWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" { slice.removeLast() }
        return slice
    }
}
