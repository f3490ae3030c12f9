/// Type-system definitions in an executable document are invalid (`ExecutableDefinitionsRule`
/// reports them), but graphql-js still walks them, so rules about type names, directives,
/// arguments and input values report what they find there too. This walks them in the same
/// order.
extension ValidationWalker {
    mutating func walkTypeSystem(_ definition: Definition) {
        switch definition {
        case .schema(let schema):
            walkSchema(schema.directives, schema.operationTypes)
        case .schemaExtension(let schema):
            walkSchema(schema.directives, schema.operationTypes)
        case .type(let type):
            walkType(type)
        case .typeExtension(let type):
            walkTypeExtension(type)
        case .directive(let directive):
            for argument in directive.arguments { walk(argument, at: .argumentDefinition) }
        case .operation, .fragment:
            break
        }
    }

    private func enterTypeSystemNode(_ directives: [Directive], _ scope: TypeSystemDirectiveScope) {
        for v in visitors(.enterTypeSystemNode) { v.enterTypeSystemNode(directives: directives, scope: scope) }
    }

    private func walkNamedType(_ node: NamedType) {
        for v in visitors(.enterNamedType) { v.enterNamedType(node) }
    }

    private mutating func walkSchema(_ directives: [Directive], _ operationTypes: [OperationTypeDefinition]) {
        enterTypeSystemNode(directives, .schema)
        walkDirectives(directives, at: .schema)
        for operationType in operationTypes { walkNamedType(operationType.type) }
    }

    private mutating func walkType(_ type: TypeDefinition) {
        let scope = TypeSystemDirectiveScope.type(type.name.value)
        switch type {
        case .scalar(let scalar):
            enterTypeSystemNode(scalar.directives, scope)
            walkDirectives(scalar.directives, at: .scalar)
        case .object(let object):
            walkComposite(scope, object.interfaces, object.directives, .object, object.fields)
        case .interface(let interface):
            walkComposite(scope, interface.interfaces, interface.directives, .interface, interface.fields)
        case .union(let union):
            walkUnion(scope, union.directives, union.types)
        case .enum(let enumType):
            walkEnum(scope, enumType.directives, enumType.values)
        case .inputObject(let input):
            walkInputObject(scope, input.directives, input.fields)
        }
    }

    private mutating func walkTypeExtension(_ type: TypeExtension) {
        let scope = TypeSystemDirectiveScope.type(type.name.value)
        switch type {
        case .scalar(let scalar):
            enterTypeSystemNode(scalar.directives, scope)
            walkDirectives(scalar.directives, at: .scalar)
        case .object(let object):
            walkComposite(scope, object.interfaces, object.directives, .object, object.fields)
        case .interface(let interface):
            walkComposite(scope, interface.interfaces, interface.directives, .interface, interface.fields)
        case .union(let union):
            walkUnion(scope, union.directives, union.types)
        case .enum(let enumType):
            walkEnum(scope, enumType.directives, enumType.values)
        case .inputObject(let input):
            walkInputObject(scope, input.directives, input.fields)
        }
    }

    private mutating func walkComposite(
        _ scope: TypeSystemDirectiveScope,
        _ interfaces: [NamedType],
        _ directives: [Directive],
        _ location: DirectiveLocation,
        _ fields: [FieldDefinition]
    ) {
        enterTypeSystemNode(directives, scope)
        for interface in interfaces { walkNamedType(interface) }
        walkDirectives(directives, at: location)
        for field in fields {
            enterTypeSystemNode(field.directives, .node)
            for argument in field.arguments { walk(argument, at: .argumentDefinition) }
            walkNamedType(field.type.namedType)
            walkDirectives(field.directives, at: .fieldDefinition)
        }
    }

    private mutating func walkUnion(_ scope: TypeSystemDirectiveScope, _ directives: [Directive], _ types: [NamedType]) {
        enterTypeSystemNode(directives, scope)
        walkDirectives(directives, at: .union)
        for member in types { walkNamedType(member) }
    }

    private mutating func walkEnum(_ scope: TypeSystemDirectiveScope, _ directives: [Directive], _ values: [EnumValueDefinition]) {
        enterTypeSystemNode(directives, scope)
        walkDirectives(directives, at: .enum)
        for value in values {
            enterTypeSystemNode(value.directives, .node)
            walkDirectives(value.directives, at: .enumValue)
        }
    }

    private mutating func walkInputObject(_ scope: TypeSystemDirectiveScope, _ directives: [Directive], _ fields: [InputValueDefinition]) {
        enterTypeSystemNode(directives, scope)
        walkDirectives(directives, at: .inputObject)
        for field in fields { walk(field, at: .inputFieldDefinition) }
    }

    private mutating func walk(_ inputValue: InputValueDefinition, at location: DirectiveLocation) {
        enterTypeSystemNode(inputValue.directives, .node)
        walkNamedType(inputValue.type.namedType)
        if let defaultValue = inputValue.defaultValue { walk(defaultValue) }
        walkDirectives(inputValue.directives, at: location)
    }
}
