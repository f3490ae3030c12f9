/// The SDL rules about directive *usages* (graphql-js `KnownDirectives`,
/// `UniqueDirectivesPerLocation`, `UniqueArgumentNames`, `KnownArgumentNamesOnDirectives`,
/// `ProvidedRequiredArgumentsOnDirectives`): every `@name` in the SDL must be defined, allowed
/// where it is written, used once unless repeatable, and given exactly its known arguments.
extension SchemaBuilder {
    mutating func checkDirectiveUsages() {
        var definitions: [String: DirectiveDefinition] = [:]
        for directive in preludeDirectives { definitions[directive.name.value] = directive }
        for directive in userDirectives { definitions[directive.name.value] = directive }
        var found: [GraphQLError] = []
        func check(_ usages: [Directive], at location: DirectiveLocation) {
            var seen: Set<String> = []
            for usage in usages {
                let name = usage.name.value
                let usageLocations = usage.sourceLocation.map { [$0] } ?? []
                guard let definition = definitions[name] else {
                    found.append(GraphQLError("Unknown directive \"@\(name)\".", locations: usageLocations))
                    continue
                }
                if !definition.locations.contains(where: { $0.value == location.rawValue }) {
                    found.append(GraphQLError(
                        "Directive \"@\(name)\" may not be used on \(location.rawValue).", locations: usageLocations))
                }
                if !definition.isRepeatable && !seen.insert(name).inserted {
                    found.append(GraphQLError(
                        "The directive \"@\(name)\" can only be used once at this location.", locations: usageLocations))
                }
                var seenArguments: [String: SourceLocation?] = [:]
                for argument in usage.arguments {
                    if let first = seenArguments[argument.name.value] {
                        found.append(GraphQLError(
                            "There can be only one argument named \"\(argument.name.value)\".",
                            locations: [first, argument.name.sourceLocation].compactMap { $0 }))
                    } else {
                        seenArguments[argument.name.value] = argument.name.sourceLocation
                    }
                }
                usage.arguments.forEach { checkLiteral($0.value) }
                let known = definition.arguments.map(\.name.value)
                for argument in usage.arguments where !known.contains(argument.name.value) {
                    found.append(GraphQLError(
                        "Unknown argument \"\(argument.name.value)\" on directive \"@\(name)\"."
                            + Suggestions.didYouMean(Suggestions.list(argument.name.value, options: known)),
                        locations: argument.sourceLocation.map { [$0] } ?? []))
                }
                for argument in definition.arguments {
                    guard case .nonNull = argument.type, argument.defaultValue == nil else { continue }
                    if !usage.arguments.contains(where: { $0.name.value == argument.name.value }) {
                        found.append(GraphQLError(
                            "Directive \"@\(name)\" argument \"\(argument.name.value)\" of type \"\(printTypeNode(argument.type))\" is required, but it was not provided.",
                            locations: usageLocations))
                    }
                }
            }
        }
        /// graphql-js `UniqueInputFieldNames` over default value literals.
        func checkLiteral(_ value: ValueNode) {
            switch value {
            case .list(let list):
                list.values.forEach(checkLiteral)
            case .object(let object):
                var seen: [String: SourceLocation?] = [:]
                for field in object.fields {
                    if let first = seen[field.name.value] {
                        found.append(GraphQLError(
                            "There can be only one input field named \"\(field.name.value)\".",
                            locations: [first, field.name.sourceLocation].compactMap { $0 }))
                    } else {
                        seen[field.name.value] = field.name.sourceLocation
                    }
                    checkLiteral(field.value)
                }
            default:
                break
            }
        }
        func checkInputValues(_ values: [InputValueDefinition], at location: DirectiveLocation) {
            for value in values {
                check(value.directives, at: location)
                if let defaultValue = value.defaultValue { checkLiteral(defaultValue) }
            }
        }
        func checkFields(_ fields: [FieldDefinition]) {
            for field in fields {
                check(field.directives, at: .fieldDefinition)
                checkInputValues(field.arguments, at: .argumentDefinition)
            }
        }
        check((schemaDefinition?.directives ?? []) + schemaExtensions.flatMap(\.directives), at: .schema)
        for name in userTypeNames {
            guard let entry = entries[name], let definition = entry.definition else { continue }
            let extensions = entry.extensions
            let typeDirectives = definition.directives + extensions.flatMap(\.directives)
            switch definition {
            case .scalar: check(typeDirectives, at: .scalar)
            case .object(let d):
                check(typeDirectives, at: .object)
                checkFields(d.fields + extensions.flatMap(\.fieldNodes))
            case .interface(let d):
                check(typeDirectives, at: .interface)
                checkFields(d.fields + extensions.flatMap(\.fieldNodes))
            case .union: check(typeDirectives, at: .union)
            case .enum(let d):
                check(typeDirectives, at: .enum)
                for value in d.values + extensions.flatMap(\.valueNodes) { check(value.directives, at: .enumValue) }
            case .inputObject(let d):
                check(typeDirectives, at: .inputObject)
                checkInputValues(d.fields + extensions.flatMap(\.inputFieldNodes), at: .inputFieldDefinition)
            }
        }
        for directive in userDirectives { checkInputValues(directive.arguments, at: .argumentDefinition) }
        errors += found
    }
}
