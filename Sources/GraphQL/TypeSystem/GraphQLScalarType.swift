/// A scalar type (spec §3.5): a leaf whose values are coerced by `coercion`.
public final class GraphQLScalarType: Sendable {
    public let id: Int
    public let name: String
    public let description: String?
    /// The `@specifiedBy(url:)` argument, describing the scalar's format.
    public let specifiedByURL: String?
    public let coercion: ScalarCoercion
    /// Which built-in scalar this is, if any; lets hot paths skip the closure call.
    public let builtin: BuiltinScalar?

    public init(
        id: Int,
        name: String,
        description: String? = nil,
        specifiedByURL: String? = nil,
        coercion: ScalarCoercion = .passThrough,
        builtin: BuiltinScalar? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.coercion = coercion
        self.builtin = builtin
    }

    /// True for Int, Float, String, Boolean and ID, which SDL printing omits.
    public var isSpecified: Bool { builtin != nil }
}

/// The five scalars every schema has (spec §3.5.1–3.5.5).
public enum BuiltinScalar: String, Sendable, CaseIterable {
    case int = "Int"
    case float = "Float"
    case string = "String"
    case boolean = "Boolean"
    case id = "ID"
}
