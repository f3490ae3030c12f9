/// Spec §6.4.1 "CoerceVariableValues" (graphql-js `getVariableValues`): turns the request's raw
/// variables into coerced values for an operation's variable definitions. Collects every error
/// (up to 50, like graphql-js) rather than stopping at the first.
public func coerceVariableValues(
    schema: GraphQLSchema,
    variableDefinitions: [VariableDefinition],
    inputs: JSONObject,
    maxErrors: Int = 50
) -> Result<JSONObject, GraphQLErrorList> {
    var errors: [GraphQLError] = []
    var coerced = JSONObject()
    func report(_ error: GraphQLError) -> Bool {
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many errors processing variables, error limit reached. Execution aborted."))
            return false
        }
        errors.append(error)
        return true
    }
    for definition in variableDefinitions {
        let name = definition.variable.name.value
        let locations = definition.sourceLocation.map { [$0] } ?? []
        guard let type = schema.type(from: definition.type), type.namedType.isInputType else {
            let typeLocations = definition.type.sourceLocation.map { [$0] } ?? []
            let message = "Variable \"$\(name)\" expected value of type \"\(printTypeNode(definition.type))\" which cannot be used as an input type."
            if !report(GraphQLError(message, locations: typeLocations)) { return .failure(GraphQLErrorList(errors)) }
            continue
        }
        guard let value = inputs[name] else {
            if let defaultLiteral = definition.defaultValue {
                if let value = valueFromAST(defaultLiteral, type: type) { coerced[name] = value }
            } else if type.isNonNull {
                let message = "Variable \"$\(name)\" of required type \"\(type.printed)\" was not provided."
                if !report(GraphQLError(message, locations: locations)) { return .failure(GraphQLErrorList(errors)) }
            }
            continue
        }
        if value == .null, type.isNonNull {
            let message = "Variable \"$\(name)\" of non-null type \"\(type.printed)\" must not be null."
            if !report(GraphQLError(message, locations: locations)) { return .failure(GraphQLErrorList(errors)) }
            continue
        }
        var aborted = false
        let result = coerceInputValue(value, type: type) { path, invalidValue, error in
            guard !aborted else { return }
            var prefix = "Variable \"$\(name)\" got invalid value " + inspect(invalidValue)
            if !path.isEmpty { prefix += " at \"\(name)\(printPath(path))\"" }
            var wrapped = GraphQLError(prefix + "; " + error.message, locations: locations)
            wrapped.extensions = error.extensions
            if !report(wrapped) { aborted = true }
        }
        if aborted { return .failure(GraphQLErrorList(errors)) }
        coerced[name] = result
    }
    return errors.isEmpty ? .success(coerced) : .failure(GraphQLErrorList(errors))
}

/// A type reference as written, e.g. `[Int!]!` (graphql-js `print` of a type node).
func printTypeNode(_ node: TypeNode) -> String {
    switch node {
    case .named(let named): named.name.value
    case .list(let list): "[" + printTypeNode(list.type) + "]"
    case .nonNull(let nonNull): printTypeNode(nonNull.type) + "!"
    }
}
