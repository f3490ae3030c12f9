/// Walks a document depth-first in graphql-js visiting order (type-system definitions too, see
/// `walkTypeSystem`), keeping `TypeInfo` current and calling each interested rule at every
/// node. Stops between nodes once the error limit is hit.
///
/// The walk also records the variable usages of each operation and fragment with their
/// expected types (graphql-js `getVariableUsages`), so the variable rules need no second walk
/// for definitions already passed. The same walker, run with no rules and `usagesOnly`, finds
/// the usages of a fragment the walk has not reached yet.
struct ValidationWalker {
    let typeInfo: TypeInfo
    let schema: GraphQLSchema
    /// Rules interested in each event, indexed by `ValidationEvent.rawValue`, in rule order.
    let dispatch: [[any ValidationVisitor]]
    let context: ValidationContext?
    /// Usages found in the operation or fragment being walked; nil while none is collected
    /// (inside variable definitions, and in type-system definitions).
    var usages: [VariableUsage]?
    /// Walk only what variable usages need: no variable definitions (and no rules).
    var usagesOnly = false

    init(typeInfo: TypeInfo, visitors: [any ValidationVisitor], context: ValidationContext?) {
        self.typeInfo = typeInfo
        self.schema = typeInfo.schema
        self.context = context
        var dispatch = [[any ValidationVisitor]](repeating: [], count: ValidationEvent.allCases.count)
        for visitor in visitors {
            for event in visitor.events { dispatch[event.rawValue].append(visitor) }
        }
        self.dispatch = dispatch
    }

    private var aborted: Bool { context?.aborted ?? false }

    @inline(__always)
    func visitors(_ event: ValidationEvent) -> [any ValidationVisitor] { dispatch[event.rawValue] }

    mutating func walk(_ document: Document) {
        for v in visitors(.enterDocument) { v.enterDocument(document) }
        for (index, definition) in document.definitions.enumerated() {
            if aborted { return }
            switch definition {
            case .operation(let operation):
                context?.currentOperationIndex = context?.operationIndexByDefinition[index] ?? -1
                usages = []
                walk(operation)
                usages = nil
            case .fragment(let fragment):
                context?.currentFragmentIndex = context?.fragmentIndexByDefinition[index] ?? -1
                usages = []
                walk(fragment)
                usages = nil
            default:
                typeInfo.inTypeSystemDefinition = true
                walkTypeSystem(definition)
                typeInfo.inTypeSystemDefinition = false
            }
        }
        if aborted { return }
        for v in visitors(.leaveDocument) { v.leaveDocument(document) }
    }

    mutating func walk(_ operation: OperationDefinition) {
        typeInfo.typeStack.append(schema.rootType(for: operation.operation).map { .named(.object($0)) })
        for v in visitors(.enterOperation) { v.enterOperation(operation) }
        if !usagesOnly {
            for definition in operation.variableDefinitions { walk(definition) }
        }
        walkDirectives(operation.directives, at: Self.location(of: operation.operation))
        walk(operation.selectionSet)
        if let context, let usages { context.recordUsages(usages, ofOperation: context.currentOperationIndex) }
        for v in visitors(.leaveOperation) { v.leaveOperation(operation) }
        typeInfo.typeStack.removeLast()
    }

    static func location(of operation: OperationType) -> DirectiveLocation {
        switch operation {
        case .query: .query
        case .mutation: .mutation
        case .subscription: .subscription
        }
    }

    mutating func walk(_ fragment: FragmentDefinition) {
        typeInfo.typeStack.append(schema.type(named: fragment.typeCondition.name.value).flatMap {
            $0.isOutputType ? .named($0) : nil
        })
        for v in visitors(.enterFragmentDefinition) { v.enterFragmentDefinition(fragment) }
        if !usagesOnly {
            for definition in fragment.variableDefinitions { walk(definition) }
        }
        for v in visitors(.enterNamedType) { v.enterNamedType(fragment.typeCondition) }
        walkDirectives(fragment.directives, at: .fragmentDefinition)
        walk(fragment.selectionSet)
        if let context, let usages { context.recordUsages(usages, ofFragment: context.currentFragmentIndex) }
        for v in visitors(.leaveFragmentDefinition) { v.leaveFragmentDefinition(fragment) }
        typeInfo.typeStack.removeLast()
    }

    mutating func walk(_ definition: VariableDefinition) {
        // Variables cannot appear in a definition's default value or directives; they are
        // not usages either way (graphql-js skips variable definitions when collecting).
        let collected = usages
        usages = nil
        defer { usages = collected }
        let inputType = schema.typeFromAST(definition.type)
        typeInfo.inputTypeStack.append(inputType.flatMap { isInputType($0) ? $0 : nil })
        for v in visitors(.enterVariableDefinition) { v.enterVariableDefinition(definition) }
        for v in visitors(.enterNamedType) { v.enterNamedType(definition.type.namedType) }
        if let defaultValue = definition.defaultValue { walk(defaultValue) }
        walkDirectives(definition.directives, at: .variableDefinition)
        for v in visitors(.leaveVariableDefinition) { v.leaveVariableDefinition(definition) }
        typeInfo.inputTypeStack.removeLast()
    }

    mutating func walk(_ selectionSet: SelectionSet) {
        let named = typeInfo.type?.namedType
        typeInfo.parentTypeStack.append(named.flatMap { $0.isCompositeType ? $0 : nil })
        for v in visitors(.enterSelectionSet) { v.enterSelectionSet(selectionSet) }
        for selection in selectionSet.selections {
            if aborted { break }
            switch selection {
            case .field(let field): walk(field)
            case .fragmentSpread(let spread): walk(spread)
            case .inlineFragment(let fragment): walk(fragment)
            }
        }
        for v in visitors(.leaveSelectionSet) { v.leaveSelectionSet(selectionSet) }
        typeInfo.parentTypeStack.removeLast()
    }

    mutating func walk(_ field: Field) {
        let fieldDef = typeInfo.parentType.flatMap { schema.field(named: field.name.value, in: $0) }
        typeInfo.fieldDefStack.append(fieldDef)
        typeInfo.typeStack.append(fieldDef.flatMap { isOutputType($0.type) ? $0.type : nil })
        for v in visitors(.enterField) { v.enterField(field) }
        for argument in field.arguments { walk(argument) }
        walkDirectives(field.directives, at: .field)
        if let selectionSet = field.selectionSet { walk(selectionSet) }
        for v in visitors(.leaveField) { v.leaveField(field) }
        typeInfo.fieldDefStack.removeLast()
        typeInfo.typeStack.removeLast()
    }

    mutating func walk(_ spread: FragmentSpread) {
        for v in visitors(.enterFragmentSpread) { v.enterFragmentSpread(spread) }
        walkDirectives(spread.directives, at: .fragmentSpread)
        for v in visitors(.leaveFragmentSpread) { v.leaveFragmentSpread(spread) }
    }

    mutating func walk(_ fragment: InlineFragment) {
        let type: GraphQLType?
        if let condition = fragment.typeCondition {
            type = schema.type(named: condition.name.value).flatMap { $0.isOutputType ? .named($0) : nil }
        } else {
            type = typeInfo.type.map { .named($0.namedType) }
        }
        typeInfo.typeStack.append(type)
        for v in visitors(.enterInlineFragment) { v.enterInlineFragment(fragment) }
        if let condition = fragment.typeCondition {
            for v in visitors(.enterNamedType) { v.enterNamedType(condition) }
        }
        walkDirectives(fragment.directives, at: .inlineFragment)
        walk(fragment.selectionSet)
        for v in visitors(.leaveInlineFragment) { v.leaveInlineFragment(fragment) }
        typeInfo.typeStack.removeLast()
    }

    mutating func walkDirectives(_ directives: [Directive], at location: DirectiveLocation) {
        for directive in directives {
            typeInfo.directiveLocation = location
            walk(directive)
        }
    }

    mutating func walk(_ directive: Directive) {
        typeInfo.directive = schema.directive(named: directive.name.value)
        for v in visitors(.enterDirective) { v.enterDirective(directive) }
        for argument in directive.arguments { walk(argument) }
        for v in visitors(.leaveDirective) { v.leaveDirective(directive) }
        typeInfo.directive = nil
    }

    mutating func walk(_ argument: Argument) {
        // As graphql-js: a known directive's arguments, otherwise the current field's.
        let definition: GraphQLArgument?
        if let directive = typeInfo.directive {
            definition = directive.argument(named: argument.name.value)
        } else if let fieldDef = typeInfo.fieldDef {
            definition = fieldDef.argument(named: argument.name.value)
        } else {
            definition = nil
        }
        typeInfo.argument = definition
        typeInfo.defaultValueStack.append(definition?.defaultValue != nil)
        typeInfo.inputTypeStack.append(definition.flatMap { isInputType($0.type) ? $0.type : nil })
        for v in visitors(.enterArgument) { v.enterArgument(argument) }
        walk(argument.value)
        for v in visitors(.leaveArgument) { v.leaveArgument(argument) }
        typeInfo.argument = nil
        typeInfo.defaultValueStack.removeLast()
        typeInfo.inputTypeStack.removeLast()
    }

    mutating func walk(_ value: ValueNode) {
        switch value {
        case .list(let list):
            let listType = typeInfo.inputType?.nullableType
            let itemType: GraphQLType?
            if case .list(let item)? = listType { itemType = item } else { itemType = listType }
            typeInfo.defaultValueStack.append(false)
            typeInfo.inputTypeStack.append(itemType.flatMap { isInputType($0) ? $0 : nil })
            for v in visitors(.enterValue) { v.enterValue(value) }
            for item in list.values { walk(item) }
            for v in visitors(.leaveValue) { v.leaveValue(value) }
            typeInfo.defaultValueStack.removeLast()
            typeInfo.inputTypeStack.removeLast()
        case .object(let object):
            for v in visitors(.enterValue) { v.enterValue(value) }
            for field in object.fields { walk(field) }
            for v in visitors(.leaveValue) { v.leaveValue(value) }
        case .variable(let variable):
            if usages != nil {
                usages!.append(VariableUsage(
                    node: variable,
                    type: typeInfo.inputType,
                    hasLocationDefaultValue: typeInfo.hasDefaultValue,
                    parentType: typeInfo.parentInputType
                ))
            }
            for v in visitors(.enterValue) { v.enterValue(value) }
            for v in visitors(.leaveValue) { v.leaveValue(value) }
        default:
            for v in visitors(.enterValue) { v.enterValue(value) }
            for v in visitors(.leaveValue) { v.leaveValue(value) }
        }
    }

    mutating func walk(_ field: ObjectField) {
        let inputField = typeInfo.inputType?.namedType.asInputObject?.field(named: field.name.value)
        typeInfo.defaultValueStack.append(inputField?.defaultValue != nil)
        typeInfo.inputTypeStack.append(inputField.flatMap { isInputType($0.type) ? $0.type : nil })
        for v in visitors(.enterObjectField) { v.enterObjectField(field) }
        walk(field.value)
        for v in visitors(.leaveObjectField) { v.leaveObjectField(field) }
        typeInfo.defaultValueStack.removeLast()
        typeInfo.inputTypeStack.removeLast()
    }
}
