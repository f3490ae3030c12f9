/// A resolved type reference (spec §3.4 "Wrapping Types"): a named type wrapped in any number of
/// list and non-null layers. The named case points straight at the schema's type object, so hot
/// paths never look a type up by name.
public indirect enum GraphQLType: Sendable, Hashable {
    case named(GraphQLNamedType)
    case list(GraphQLType)
    case nonNull(GraphQLType)

    /// The innermost named type, with every wrapper removed.
    @inlinable
    public var namedType: GraphQLNamedType {
        switch self {
        case .named(let type): type
        case .list(let inner): inner.namedType
        case .nonNull(let inner): inner.namedType
        }
    }

    /// The type with its outermost non-null wrapper removed, if any.
    @inlinable
    public var nullableType: GraphQLType {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    @inlinable
    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// True for `[T]` and `[T]!`.
    @inlinable
    public var isList: Bool {
        if case .list = nullableType { return true }
        return false
    }

    /// The list's item type when this is `[T]` or `[T]!`.
    @inlinable
    public var listItemType: GraphQLType? {
        if case .list(let item) = nullableType { return item }
        return nil
    }

    /// The type as SDL writes it, e.g. `[Int!]!`.
    public var printed: String {
        switch self {
        case .named(let type): type.name
        case .list(let inner): "[" + inner.printed + "]"
        case .nonNull(let inner): inner.printed + "!"
        }
    }
}

extension GraphQLType: CustomStringConvertible {
    public var description: String { printed }
}
