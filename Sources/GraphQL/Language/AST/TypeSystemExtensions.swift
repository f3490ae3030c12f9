/// `extend schema @dir { mutation: Mutation }`.
public struct SchemaExtension: ASTNode {
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var loc: Location?

    public init(directives: [Directive] = [], operationTypes: [OperationTypeDefinition] = [], loc: Location? = nil) {
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `extend <kind> Name …` for any named type kind.
public enum TypeExtension: ASTNode {
    case scalar(ScalarTypeExtension)
    case object(ObjectTypeExtension)
    case interface(InterfaceTypeExtension)
    case union(UnionTypeExtension)
    case `enum`(EnumTypeExtension)
    case inputObject(InputObjectTypeExtension)

    public var loc: Location? {
        switch self {
        case .scalar(let d): d.loc
        case .object(let d): d.loc
        case .interface(let d): d.loc
        case .union(let d): d.loc
        case .enum(let d): d.loc
        case .inputObject(let d): d.loc
        }
    }

    public var name: Name {
        switch self {
        case .scalar(let d): d.name
        case .object(let d): d.name
        case .interface(let d): d.name
        case .union(let d): d.name
        case .enum(let d): d.name
        case .inputObject(let d): d.name
        }
    }

    public var directives: [Directive] {
        switch self {
        case .scalar(let d): d.directives
        case .object(let d): d.directives
        case .interface(let d): d.directives
        case .union(let d): d.directives
        case .enum(let d): d.directives
        case .inputObject(let d): d.directives
        }
    }
}

/// `extend scalar Name @dir`.
public struct ScalarTypeExtension: ASTNode {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location?

    public init(name: Name, directives: [Directive] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `extend type Name implements A @dir { fields }`.
public struct ObjectTypeExtension: ASTNode {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location?

    public init(
        name: Name,
        interfaces: [NamedType] = [],
        directives: [Directive] = [],
        fields: [FieldDefinition] = [],
        loc: Location? = nil
    ) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend interface Name implements A @dir { fields }`.
public struct InterfaceTypeExtension: ASTNode {
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location?

    public init(
        name: Name,
        interfaces: [NamedType] = [],
        directives: [Directive] = [],
        fields: [FieldDefinition] = [],
        loc: Location? = nil
    ) {
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `extend union Name @dir = C`.
public struct UnionTypeExtension: ASTNode {
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedType]
    public var loc: Location?

    public init(name: Name, directives: [Directive] = [], types: [NamedType] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `extend enum Name @dir { MORE }`.
public struct EnumTypeExtension: ASTNode {
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var loc: Location?

    public init(name: Name, directives: [Directive] = [], values: [EnumValueDefinition] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// `extend input Name @dir { more }`.
public struct InputObjectTypeExtension: ASTNode {
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var loc: Location?

    public init(name: Name, directives: [Directive] = [], fields: [InputValueDefinition] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}
