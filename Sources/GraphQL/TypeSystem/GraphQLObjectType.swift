/// An object type (spec §3.6): the only concrete composite type.
public final class GraphQLObjectType: @unchecked Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    /// Fields and interfaces are set once while the schema is built (types may refer to each
    /// other cyclically), never after, which is why the class may be shared across threads.
    public internal(set) var fields: [GraphQLField] = []
    public internal(set) var interfaces: [GraphQLInterfaceType] = []
    @usableFromInline var fieldIndexByName: [String: Int] = [:]

    public init(id: Int, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }

    @inlinable
    public func field(named name: String) -> GraphQLField? {
        guard let index = fieldIndexByName[name] else { return nil }
        return fields[index]
    }

    /// True when this type declares `interface` among its (transitive) interfaces.
    public func implements(_ interface: GraphQLInterfaceType) -> Bool {
        interfaces.contains { $0 === interface }
    }

    func setFields(_ newFields: [GraphQLField]) {
        fields = newFields
        fieldIndexByName = Dictionary(newFields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
