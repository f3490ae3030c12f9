/// How a scalar turns values into and out of its representation (spec §3.5 "Result Coercion"
/// and "Input Coercion"). Every coerced value is `JSON`.
///
/// Each hook throws to reject a value; the thrown error's message (a `GraphQLError`'s `message`,
/// otherwise its description) becomes part of the reported error, as in graphql-js.
public struct ScalarCoercion: Sendable {
    /// Result coercion: resolver value → response value.
    public var serialize: @Sendable (JSON) throws -> JSON
    /// Input coercion of a variable value (already JSON).
    public var parseValue: @Sendable (JSON) throws -> JSON
    /// Input coercion of a literal; variables are given for literals that contain them.
    public var parseLiteral: @Sendable (ValueNode, JSONObject?) throws -> JSON

    public init(
        serialize: @escaping @Sendable (JSON) throws -> JSON = { $0 },
        parseValue: @escaping @Sendable (JSON) throws -> JSON = { $0 },
        parseLiteral: @escaping @Sendable (ValueNode, JSONObject?) throws -> JSON = { node, variables in
            valueFromASTUntyped(node, variables: variables) ?? .null
        }
    ) {
        self.serialize = serialize
        self.parseValue = parseValue
        self.parseLiteral = parseLiteral
    }

    /// Custom scalars without hooks pass values through unchanged (graphql-js defaults).
    public static let passThrough = ScalarCoercion()
}
