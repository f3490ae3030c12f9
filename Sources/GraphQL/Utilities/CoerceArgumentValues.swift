/// Spec §6.4.1 "CoerceArgumentValues" (graphql-js `getArgumentValues`): the coerced argument
/// map for a field or directive, given the arguments written in the document.
///
/// - Parameters:
///   - definitions: the field's or directive's argument definitions.
///   - argumentNodes: the arguments written at the usage site.
///   - location: where the field or directive is written, for "was not provided" errors.
///   - variableValues: the operation's coerced variable values.
public func coerceArgumentValues(
    definitions: [GraphQLArgument],
    argumentNodes: [Argument],
    location: SourceLocation?,
    variableValues: JSONObject?
) throws(GraphQLError) -> JSONObject {
    var coerced = JSONObject()
    for definition in definitions {
        let name = definition.name
        let type = definition.type
        guard let argumentNode = argumentNodes.first(where: { $0.name.value == name }) else {
            if let defaultValue = definition.defaultValue {
                coerced[name] = defaultValue
            } else if type.isNonNull {
                throw GraphQLError(
                    "Argument \"\(name)\" of required type \"\(type.printed)\" was not provided.",
                    locations: location.map { [$0] } ?? [])
            }
            continue
        }
        let valueNode = argumentNode.value
        let valueLocations = valueNode.sourceLocation.map { [$0] } ?? []
        var isNull: Bool
        if case .null = valueNode { isNull = true } else { isNull = false }
        if case .variable(let variable) = valueNode {
            let variableName = variable.name.value
            guard let variableValue = variableValues?[variableName] else {
                if let defaultValue = definition.defaultValue {
                    coerced[name] = defaultValue
                } else if type.isNonNull {
                    throw GraphQLError(
                        "Argument \"\(name)\" of required type \"\(type.printed)\" was provided the variable \"$\(variableName)\" which was not provided a runtime value.",
                        locations: valueLocations)
                }
                continue
            }
            isNull = variableValue == .null
        }
        if isNull, type.isNonNull {
            throw GraphQLError(
                "Argument \"\(name)\" of non-null type \"\(type.printed)\" must not be null.", locations: valueLocations)
        }
        guard let value = valueFromAST(valueNode, type: type, variables: variableValues) else {
            throw GraphQLError(
                "Argument \"\(name)\" has invalid value \(literalDescription(valueNode)).", locations: valueLocations)
        }
        coerced[name] = value
    }
    return coerced
}

/// The coerced arguments of a field selection (graphql-js `getArgumentValues(fieldDef, node)`).
public func coerceArgumentValues(
    field: GraphQLField,
    node: Field,
    variableValues: JSONObject?
) throws(GraphQLError) -> JSONObject {
    try coerceArgumentValues(
        definitions: field.arguments, argumentNodes: node.arguments, location: node.sourceLocation,
        variableValues: variableValues)
}

/// The coerced arguments of a directive usage, or `nil` when `directive` is not among `nodes`
/// (graphql-js `getDirectiveValues`, used for `@skip` / `@include`).
public func coerceDirectiveValues(
    directive: GraphQLDirective,
    nodes: [Directive],
    variableValues: JSONObject?
) throws(GraphQLError) -> JSONObject? {
    guard let node = nodes.first(where: { $0.name.value == directive.name }) else { return nil }
    return try coerceArgumentValues(
        definitions: directive.arguments, argumentNodes: node.arguments, location: node.sourceLocation,
        variableValues: variableValues)
}
