/// graphql-js `validateSchema` (spec §3 "Type Validation" sections): reserved names, directive
/// arguments, fields and arguments, interface implementation, union members, enum values,
/// input fields (including `@oneOf` rules) and non-null input object cycles.
extension SchemaBuilder {
    mutating func validate(_ schema: GraphQLSchema) {
        for directive in schema.directives where !isSpecifiedPrelude(directive) {
            validateDirective(directive)
        }
        for type in schema.types {
            if SpecifiedDefinitions.introspectionTypeNames.contains(type.name) && !userTypeNames.contains(type.name) { continue }
            validateName(type.name, at: locations[type.name])
            switch type {
            case .object(let object):
                validateFields(of: object.name, object.fields)
                validateInterfaces(of: type, declared: object.interfaces, schema: schema)
            case .interface(let interface):
                validateFields(of: interface.name, interface.fields)
                validateInterfaces(of: type, declared: interface.interfaces, schema: schema)
            case .union(let union):
                validateUnionMembers(union)
            case .enum(let enumType):
                validateEnumValues(enumType)
            case .inputObject(let inputObject):
                validateInputFields(inputObject)
                validateInputObjectCycles(inputObject)
            case .scalar:
                break
            }
        }
    }

    /// The specified directives come from our own prelude and need no checking.
    private func isSpecifiedPrelude(_ directive: GraphQLDirective) -> Bool {
        directive.isSpecified && !userDirectives.contains { $0.name.value == directive.name }
    }

    private mutating func validateName(_ name: String, at location: SourceLocation?) {
        if name.hasPrefix("__") {
            report("Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", location)
        }
    }

    private mutating func validateDirective(_ directive: GraphQLDirective) {
        let coordinate = "@" + directive.name
        validateName(directive.name, at: locations[coordinate])
        if directive.locations.isEmpty {
            report("Directive @\(directive.name) must include 1 or more locations.", locations[coordinate])
        }
        for argument in directive.arguments {
            let argumentCoordinate = "\(coordinate)(\(argument.name):)"
            validateName(argument.name, at: locations[argumentCoordinate])
            if !isInputType(argument.type) {
                report(
                    "The type of @\(directive.name)(\(argument.name):) must be Input Type but got: \(argument.type.printed).",
                    locations[argumentCoordinate + ":type"])
            }
            if isRequiredInputValue(argument) && argument.deprecationReason != nil {
                report(
                    "Required argument @\(directive.name)(\(argument.name):) cannot be deprecated.",
                    locations[argumentCoordinate + ":deprecated"], locations[argumentCoordinate + ":type"])
            }
        }
    }

    private mutating func validateFields(of typeName: String, _ fields: [GraphQLField]) {
        if fields.isEmpty {
            report("Type \(typeName) must define one or more fields.", locations: definitionLocations(typeName))
        }
        for field in fields {
            let coordinate = "\(typeName).\(field.name)"
            validateName(field.name, at: locations[coordinate])
            if !isOutputType(field.type) {
                report("The type of \(coordinate) must be Output Type but got: \(field.type.printed).", locations[coordinate + ":type"])
            }
            for argument in field.arguments {
                let argumentCoordinate = "\(coordinate)(\(argument.name):)"
                validateName(argument.name, at: locations[argumentCoordinate])
                if !isInputType(argument.type) {
                    report(
                        "The type of \(argumentCoordinate) must be Input Type but got: \(argument.type.printed).",
                        locations[argumentCoordinate + ":type"])
                }
                if isRequiredInputValue(argument) && argument.deprecationReason != nil {
                    report(
                        "Required argument \(argumentCoordinate) cannot be deprecated.",
                        locations[argumentCoordinate + ":deprecated"], locations[argumentCoordinate + ":type"])
                }
            }
        }
    }

    /// The interfaces as written (including names that are not interfaces), for validation.
    private func declaredInterfaceNames(of typeName: String) -> [NamedType] {
        guard let entry = entries[typeName], let definition = entry.definition else { return [] }
        var names: [NamedType] = []
        switch definition {
        case .object(let d): names = d.interfaces
        case .interface(let d): names = d.interfaces
        default: break
        }
        return names + entry.extensions.flatMap(\.interfaceNodes)
    }

    private mutating func validateInterfaces(of type: GraphQLNamedType, declared: [GraphQLInterfaceType], schema: GraphQLSchema) {
        var seen: Set<String> = []
        for node in declaredInterfaceNames(of: type.name) {
            let name = node.name.value
            guard let named = schema.type(named: name) else { continue }
            guard case .interface(let interface) = named else {
                report(
                    "Type \(type.name) must only implement Interface types, it cannot implement \(name).",
                    locations: implementsLocations(type.name, name))
                continue
            }
            if type == named {
                report(
                    "Type \(type.name) cannot implement itself because it would create a circular reference.",
                    locations: implementsLocations(type.name, name))
                continue
            }
            if !seen.insert(name).inserted {
                report("Type \(type.name) can only implement \(name) once.", locations: implementsLocations(type.name, name))
                continue
            }
            validateImplementsAncestors(type, interface, declared: declared)
            validateImplementsInterface(type, interface, schema: schema)
        }
    }

    private mutating func validateImplementsAncestors(
        _ type: GraphQLNamedType, _ interface: GraphQLInterfaceType, declared: [GraphQLInterfaceType]
    ) {
        for transitive in interface.interfaces where !declared.contains(where: { $0 === transitive }) {
            if transitive.id == type.id {
                report(
                    "Type \(type.name) cannot implement \(interface.name) because it would create a circular reference.",
                    locations: implementsLocations(interface.name, transitive.name) + implementsLocations(type.name, interface.name))
            } else {
                report(
                    "Type \(type.name) must implement \(transitive.name) because it is implemented by \(interface.name).",
                    locations: implementsLocations(interface.name, transitive.name) + implementsLocations(type.name, interface.name))
            }
        }
    }

    private mutating func validateImplementsInterface(
        _ type: GraphQLNamedType, _ interface: GraphQLInterfaceType, schema: GraphQLSchema
    ) {
        for interfaceField in interface.fields {
            let fieldName = interfaceField.name
            let interfaceCoordinate = "\(interface.name).\(fieldName)"
            guard let typeField = type.field(named: fieldName) else {
                report(
                    "Interface field \(interfaceCoordinate) expected but \(type.name) does not provide it.",
                    locations: [locations[interfaceCoordinate]] + definitionLocations(type.name))
                continue
            }
            let typeCoordinate = "\(type.name).\(fieldName)"
            if !schema.isTypeSubType(typeField.type, of: interfaceField.type) {
                report(
                    "Interface field \(interfaceCoordinate) expects type \(interfaceField.type.printed) but \(typeCoordinate) is type \(typeField.type.printed).",
                    locations[interfaceCoordinate + ":type"], locations[typeCoordinate + ":type"])
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let typeArgument = typeField.argument(named: argumentName) else {
                    report(
                        "Interface field argument \(interfaceCoordinate)(\(argumentName):) expected but \(typeCoordinate) does not provide it.",
                        locations["\(interfaceCoordinate)(\(argumentName):)"], locations[typeCoordinate])
                    continue
                }
                if interfaceArgument.type != typeArgument.type {
                    report(
                        "Interface field argument \(interfaceCoordinate)(\(argumentName):) expects type \(interfaceArgument.type.printed) but \(typeCoordinate)(\(argumentName):) is type \(typeArgument.type.printed).",
                        locations["\(interfaceCoordinate)(\(argumentName):):type"], locations["\(typeCoordinate)(\(argumentName):):type"])
                }
            }
            for typeArgument in typeField.arguments
            where interfaceField.argument(named: typeArgument.name) == nil && isRequiredInputValue(typeArgument) {
                report(
                    "Object field \(typeCoordinate) includes required argument \(typeArgument.name) that is missing from the Interface field \(interfaceCoordinate).",
                    locations["\(typeCoordinate)(\(typeArgument.name):)"], locations[interfaceCoordinate])
            }
        }
    }

    private mutating func validateUnionMembers(_ union: GraphQLUnionType) {
        guard let entry = entries[union.name], case .union(let definition)? = entry.definition else { return }
        let members = definition.types + entry.extensions.flatMap(\.memberNodes)
        if members.isEmpty {
            report("Union type \(union.name) must define one or more member types.", locations: definitionLocations(union.name))
        }
        var seen: Set<String> = []
        for member in members {
            let name = member.name.value
            if !seen.insert(name).inserted {
                report("Union type \(union.name) can only include type \(name) once.", member.sourceLocation)
                continue
            }
            if !union.types.contains(where: { $0.name == name }) {
                report(
                    "Union type \(union.name) can only include Object types, it cannot include \(name).",
                    member.sourceLocation)
            }
        }
    }

    private mutating func validateEnumValues(_ enumType: GraphQLEnumType) {
        if enumType.values.isEmpty {
            report("Enum type \(enumType.name) must define one or more values.", locations: definitionLocations(enumType.name))
        }
        for value in enumType.values {
            validateName(value.name, at: locations["\(enumType.name).\(value.name)"])
        }
    }

    private mutating func validateInputFields(_ inputObject: GraphQLInputObjectType) {
        if inputObject.fields.isEmpty {
            report("Input Object type \(inputObject.name) must define one or more fields.", locations: definitionLocations(inputObject.name))
        }
        for field in inputObject.fields {
            let coordinate = "\(inputObject.name).\(field.name)"
            validateName(field.name, at: locations[coordinate])
            if !isInputType(field.type) {
                report("The type of \(coordinate) must be Input Type but got: \(field.type.printed).", locations[coordinate + ":type"])
            }
            if isRequiredInputValue(field) && field.deprecationReason != nil {
                report(
                    "Required input field \(coordinate) cannot be deprecated.",
                    locations[coordinate + ":deprecated"], locations[coordinate + ":type"])
            }
            if inputObject.isOneOf {
                if field.type.isNonNull {
                    report("OneOf input field \(coordinate) must be nullable.", locations[coordinate + ":type"])
                }
                if field.defaultValueLiteral != nil {
                    report("OneOf input field \(coordinate) cannot have a default value.", locations[coordinate])
                }
            }
        }
    }

    /// Reports a cycle of non-null input object fields starting at `root`; each cycle is reported
    /// once, from the first type (in schema order) on it, as graphql-js does.
    private mutating func validateInputObjectCycles(_ root: GraphQLInputObjectType) {
        guard !visitedInputObjects.contains(root.id) else { return }
        var fieldPath: [(typeName: String, fieldName: String)] = []
        var pathIndexByTypeID: [Int: Int] = [:]
        var found: [(message: String, locations: [SourceLocation])] = []
        var visited = visitedInputObjects
        let locations = self.locations
        func detect(_ inputObject: GraphQLInputObjectType) {
            guard visited.insert(inputObject.id).inserted else { return }
            pathIndexByTypeID[inputObject.id] = fieldPath.count
            for field in inputObject.fields {
                guard case .nonNull(.named(.inputObject(let fieldType))) = field.type else { continue }
                fieldPath.append((inputObject.name, field.name))
                if let cycleIndex = pathIndexByTypeID[fieldType.id] {
                    let cycle = fieldPath[cycleIndex...]
                    let pathText = cycle.map(\.fieldName).joined(separator: ".")
                    found.append((
                        "Cannot reference Input Object \"\(fieldType.name)\" within itself through a series of non-null fields: \"\(pathText)\".",
                        cycle.compactMap { locations["\($0.typeName).\($0.fieldName)"] }))
                } else {
                    detect(fieldType)
                }
                fieldPath.removeLast()
            }
            pathIndexByTypeID[inputObject.id] = nil
        }
        detect(root)
        visitedInputObjects = visited
        for (message, locations) in found { errors.append(GraphQLError(message, locations: locations)) }
    }
}
