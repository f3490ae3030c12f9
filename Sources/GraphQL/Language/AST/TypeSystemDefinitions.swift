/// `schema @dir { query: Query … }`.
public struct SchemaDefinition: ASTNode {
    public var description: StringValue?
    public var directives: [Directive]
    public var operationTypes: [OperationTypeDefinition]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        directives: [Directive] = [],
        operationTypes: [OperationTypeDefinition],
        loc: Location? = nil
    ) {
        self.description = description
        self.directives = directives
        self.operationTypes = operationTypes
        self.loc = loc
    }
}

/// `query: Query` inside a schema definition or extension.
public struct OperationTypeDefinition: ASTNode {
    public var operation: OperationType
    public var type: NamedType
    public var loc: Location?

    public init(operation: OperationType, type: NamedType, loc: Location? = nil) {
        self.operation = operation
        self.type = type
        self.loc = loc
    }
}

/// A named type definition of any kind.
public enum TypeDefinition: ASTNode {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(InterfaceTypeDefinition)
    case union(UnionTypeDefinition)
    case `enum`(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

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

    public var description: StringValue? {
        switch self {
        case .scalar(let d): d.description
        case .object(let d): d.description
        case .interface(let d): d.description
        case .union(let d): d.description
        case .enum(let d): d.description
        case .inputObject(let d): d.description
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

/// `scalar Name @dir`.
public struct ScalarTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var loc: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `type Name implements A & B @dir { fields }`.
public struct ObjectTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        interfaces: [NamedType] = [],
        directives: [Directive] = [],
        fields: [FieldDefinition] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `interface Name implements A & B @dir { fields }`.
public struct InterfaceTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var interfaces: [NamedType]
    public var directives: [Directive]
    public var fields: [FieldDefinition]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        interfaces: [NamedType] = [],
        directives: [Directive] = [],
        fields: [FieldDefinition] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.interfaces = interfaces
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `name(args): Type @dir` inside an object or interface.
public struct FieldDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var type: TypeNode
    public var directives: [Directive]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        arguments: [InputValueDefinition] = [],
        type: TypeNode,
        directives: [Directive] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.type = type
        self.directives = directives
        self.loc = loc
    }
}

/// `name: Type = default @dir`: an argument definition or an input object field.
public struct InputValueDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var type: TypeNode
    public var defaultValue: ValueNode?
    public var directives: [Directive]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        type: TypeNode,
        defaultValue: ValueNode? = nil,
        directives: [Directive] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// `union Name @dir = A | B`.
public struct UnionTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var types: [NamedType]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        directives: [Directive] = [],
        types: [NamedType] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.types = types
        self.loc = loc
    }
}

/// `enum Name @dir { VALUES }`.
public struct EnumTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var values: [EnumValueDefinition]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        directives: [Directive] = [],
        values: [EnumValueDefinition] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.values = values
        self.loc = loc
    }
}

/// One value of an enum definition.
public struct EnumValueDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var loc: Location?

    public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], loc: Location? = nil) {
        self.description = description
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `input Name @dir { fields }`.
public struct InputObjectTypeDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var directives: [Directive]
    public var fields: [InputValueDefinition]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        directives: [Directive] = [],
        fields: [InputValueDefinition] = [],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.directives = directives
        self.fields = fields
        self.loc = loc
    }
}

/// `directive @name(args) repeatable on LOCATION | …`.
public struct DirectiveDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    public var arguments: [InputValueDefinition]
    public var isRepeatable: Bool
    /// Location names as written; `DirectiveLocation(rawValue:)` maps each to the enum.
    public var locations: [Name]
    public var loc: Location?

    public init(
        description: StringValue? = nil,
        name: Name,
        arguments: [InputValueDefinition] = [],
        isRepeatable: Bool = false,
        locations: [Name],
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.arguments = arguments
        self.isRepeatable = isRepeatable
        self.locations = locations
        self.loc = loc
    }
}
