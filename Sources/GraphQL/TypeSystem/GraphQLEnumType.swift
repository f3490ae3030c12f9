/// An enum type (spec §3.9): a leaf whose values are names. Coerced values are the names as
/// `JSON.string`.
public final class GraphQLEnumType: Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    public let values: [GraphQLEnumValue]
    @usableFromInline let valueIndexByName: [String: Int]

    public init(id: Int, name: String, description: String? = nil, values: [GraphQLEnumValue]) {
        self.id = id
        self.name = name
        self.description = description
        self.values = values
        self.valueIndexByName = Dictionary(values.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    @inlinable
    public func value(named name: String) -> GraphQLEnumValue? {
        guard let index = valueIndexByName[name] else { return nil }
        return values[index]
    }
}

/// One value of an enum type.
public struct GraphQLEnumValue: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var deprecationReason: String?

    public init(name: String, description: String? = nil, deprecationReason: String? = nil) {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
    }

    public var isDeprecated: Bool { deprecationReason != nil }
}
