/// graphql-js `printSchema`: the schema as canonical SDL. Built-in scalars, specified
/// directives and introspection types are left out; `schema { … }` is printed only when the
/// schema has a description or non-default root type names.
public func printSchema(_ schema: GraphQLSchema) -> String {
    var parts: [String] = []
    if let definition = printSchemaDefinition(schema) { parts.append(definition) }
    for directive in schema.directives where !directive.isSpecified {
        parts.append(printDirective(directive))
    }
    for type in schema.types where isDefinedType(type) {
        parts.append(printType(type))
    }
    return parts.joined(separator: "\n\n")
}

/// graphql-js `printIntrospectionSchema`: the specified directives and the introspection types,
/// i.e. exactly what `printSchema` leaves out (apart from the built-in scalars).
public func printIntrospectionSchema(_ schema: GraphQLSchema) -> String {
    let directives = schema.directives.filter(\.isSpecified).map(printDirective)
    let types = schema.types.filter(\.isIntrospectionType).map(printType)
    return (directives + types).joined(separator: "\n\n")
}

/// One named type as SDL (graphql-js `printType`).
public func printType(_ type: GraphQLNamedType) -> String {
    switch type {
    case .scalar(let scalar):
        var text = printDescription(scalar.description) + "scalar " + scalar.name
        if let url = scalar.specifiedByURL { text += " @specifiedBy(url: \(printString(url)))" }
        return text
    case .object(let object):
        return printDescription(object.description) + "type " + object.name
            + printImplementedInterfaces(object.interfaces) + printFields(object.fields)
    case .interface(let interface):
        return printDescription(interface.description) + "interface " + interface.name
            + printImplementedInterfaces(interface.interfaces) + printFields(interface.fields)
    case .union(let union):
        let members = union.types.isEmpty ? "" : " = " + union.types.map(\.name).joined(separator: " | ")
        return printDescription(union.description) + "union " + union.name + members
    case .enum(let enumType):
        let values = enumType.values.enumerated().map { index, value in
            printDescription(value.description, indentation: "  ", firstInBlock: index == 0)
                + "  " + value.name + printDeprecated(value.deprecationReason)
        }
        return printDescription(enumType.description) + "enum " + enumType.name + printBlock(values)
    case .inputObject(let inputObject):
        let fields = inputObject.fields.enumerated().map { index, field in
            printDescription(field.description, indentation: "  ", firstInBlock: index == 0)
                + "  " + printInputValue(field)
        }
        return printDescription(inputObject.description) + "input " + inputObject.name
            + (inputObject.isOneOf ? " @oneOf" : "") + printBlock(fields)
    }
}

private func isDefinedType(_ type: GraphQLNamedType) -> Bool {
    if case .scalar(let scalar) = type, scalar.isSpecified { return false }
    return !SpecifiedDefinitions.introspectionTypeNames.contains(type.name)
}

private func printSchemaDefinition(_ schema: GraphQLSchema) -> String? {
    let commonNames = (schema.rootQueryType.map { $0.name == "Query" } ?? true)
        && (schema.mutationType.map { $0.name == "Mutation" } ?? true)
        && (schema.subscriptionType.map { $0.name == "Subscription" } ?? true)
    if schema.description == nil && commonNames { return nil }
    var operationTypes: [String] = []
    if let query = schema.rootQueryType { operationTypes.append("  query: \(query.name)") }
    if let mutation = schema.mutationType { operationTypes.append("  mutation: \(mutation.name)") }
    if let subscription = schema.subscriptionType { operationTypes.append("  subscription: \(subscription.name)") }
    return printDescription(schema.description) + "schema {\n" + operationTypes.joined(separator: "\n") + "\n}"
}

private func printDirective(_ directive: GraphQLDirective) -> String {
    printDescription(directive.description) + "directive @" + directive.name + printArguments(directive.arguments)
        + (directive.isRepeatable ? " repeatable" : "") + " on "
        + directive.locations.map(\.rawValue).joined(separator: " | ")
}

private func printImplementedInterfaces(_ interfaces: [GraphQLInterfaceType]) -> String {
    interfaces.isEmpty ? "" : " implements " + interfaces.map(\.name).joined(separator: " & ")
}

private func printFields(_ fields: [GraphQLField]) -> String {
    printBlock(fields.enumerated().map { index, field in
        printDescription(field.description, indentation: "  ", firstInBlock: index == 0)
            + "  " + field.name + printArguments(field.arguments, indentation: "  ") + ": " + field.type.printed
            + printDeprecated(field.deprecationReason)
    })
}

private func printBlock(_ items: [String]) -> String {
    items.isEmpty ? "" : " {\n" + items.joined(separator: "\n") + "\n}"
}

private func printArguments(_ arguments: [GraphQLArgument], indentation: String = "") -> String {
    if arguments.isEmpty { return "" }
    if arguments.allSatisfy({ ($0.description ?? "").isEmpty }) {
        return "(" + arguments.map(printInputValue).joined(separator: ", ") + ")"
    }
    let lines = arguments.enumerated().map { index, argument in
        printDescription(argument.description, indentation: "  " + indentation, firstInBlock: index == 0)
            + "  " + indentation + printInputValue(argument)
    }
    return "(\n" + lines.joined(separator: "\n") + "\n" + indentation + ")"
}

private func printInputValue(_ value: GraphQLInputValue) -> String {
    var text = value.name + ": " + value.type.printed
    if let defaultValue = value.defaultValue, let literal = astLiteral(defaultValue, type: value.type) {
        text += " = " + literal
    }
    return text + printDeprecated(value.deprecationReason)
}

private func printDeprecated(_ reason: String?) -> String {
    guard let reason else { return "" }
    if reason != SpecifiedDefinitions.defaultDeprecationReason {
        return " @deprecated(reason: \(printString(reason)))"
    }
    return " @deprecated"
}

private func printDescription(_ description: String?, indentation: String = "", firstInBlock: Bool = true) -> String {
    guard let description else { return "" }
    let literal = isPrintableAsBlockStringForSchema(description) ? printBlockString(description) : printString(description)
    let prefix = !indentation.isEmpty && !firstInBlock ? "\n" + indentation : indentation
    return prefix + (indentation.isEmpty ? literal : literal.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indentation)) + "\n"
}
