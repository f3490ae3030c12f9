/// graphql-js's optional `NoDeprecatedCustomRule`: reports every use of a deprecated field, argument, input
/// field or enum value, so a client can find what it must move off before the schema drops it.
final class NoDeprecatedRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField, .enterArgument, .enterObjectField, .enterValue]
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) {
        let typeInfo = context.typeInfo
        guard let field = typeInfo.fieldDef, let reason = field.deprecationReason, let parent = typeInfo.parentType else { return }
        context.report("The field \(parent.name).\(field.name) is deprecated. \(reason)", at: node.sourceLocation)
    }

    func enterArgument(_ node: Argument) {
        let typeInfo = context.typeInfo
        guard let argument = typeInfo.argument, let reason = argument.deprecationReason else { return }
        if let directive = typeInfo.directive {
            context.report("Directive \"@\(directive.name)\" argument \"\(argument.name)\" is deprecated. \(reason)", at: node.sourceLocation)
        } else if let parent = typeInfo.parentType, let field = typeInfo.fieldDef {
            context.report("Field \"\(parent.name).\(field.name)\" argument \"\(argument.name)\" is deprecated. \(reason)", at: node.sourceLocation)
        }
    }

    func enterObjectField(_ node: ObjectField) {
        guard case .inputObject(let type)? = context.typeInfo.parentInputType?.namedType,
              let field = type.fields.first(where: { $0.name == node.name.value }), let reason = field.deprecationReason else { return }
        context.report("The input field \(type.name).\(field.name) is deprecated. \(reason)", at: node.sourceLocation)
    }

    func enterValue(_ node: ValueNode) {
        guard case .enumValue(let literal) = node, case .enum(let type)? = context.typeInfo.inputType?.namedType,
              let value = type.values.first(where: { $0.name == literal.value }), let reason = value.deprecationReason else { return }
        context.report("The enum value \"\(type.name).\(value.name)\" is deprecated. \(reason)", at: node.sourceLocation)
    }
}

/// graphql-js's optional `NoSchemaIntrospectionCustomRule`: refuses `__schema` and `__type` (any field whose type
/// is an introspection type), for servers that hide their schema; `__typename` stays allowed.
final class NoSchemaIntrospectionRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField]
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) {
        guard let type = context.typeInfo.type?.namedType, type.isIntrospectionType else { return }
        context.report(
            "GraphQL introspection has been disabled, but the requested query contained the field \"\(node.name.value)\".",
            at: node.sourceLocation)
    }
}
