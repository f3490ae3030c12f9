/// A union type (spec §3.8): one of several object types, with no fields of its own.
public final class GraphQLUnionType: @unchecked Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    /// Set once while the schema is built, never after.
    public internal(set) var types: [GraphQLObjectType] = []

    public init(id: Int, name: String, description: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}
