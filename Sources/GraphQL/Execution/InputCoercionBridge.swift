/// The executor's single entry points into input coercion (owned by the type system), so execution
/// code depends on its signatures in one place only.
func coerceFieldArguments(_ field: GraphQLField, node: Field, variables: JSONObject) throws(GraphQLError) -> JSONObject {
    if field.arguments.isEmpty { return JSONObject() }
    return try coerceArgumentValues(field: field, node: node, variableValues: variables)
}

func coerceOperationVariables(
    _ schema: GraphQLSchema, definitions: [VariableDefinition], inputs: JSONObject
) -> (values: JSONObject, errors: [GraphQLError]) {
    if definitions.isEmpty { return (JSONObject(), []) }
    switch coerceVariableValues(schema: schema, variableDefinitions: definitions, inputs: inputs) {
    case .success(let values): return (values, [])
    case .failure(let list): return (JSONObject(), list.errors)
    }
}
