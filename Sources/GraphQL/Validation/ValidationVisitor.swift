/// The points of a document walk at which a rule can act, in graphql-js visitor terms.
enum ValidationEvent: Int, CaseIterable {
    case enterDocument, leaveDocument
    case enterOperation, leaveOperation
    case enterFragmentDefinition, leaveFragmentDefinition
    case enterVariableDefinition, leaveVariableDefinition
    case enterSelectionSet, leaveSelectionSet
    case enterField, leaveField
    case enterFragmentSpread, leaveFragmentSpread
    case enterInlineFragment, leaveInlineFragment
    case enterDirective, leaveDirective
    case enterArgument, leaveArgument
    case enterValue, leaveValue
    case enterObjectField, leaveObjectField
    case enterNamedType
    case enterTypeSystemNode
}

/// Which directives of type-system nodes count as applied "at the same location": all
/// definitions and extensions of the schema share one set, as do those of one type.
enum TypeSystemDirectiveScope {
    case schema
    case type(String)
    case node
}

/// One rule's reaction to a walk. Rules are small final classes created per validation run;
/// each declares the events it handles so the walker calls only those (rules run "in
/// parallel" during one walk, in rule order at every node, exactly like graphql-js's
/// `visitInParallel`, which makes the order of reported errors match).
///
/// Type information for the current position is available from `context.typeInfo`; at an
/// enter event it already describes the node being entered, at a leave event it still does.
protocol ValidationVisitor: AnyObject {
    var events: [ValidationEvent] { get }
    func enterDocument(_ node: Document)
    func leaveDocument(_ node: Document)
    func enterOperation(_ node: OperationDefinition)
    func leaveOperation(_ node: OperationDefinition)
    func enterFragmentDefinition(_ node: FragmentDefinition)
    func leaveFragmentDefinition(_ node: FragmentDefinition)
    func enterVariableDefinition(_ node: VariableDefinition)
    func leaveVariableDefinition(_ node: VariableDefinition)
    func enterSelectionSet(_ node: SelectionSet)
    func leaveSelectionSet(_ node: SelectionSet)
    func enterField(_ node: Field)
    func leaveField(_ node: Field)
    func enterFragmentSpread(_ node: FragmentSpread)
    func leaveFragmentSpread(_ node: FragmentSpread)
    func enterInlineFragment(_ node: InlineFragment)
    func leaveInlineFragment(_ node: InlineFragment)
    func enterDirective(_ node: Directive)
    func leaveDirective(_ node: Directive)
    func enterArgument(_ node: Argument)
    func leaveArgument(_ node: Argument)
    func enterValue(_ node: ValueNode)
    func leaveValue(_ node: ValueNode)
    func enterObjectField(_ node: ObjectField)
    func leaveObjectField(_ node: ObjectField)
    func enterNamedType(_ node: NamedType)
    /// A type-system definition, extension or member carrying `directives` is entered.
    func enterTypeSystemNode(directives: [Directive], scope: TypeSystemDirectiveScope)
}

extension ValidationVisitor {
    func enterDocument(_ node: Document) {}
    func leaveDocument(_ node: Document) {}
    func enterOperation(_ node: OperationDefinition) {}
    func leaveOperation(_ node: OperationDefinition) {}
    func enterFragmentDefinition(_ node: FragmentDefinition) {}
    func leaveFragmentDefinition(_ node: FragmentDefinition) {}
    func enterVariableDefinition(_ node: VariableDefinition) {}
    func leaveVariableDefinition(_ node: VariableDefinition) {}
    func enterSelectionSet(_ node: SelectionSet) {}
    func leaveSelectionSet(_ node: SelectionSet) {}
    func enterField(_ node: Field) {}
    func leaveField(_ node: Field) {}
    func enterFragmentSpread(_ node: FragmentSpread) {}
    func leaveFragmentSpread(_ node: FragmentSpread) {}
    func enterInlineFragment(_ node: InlineFragment) {}
    func leaveInlineFragment(_ node: InlineFragment) {}
    func enterDirective(_ node: Directive) {}
    func leaveDirective(_ node: Directive) {}
    func enterArgument(_ node: Argument) {}
    func leaveArgument(_ node: Argument) {}
    func enterValue(_ node: ValueNode) {}
    func leaveValue(_ node: ValueNode) {}
    func enterObjectField(_ node: ObjectField) {}
    func leaveObjectField(_ node: ObjectField) {}
    func enterNamedType(_ node: NamedType) {}
    func enterTypeSystemNode(directives: [Directive], scope: TypeSystemDirectiveScope) {}
}
