/// The six kinds of named type (spec §3.4, `__TypeKind` without the wrappers).
public enum GraphQLTypeKind: String, Sendable, Hashable {
    case scalar = "SCALAR"
    case object = "OBJECT"
    case interface = "INTERFACE"
    case union = "UNION"
    case `enum` = "ENUM"
    case inputObject = "INPUT_OBJECT"
}

/// A named type of a schema. Each case wraps an immutable final class, so copying the enum
/// costs a single retain; `id` is the type's index in `GraphQLSchema.types`, usable to index
/// side tables (resolvers, caches) without hashing names.
public enum GraphQLNamedType: Sendable, Hashable {
    case scalar(GraphQLScalarType)
    case object(GraphQLObjectType)
    case interface(GraphQLInterfaceType)
    case union(GraphQLUnionType)
    case `enum`(GraphQLEnumType)
    case inputObject(GraphQLInputObjectType)

    public var name: String {
        switch self {
        case .scalar(let t): t.name
        case .object(let t): t.name
        case .interface(let t): t.name
        case .union(let t): t.name
        case .enum(let t): t.name
        case .inputObject(let t): t.name
        }
    }

    public var description: String? {
        switch self {
        case .scalar(let t): t.description
        case .object(let t): t.description
        case .interface(let t): t.description
        case .union(let t): t.description
        case .enum(let t): t.description
        case .inputObject(let t): t.description
        }
    }

    /// Index of the type in `GraphQLSchema.types`.
    public var id: Int {
        switch self {
        case .scalar(let t): t.id
        case .object(let t): t.id
        case .interface(let t): t.id
        case .union(let t): t.id
        case .enum(let t): t.id
        case .inputObject(let t): t.id
        }
    }

    public var kind: GraphQLTypeKind {
        switch self {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enum: .enum
        case .inputObject: .inputObject
        }
    }

    /// Scalars, enums and input objects may appear in arguments and variables.
    public var isInputType: Bool {
        switch self {
        case .scalar, .enum, .inputObject: true
        default: false
        }
    }

    /// Everything except input objects may be a field's type.
    public var isOutputType: Bool {
        if case .inputObject = self { return false }
        return true
    }

    /// Scalars and enums end a selection: they take no selection set.
    public var isLeafType: Bool {
        switch self {
        case .scalar, .enum: true
        default: false
        }
    }

    /// Objects, interfaces and unions require a selection set.
    public var isCompositeType: Bool {
        switch self {
        case .object, .interface, .union: true
        default: false
        }
    }

    /// Interfaces and unions need a concrete object type at run time.
    public var isAbstractType: Bool {
        switch self {
        case .interface, .union: true
        default: false
        }
    }

    /// The fields of an object or interface type; empty for other kinds.
    public var fields: [GraphQLField] {
        switch self {
        case .object(let t): t.fields
        case .interface(let t): t.fields
        default: []
        }
    }

    /// A field of an object or interface type by name (no meta fields; see
    /// `GraphQLSchema.field(named:in:)` for `__typename` and friends).
    public func field(named name: String) -> GraphQLField? {
        switch self {
        case .object(let t): t.field(named: name)
        case .interface(let t): t.field(named: name)
        default: nil
        }
    }

    /// The underlying scalar / object / … when the kind matches.
    public var asScalar: GraphQLScalarType? { if case .scalar(let t) = self { t } else { nil } }
    public var asObject: GraphQLObjectType? { if case .object(let t) = self { t } else { nil } }
    public var asInterface: GraphQLInterfaceType? { if case .interface(let t) = self { t } else { nil } }
    public var asUnion: GraphQLUnionType? { if case .union(let t) = self { t } else { nil } }
    public var asEnum: GraphQLEnumType? { if case .enum(let t) = self { t } else { nil } }
    public var asInputObject: GraphQLInputObjectType? { if case .inputObject(let t) = self { t } else { nil } }

    /// Identity: two named types are equal when they are the same schema object.
    public static func == (lhs: GraphQLNamedType, rhs: GraphQLNamedType) -> Bool {
        lhs.objectIdentifier == rhs.objectIdentifier
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(objectIdentifier) }

    private var objectIdentifier: ObjectIdentifier {
        switch self {
        case .scalar(let t): ObjectIdentifier(t)
        case .object(let t): ObjectIdentifier(t)
        case .interface(let t): ObjectIdentifier(t)
        case .union(let t): ObjectIdentifier(t)
        case .enum(let t): ObjectIdentifier(t)
        case .inputObject(let t): ObjectIdentifier(t)
        }
    }
}

extension GraphQLNamedType {
    /// `__Schema`, `__Type` and the other types introspection queries select from (spec §4.2).
    public var isIntrospectionType: Bool { SpecifiedDefinitions.introspectionTypeNames.contains(name) }

    /// Int, Float, String, Boolean or ID.
    public var isSpecifiedScalarType: Bool { asScalar?.isSpecified ?? false }
}
