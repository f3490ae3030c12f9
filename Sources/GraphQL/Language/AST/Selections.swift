/// `{ ... }`: what to select on the current object.
public struct SelectionSet: ASTNode {
    public var selections: [Selection]
    public var loc: Location?

    public init(selections: [Selection], loc: Location? = nil) {
        self.selections = selections
        self.loc = loc
    }
}

/// One entry of a selection set.
public enum Selection: ASTNode {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)

    public var loc: Location? {
        switch self {
        case .field(let s): s.loc
        case .fragmentSpread(let s): s.loc
        case .inlineFragment(let s): s.loc
        }
    }

    /// Every selection kind can carry directives (`@skip`, `@include`, …).
    public var directives: [Directive] {
        switch self {
        case .field(let s): s.directives
        case .fragmentSpread(let s): s.directives
        case .inlineFragment(let s): s.directives
        }
    }
}

/// `alias: name(arg: value) @dir { ... }`.
public struct Field: ASTNode {
    public var alias: Name?
    public var name: Name
    public var arguments: [Argument]
    public var directives: [Directive]
    public var selectionSet: SelectionSet?
    public var loc: Location?

    public init(
        alias: Name? = nil,
        name: Name,
        arguments: [Argument] = [],
        directives: [Directive] = [],
        selectionSet: SelectionSet? = nil,
        loc: Location? = nil
    ) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }

    /// The key under which the field's value appears in the response: the alias if any, else the name.
    @inlinable public var responseKey: String { alias?.value ?? name.value }
}

/// `name: value` in a field or directive argument list.
public struct Argument: ASTNode {
    public var name: Name
    public var value: ValueNode
    public var loc: Location?

    public init(name: Name, value: ValueNode, loc: Location? = nil) {
        self.name = name
        self.value = value
        self.loc = loc
    }
}

/// `...Name @dir`.
public struct FragmentSpread: ASTNode {
    public var name: Name
    public var directives: [Directive]
    public var loc: Location?

    public init(name: Name, directives: [Directive] = [], loc: Location? = nil) {
        self.name = name
        self.directives = directives
        self.loc = loc
    }
}

/// `... on Type @dir { ... }`; the type condition is optional.
public struct InlineFragment: ASTNode {
    public var typeCondition: NamedType?
    public var directives: [Directive]
    public var selectionSet: SelectionSet
    public var loc: Location?

    public init(
        typeCondition: NamedType? = nil,
        directives: [Directive] = [],
        selectionSet: SelectionSet,
        loc: Location? = nil
    ) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.loc = loc
    }
}

/// `@name(arg: value)` applied to a definition or selection.
public struct Directive: ASTNode {
    public var name: Name
    public var arguments: [Argument]
    public var loc: Location?

    public init(name: Name, arguments: [Argument] = [], loc: Location? = nil) {
        self.name = name
        self.arguments = arguments
        self.loc = loc
    }
}

extension Array where Element == Argument {
    /// The argument with the given name, if present.
    public func named(_ name: String) -> Argument? { first { $0.name.value == name } }
}

extension Array where Element == Directive {
    /// The first directive with the given name, if present.
    public func named(_ name: String) -> Directive? { first { $0.name.value == name } }
}
