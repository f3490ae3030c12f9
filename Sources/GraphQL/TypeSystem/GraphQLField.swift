/// A field of an object or interface type (spec §3.6). A final class so handing one around
/// in execution costs a single retain.
public final class GraphQLField: @unchecked Sendable {
    public let name: String
    public let description: String?
    /// Set once while the schema is built (types may refer to each other), never after.
    public internal(set) var type: GraphQLType
    public internal(set) var arguments: [GraphQLArgument]
    public let deprecationReason: String?
    /// Position within the parent type's `fields`; with the parent's `id` it keys resolver tables.
    public let index: Int

    public init(
        name: String,
        description: String? = nil,
        type: GraphQLType,
        arguments: [GraphQLArgument] = [],
        deprecationReason: String? = nil,
        index: Int = 0
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.index = index
    }

    public var isDeprecated: Bool { deprecationReason != nil }

    /// Arguments are few, so a linear scan beats hashing.
    public func argument(named name: String) -> GraphQLArgument? {
        for argument in arguments where argument.name == name { return argument }
        return nil
    }
}
