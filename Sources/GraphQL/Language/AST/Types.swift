/// A type reference as written: `Name`, `[T]` or `T!`.
public indirect enum TypeNode: ASTNode {
    case named(NamedType)
    case list(ListType)
    /// The wrapped type is never itself `.nonNull`; the parser guarantees it.
    case nonNull(NonNullType)

    public var loc: Location? {
        switch self {
        case .named(let t): t.loc
        case .list(let t): t.loc
        case .nonNull(let t): t.loc
        }
    }

    /// The innermost named type, with list and non-null wrappers removed.
    public var namedType: NamedType {
        switch self {
        case .named(let t): t
        case .list(let t): t.type.namedType
        case .nonNull(let t): t.type.namedType
        }
    }
}

/// A reference to a type by name.
public struct NamedType: ASTNode {
    public var name: Name
    public var loc: Location?
    public init(name: Name, loc: Location? = nil) { self.name = name; self.loc = loc }
}

/// `[T]`.
public struct ListType: ASTNode {
    public var type: TypeNode
    public var loc: Location?
    public init(type: TypeNode, loc: Location? = nil) { self.type = type; self.loc = loc }
}

/// `T!`; `type` is `.named` or `.list`.
public struct NonNullType: ASTNode {
    public var type: TypeNode
    public var loc: Location?
    public init(type: TypeNode, loc: Location? = nil) { self.type = type; self.loc = loc }
}
