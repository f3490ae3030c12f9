/// Spec §5.8.5 All Variable Usages Are Allowed: a variable's type must fit every position it is
/// used in (a nullable variable may fill a non-null position only when a non-null default
/// exists on either side), and variables filling a OneOf input object field must be non-null.
final class VariablesInAllowedPositionRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.leaveOperation]
    init(context: ValidationContext) { self.context = context }

    func leaveOperation(_ node: OperationDefinition) {
        var definitions: [String: VariableDefinition] = [:]
        for definition in node.variableDefinitions { definitions[definition.variable.name.value] = definition }
        let schema = context.schema
        for usage in context.recursiveVariableUsages(ofOperation: context.currentOperationIndex) {
            let name = usage.node.name.value
            guard let definition = definitions[name], let locationType = usage.type else { continue }
            guard let variableType = schema.typeFromAST(definition.type) else { continue }
            if !allowed(variableType, definition.defaultValue, locationType, usage.hasLocationDefaultValue) {
                context.report(
                    "Variable \"$\(name)\" of type \"\(variableType.printed)\" used in position expecting type \"\(locationType.printed)\".",
                    [definition.sourceLocation, usage.node.sourceLocation]
                )
            }
            if let parent = usage.parentType?.nullableType, case .named(.inputObject(let object)) = parent,
                object.isOneOf, !variableType.isNonNull
            {
                context.report(
                    "Variable \"$\(name)\" is of type \"\(variableType.printed)\" but must be non-nullable to be used for OneOf Input Object \"\(object.name)\".",
                    [definition.sourceLocation, usage.node.sourceLocation]
                )
            }
        }
    }

    private func allowed(
        _ variableType: GraphQLType,
        _ variableDefault: ValueNode?,
        _ locationType: GraphQLType,
        _ hasLocationDefault: Bool
    ) -> Bool {
        if case .nonNull(let nullableLocation) = locationType, !variableType.isNonNull {
            var hasNonNullVariableDefault = false
            if let variableDefault, case .null = variableDefault {} else if variableDefault != nil {
                hasNonNullVariableDefault = true
            }
            if !hasNonNullVariableDefault && !hasLocationDefault { return false }
            return context.schema.isTypeSubTypeOf(variableType, nullableLocation)
        }
        return context.schema.isTypeSubTypeOf(variableType, locationType)
    }
}
