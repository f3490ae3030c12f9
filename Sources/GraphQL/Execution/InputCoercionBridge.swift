/// The executor's single entry points into input coercion (owned by the type system), so execution
/// code does not depend on its exact signatures.
///
/// Provisional: literal values and variables are taken as given, defaults applied.
func coerceFieldArguments(_ field: GraphQLField, node: Field, variables: JSONObject) throws(GraphQLError) -> JSONObject {
    var coerced = JSONObject()
    for argument in field.arguments {
        if let given = node.arguments.named(argument.name.self) {
            if case .variable(let variable) = given.value, variables[variable.name.value] == nil {
                if let defaultValue = argument.defaultValue { coerced[argument.name] = defaultValue }
                continue
            }
            coerced[argument.name] = valueFromASTUntyped(given.value, variables: variables) ?? .null
        } else if let defaultValue = argument.defaultValue {
            coerced[argument.name] = defaultValue
        }
    }
    return coerced
}

/// Provisional: variables are taken as given, defaults applied.
func coerceOperationVariables(
    _ schema: GraphQLSchema, definitions: [VariableDefinition], inputs: JSONObject
) -> (values: JSONObject, errors: [GraphQLError]) {
    var coerced = JSONObject()
    for definition in definitions {
        let name = definition.variable.name.value
        if let value = inputs[name] {
            coerced[name] = value
        } else if let literal = definition.defaultValue {
            coerced[name] = valueFromASTUntyped(literal, variables: nil) ?? .null
        }
    }
    return (coerced, [])
}
