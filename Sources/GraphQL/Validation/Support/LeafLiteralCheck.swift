/// Whether a literal is a valid value of a scalar or enum type, with graphql-js v16's error
/// message when it is not (the built-in scalars' and enums' `parseLiteral` messages).
enum LeafLiteralCheck {
    /// Result of checking a literal against a leaf type.
    enum Outcome {
        case valid
        /// The type rejected the literal with its own message (reported as is).
        case rejected(String)
        /// The type gave no reason; the caller reports "Expected value of type …".
        case invalid
        /// A custom scalar failed with a plain error; the caller appends its text to
        /// "Expected value of type …".
        case invalidBecause(String)
    }

    static func check(_ node: ValueNode, against type: GraphQLNamedType) -> Outcome {
        switch type {
        case .enum(let enumType): return check(node, enumType)
        case .scalar(let scalar): return check(node, scalar)
        default: return .invalid
        }
    }

    private static func check(_ node: ValueNode, _ enumType: GraphQLEnumType) -> Outcome {
        guard case .enumValue(let value) = node else {
            let printed = LiteralPrinter.print(node)
            return .rejected(
                "Enum \"\(enumType.name)\" cannot represent non-enum value: \(printed)." + suggestions(printed, enumType)
            )
        }
        if enumType.value(named: value.value) != nil { return .valid }
        return .rejected(
            "Value \"\(value.value)\" does not exist in \"\(enumType.name)\" enum." + suggestions(value.value, enumType)
        )
    }

    private static func suggestions(_ input: String, _ enumType: GraphQLEnumType) -> String {
        didYouMean("the enum value", suggestionList(input, enumType.values.map(\.name)))
    }

    private static func check(_ node: ValueNode, _ scalar: GraphQLScalarType) -> Outcome {
        guard let builtin = scalar.builtin else { return custom(node, scalar) }
        switch (builtin, node) {
        case (.int, .int(let value)):
            if Int32(value.value) != nil { return .valid }
            return .rejected("Int cannot represent non 32-bit signed integer value: \(value.value)")
        case (.int, _):
            return .rejected("Int cannot represent non-integer value: \(LiteralPrinter.print(node))")
        case (.float, .int), (.float, .float):
            return .valid
        case (.float, _):
            return .rejected("Float cannot represent non numeric value: \(LiteralPrinter.print(node))")
        case (.string, .string):
            return .valid
        case (.string, _):
            return .rejected("String cannot represent a non string value: \(LiteralPrinter.print(node))")
        case (.boolean, .boolean):
            return .valid
        case (.boolean, _):
            return .rejected("Boolean cannot represent a non boolean value: \(LiteralPrinter.print(node))")
        case (.id, .string), (.id, .int):
            return .valid
        case (.id, _):
            return .rejected("ID cannot represent a non-string and non-integer value: \(LiteralPrinter.print(node))")
        }
    }

    /// Custom scalars decide through their `parseLiteral` hook; a thrown `GraphQLError` is the
    /// reason, any other error is appended to the generic message (graphql-js behaviour).
    private static func custom(_ node: ValueNode, _ scalar: GraphQLScalarType) -> Outcome {
        do {
            _ = try scalar.coercion.parseLiteral(node, nil)
            return .valid
        } catch let error as GraphQLError {
            return .rejected(error.message)
        } catch {
            return .invalidBecause("\(error)")
        }
    }
}
