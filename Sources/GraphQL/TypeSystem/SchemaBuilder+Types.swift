/// Building the type objects: instances first (so types can refer to each other), then
/// their members, then default values (which need the finished input types).
extension SchemaBuilder {
    func instantiate(_ order: [String]) -> [GraphQLNamedType] {
        var types: [GraphQLNamedType] = []
        types.reserveCapacity(order.count)
        for (id, name) in order.enumerated() {
            let entry = entries[name]!
            if let builtin = entry.builtin {
                types.append(.scalar(GraphQLScalarType(
                    id: id, name: name, description: SpecifiedDefinitions.scalarDescription(builtin),
                    coercion: .builtin(builtin), builtin: builtin)))
                continue
            }
            let definition = entry.definition!
            let extensions = entry.extensions
            let description = definition.description?.value
            let allDirectives = definition.directives + extensions.flatMap(\.directives)
            switch definition {
            case .scalar:
                let url = directiveArgument("specifiedBy", "url", in: allDirectives).flatMap { node -> String? in
                    if case .string(let s) = node { return s.value }
                    return nil
                }
                types.append(.scalar(GraphQLScalarType(
                    id: id, name: name, description: description, specifiedByURL: url,
                    coercion: scalars[name] ?? .passThrough)))
            case .object:
                types.append(.object(GraphQLObjectType(id: id, name: name, description: description)))
            case .interface:
                types.append(.interface(GraphQLInterfaceType(id: id, name: name, description: description)))
            case .union:
                types.append(.union(GraphQLUnionType(id: id, name: name, description: description)))
            case .enum(let d):
                let values = (d.values + extensions.flatMap(\.valueNodes)).map { value in
                    GraphQLEnumValue(
                        name: value.name.value, description: value.description?.value,
                        deprecationReason: deprecationReason(value.directives))
                }
                types.append(.enum(GraphQLEnumType(id: id, name: name, description: description, values: values)))
            case .inputObject:
                let isOneOf = allDirectives.contains { $0.name.value == "oneOf" }
                types.append(.inputObject(GraphQLInputObjectType(
                    id: id, name: name, description: description, isOneOf: isOneOf)))
            }
        }
        return types
    }

    /// Sets fields, interfaces, union members and input fields. Names of the wrong kind
    /// (an interface list naming an object, a union naming an interface) are left out here
    /// and reported by validation.
    func fillMembers(_ types: [GraphQLNamedType], byName: [String: GraphQLNamedType]) {
        for type in types {
            guard let entry = entries[type.name], entry.builtin == nil, let definition = entry.definition else { continue }
            let extensions = entry.extensions
            switch (type, definition) {
            case (.object(let object), .object(let d)):
                object.interfaces = (d.interfaces + extensions.flatMap(\.interfaceNodes)).compactMap { byName[$0.name.value]?.asInterface }
                object.setFields(buildFields(d.fields + extensions.flatMap(\.fieldNodes), byName: byName))
            case (.interface(let interface), .interface(let d)):
                interface.interfaces = (d.interfaces + extensions.flatMap(\.interfaceNodes)).compactMap { byName[$0.name.value]?.asInterface }
                interface.setFields(buildFields(d.fields + extensions.flatMap(\.fieldNodes), byName: byName))
            case (.union(let union), .union(let d)):
                union.types = (d.types + extensions.flatMap(\.memberNodes)).compactMap { byName[$0.name.value]?.asObject }
            case (.inputObject(let inputObject), .inputObject(let d)):
                inputObject.setFields((d.fields + extensions.flatMap(\.inputFieldNodes)).map { buildInputValue($0, byName: byName) })
            default:
                continue
            }
        }
    }

    func buildDirective(_ definition: DirectiveDefinition, byName: [String: GraphQLNamedType]) -> GraphQLDirective {
        GraphQLDirective(
            name: definition.name.value,
            description: definition.description?.value,
            locations: definition.locations.compactMap { DirectiveLocation(rawValue: $0.value) },
            arguments: definition.arguments.map { buildInputValue($0, byName: byName) },
            isRepeatable: definition.isRepeatable)
    }

    /// Coerces every default literal to its type (graphql-js stores `valueFromAST(default, type)`;
    /// an invalid default is dropped). Input objects are done first, nested ones before the
    /// ones that contain them, because a default object picks up its fields' own defaults.
    func computeDefaults(_ types: [GraphQLNamedType], directives: [GraphQLDirective]) {
        var state: [Int: Bool] = [:]  // false = in progress, true = done
        func complete(_ inputObject: GraphQLInputObjectType) {
            guard state[inputObject.id] == nil else { return }
            state[inputObject.id] = false
            for field in inputObject.fields {
                if case .inputObject(let nested) = field.type.namedType { complete(nested) }
            }
            inputObject.setFields(inputObject.fields.map(withDefault))
            state[inputObject.id] = true
        }
        for type in types {
            if case .inputObject(let inputObject) = type { complete(inputObject) }
        }
        for type in types {
            for field in type.fields where field.arguments.contains(where: { $0.defaultValueLiteral != nil }) {
                field.arguments = field.arguments.map(withDefault)
            }
        }
        for directive in directives where directive.arguments.contains(where: { $0.defaultValueLiteral != nil }) {
            directive.arguments = directive.arguments.map(withDefault)
        }
    }

    private func withDefault(_ value: GraphQLInputValue) -> GraphQLInputValue {
        guard let literal = value.defaultValueLiteral else { return value }
        var result = value
        result.defaultValue = valueFromAST(literal, type: value.type)
        return result
    }

    private func buildFields(_ definitions: [FieldDefinition], byName: [String: GraphQLNamedType]) -> [GraphQLField] {
        definitions.enumerated().map { index, definition in
            GraphQLField(
                name: definition.name.value,
                description: definition.description?.value,
                type: resolve(definition.type, byName: byName),
                arguments: definition.arguments.map { buildInputValue($0, byName: byName) },
                deprecationReason: deprecationReason(definition.directives),
                index: index)
        }
    }

    private func buildInputValue(_ definition: InputValueDefinition, byName: [String: GraphQLNamedType]) -> GraphQLInputValue {
        GraphQLInputValue(
            name: definition.name.value,
            description: definition.description?.value,
            type: resolve(definition.type, byName: byName),
            defaultValue: nil,
            defaultValueLiteral: definition.defaultValue,
            deprecationReason: deprecationReason(definition.directives))
    }

    /// Type references were checked before building, so every name resolves.
    func resolve(_ node: TypeNode, byName: [String: GraphQLNamedType]) -> GraphQLType {
        switch node {
        case .named(let named): .named(byName[named.name.value]!)
        case .list(let list): .list(resolve(list.type, byName: byName))
        case .nonNull(let nonNull): .nonNull(resolve(nonNull.type, byName: byName))
        }
    }

    /// `@deprecated(reason:)`'s reason, defaulting to "No longer supported".
    func deprecationReason(_ directives: [Directive]) -> String? {
        guard let deprecated = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        guard let reason = deprecated.arguments.first(where: { $0.name.value == "reason" }) else {
            return SpecifiedDefinitions.defaultDeprecationReason
        }
        if case .string(let s) = reason.value { return s.value }
        return nil
    }

    func directiveArgument(_ directive: String, _ argument: String, in directives: [Directive]) -> ValueNode? {
        directives.first { $0.name.value == directive }?.arguments.first { $0.name.value == argument }?.value
    }

    /// Root operation types from the schema definition and its extensions, or by the default
    /// names when there is no schema definition. Roots that are not object types are reported.
    mutating func rootTypes(byName: [String: GraphQLNamedType]) -> (query: GraphQLObjectType?, mutation: GraphQLObjectType?, subscription: GraphQLObjectType?) {
        var named: [OperationType: GraphQLNamedType] = [:]
        var namedAt: [OperationType: SourceLocation] = [:]
        let operationTypes = (schemaDefinition?.operationTypes ?? []) + schemaExtensions.flatMap(\.operationTypes)
        for operationType in operationTypes where named[operationType.operation] == nil {
            named[operationType.operation] = byName[operationType.type.name.value]
            namedAt[operationType.operation] = operationType.type.sourceLocation
        }
        if schemaDefinition == nil {
            for operation in OperationType.allCases {
                let defaultName = operation == .query ? "Query" : operation == .mutation ? "Mutation" : "Subscription"
                if userTypeNames.contains(defaultName), let type = byName[defaultName] { named[operation] = type }
            }
        }
        let schemaLocation = schemaDefinition?.sourceLocation
        var result: [OperationType: GraphQLObjectType] = [:]
        for operation in OperationType.allCases {
            guard let type = named[operation] else {
                if operation == .query { report("Query root type must be provided.", schemaLocation) }
                continue
            }
            guard case .object(let object) = type else {
                let label = operation == .query ? "Query" : operation == .mutation ? "Mutation" : "Subscription"
                let ifProvided = operation == .query ? "" : " if provided"
                report(
                    "\(label) root type must be Object type\(ifProvided), it cannot be \(type.name).",
                    namedAt[operation] ?? locations[type.name])
                continue
            }
            result[operation] = object
        }
        return (result[.query], result[.mutation], result[.subscription])
    }
}
