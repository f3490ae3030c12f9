/// An argument definition or an input object field (spec §3.6.1, §3.10): both are "input values".
public struct GraphQLInputValue: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var type: GraphQLType
    /// The coerced default; `nil` means no default, `.null` an explicit `= null`.
    public var defaultValue: JSON?
    /// The default as written in SDL, kept for printing and introspection's `defaultValue`.
    public var defaultValueLiteral: ValueNode?
    public var deprecationReason: String?

    public init(
        name: String,
        description: String? = nil,
        type: GraphQLType,
        defaultValue: JSON? = nil,
        defaultValueLiteral: ValueNode? = nil,
        deprecationReason: String? = nil
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.defaultValueLiteral = defaultValueLiteral
        self.deprecationReason = deprecationReason
    }

    public var isDeprecated: Bool { deprecationReason != nil }

    public static func == (lhs: GraphQLInputValue, rhs: GraphQLInputValue) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.defaultValue == rhs.defaultValue
            && lhs.description == rhs.description && lhs.deprecationReason == rhs.deprecationReason
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
    }
}

/// An argument of a field or directive.
public typealias GraphQLArgument = GraphQLInputValue
/// A field of an input object type.
public typealias GraphQLInputField = GraphQLInputValue
