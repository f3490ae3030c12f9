/// An interface type (spec §3.7): an abstract set of fields that objects (and other
/// interfaces) implement.
public final class GraphQLInterfaceType: @unchecked Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    /// Set once while the schema is built, never after.
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

    func setFields(_ newFields: [GraphQLField]) {
        fields = newFields
        fieldIndexByName = Dictionary(newFields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
