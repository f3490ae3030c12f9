/// A parsed GraphQL document: executable definitions, type-system definitions, or both.
public struct Document: ASTNode {
    public var definitions: [Definition]
    public var loc: Location?

    public init(definitions: [Definition], loc: Location? = nil) {
        self.definitions = definitions
        self.loc = loc
    }

    /// The operations, in document order.
    public var operations: [OperationDefinition] {
        definitions.compactMap { if case .operation(let op) = $0 { return op } else { return nil } }
    }

    /// The fragment definitions, in document order.
    public var fragments: [FragmentDefinition] {
        definitions.compactMap { if case .fragment(let f) = $0 { return f } else { return nil } }
    }
}

/// One top-level definition of a document.
public enum Definition: ASTNode {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case schemaExtension(SchemaExtension)
    case type(TypeDefinition)
    case typeExtension(TypeExtension)
    case directive(DirectiveDefinition)

    public var loc: Location? {
        switch self {
        case .operation(let d): d.loc
        case .fragment(let d): d.loc
        case .schema(let d): d.loc
        case .schemaExtension(let d): d.loc
        case .type(let d): d.loc
        case .typeExtension(let d): d.loc
        case .directive(let d): d.loc
        }
    }

    /// Operations and fragments are executable; everything else belongs to the type system.
    public var isExecutable: Bool {
        switch self {
        case .operation, .fragment: true
        default: false
        }
    }
}

/// The three kinds of operation a document can request.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    case query
    case mutation
    case subscription
}

/// `query Name($v: T) @dir { ... }`, or the anonymous shorthand `{ ... }`.
public struct OperationDefinition: ASTNode {
    /// Executable descriptions (September 2025 spec); never set on the `{ ... }` shorthand.
    public var description: StringValue?
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: [VariableDefinition]
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location?

    public init(
        operation: OperationType,
        name: Name? = nil,
        variableDefinitions: [VariableDefinition] = [],
        directives: [Directive] = [],
        selectionSet: SelectionSet,
        description: StringValue? = nil,
        loc: Location? = nil
    ) {
        self.description = description
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// `$name: Type = default @dir` in an operation's variable list.
public struct VariableDefinition: ASTNode {
    public var description: StringValue?
    public var variable: Variable
    public var type: TypeNode
    public var defaultValue: ValueNode?
    public var directives: [Directive]
    public var loc: Location?

    public init(
        variable: Variable,
        type: TypeNode,
        defaultValue: ValueNode? = nil,
        directives: [Directive] = [],
        description: StringValue? = nil,
        loc: Location? = nil
    ) {
        self.description = description
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.loc = loc
    }
}

/// `$name`, both where variables are defined and where they are used.
public struct Variable: ASTNode {
    public var name: Name
    public var loc: Location?

    public init(name: Name, loc: Location? = nil) {
        self.name = name
        self.loc = loc
    }
}

/// `fragment Name on Type @dir { ... }`.
public struct FragmentDefinition: ASTNode {
    public var description: StringValue?
    public var name: Name
    /// Legacy fragment variables (`fragment F($v: T) on …`), only parsed when allowed; usually empty.
    public var variableDefinitions: [VariableDefinition]
    public var typeCondition: NamedType
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location?

    public init(
        name: Name,
        variableDefinitions: [VariableDefinition] = [],
        typeCondition: NamedType,
        directives: [Directive] = [],
        selectionSet: SelectionSet,
        description: StringValue? = nil,
        loc: Location? = nil
    ) {
        self.description = description
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}
