/// An input object type (spec §3.10): a structured argument or variable value.
public final class GraphQLInputObjectType: @unchecked Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    /// `@oneOf`: exactly one field must be given, and it must not be null.
    public let isOneOf: Bool
    /// Set once while the schema is built (input objects may refer to each other), never after.
    public internal(set) var fields: [GraphQLInputField] = []
    @usableFromInline var fieldIndexByName: [String: Int] = [:]

    public init(id: Int, name: String, description: String? = nil, isOneOf: Bool = false) {
        self.id = id
        self.name = name
        self.description = description
        self.isOneOf = isOneOf
    }

    @inlinable
    public func field(named name: String) -> GraphQLInputField? {
        guard let index = fieldIndexByName[name] else { return nil }
        return fields[index]
    }

    func setFields(_ newFields: [GraphQLInputField]) {
        fields = newFields
        fieldIndexByName = Dictionary(newFields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }
}
