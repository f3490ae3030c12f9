/// Turns SDL definitions into a `GraphQLSchema` in phases: collect definitions, check the SDL
/// rules that must hold before building (unique names, known types, valid extensions), order
/// and instantiate the types, fill in their members, then validate the result.
struct SchemaBuilder {
    /// A named type's definition with its extensions, or a built-in scalar.
    struct TypeEntry {
        var definition: TypeDefinition?
        var extensions: [TypeExtension] = []
        var builtin: BuiltinScalar?
    }

    let scalars: [String: ScalarCoercion]
    var errors: [GraphQLError] = []

    var entries: [String: TypeEntry] = [:]
    /// User-defined type names in document order.
    var userTypeNames: [String] = []
    var userDirectives: [DirectiveDefinition] = []
    var preludeDirectives: [DirectiveDefinition] = []
    var schemaDefinition: SchemaDefinition?
    var schemaExtensions: [SchemaExtension] = []

    /// Where each schema element was defined ("T", "T.f", "T.f(a:)", "@d", "@d(a:)", "E.V"),
    /// for error locations during validation.
    var locations: [String: SourceLocation] = [:]
    /// Input objects already searched for non-null cycles.
    var visitedInputObjects: Set<Int> = []

    init(scalars: [String: ScalarCoercion]) {
        self.scalars = scalars
    }

    mutating func build(_ document: Document) throws(GraphQLErrorList) -> GraphQLSchema {
        collect(document)
        collectPrelude()
        checkDefinitions()
        checkDirectiveUsages()
        if !errors.isEmpty { throw GraphQLErrorList(errors) }

        let directiveDefinitions = finalDirectiveDefinitions()
        let order = typeOrder(directives: directiveDefinitions)
        let types = instantiate(order)
        var byName: [String: GraphQLNamedType] = [:]
        for type in types { byName[type.name] = type }
        fillMembers(types, byName: byName)
        let directives = directiveDefinitions.map { buildDirective($0, byName: byName) }
        computeDefaults(types, directives: directives)

        let roots = rootTypes(byName: byName)
        let schema = GraphQLSchema(
            description: schemaDefinition?.description?.value,
            queryType: roots.query,
            mutationType: roots.mutation,
            subscriptionType: roots.subscription,
            types: types,
            directives: directives
        )
        validate(schema)
        if !errors.isEmpty { throw GraphQLErrorList(errors) }
        return schema
    }

    // MARK: Collecting

    private mutating func collect(_ document: Document) {
        for definition in document.definitions {
            switch definition {
            case .schema(let schema):
                if schemaDefinition != nil {
                    report("Must provide only one schema definition.", schema.sourceLocation)
                } else {
                    schemaDefinition = schema
                }
            case .schemaExtension(let schemaExtension):
                schemaExtensions.append(schemaExtension)
            case .type(let type):
                let name = type.name.value
                if let existing = entries[name]?.definition {
                    report("There can be only one type named \"\(name)\".", existing.name.sourceLocation, type.name.sourceLocation)
                    continue
                }
                entries[name, default: TypeEntry()].definition = type
                if case .scalar = type, let builtin = BuiltinScalar(rawValue: name) {
                    entries[name]?.builtin = builtin
                }
                userTypeNames.append(name)
                locations[name] = type.sourceLocation
            case .typeExtension(let typeExtension):
                entries[typeExtension.name.value, default: TypeEntry()].extensions.append(typeExtension)
            case .directive(let directive):
                let name = directive.name.value
                if let existing = userDirectives.first(where: { $0.name.value == name }) {
                    report("There can be only one directive named \"@\(name)\".", existing.name.sourceLocation, directive.name.sourceLocation)
                    continue
                }
                userDirectives.append(directive)
                locations["@" + name] = directive.sourceLocation
            case .operation, .fragment:
                continue
            }
        }
    }

    /// Adds the built-in scalars, introspection types and specified directives.
    private mutating func collectPrelude() {
        for scalar in BuiltinScalar.allCases where entries[scalar.rawValue]?.definition == nil {
            entries[scalar.rawValue, default: TypeEntry()].builtin = scalar
        }
        for definition in SpecifiedDefinitions.document.definitions {
            switch definition {
            case .type(let type) where entries[type.name.value]?.definition == nil:
                entries[type.name.value, default: TypeEntry()].definition = type
            case .directive(let directive):
                preludeDirectives.append(directive)
            default:
                continue
            }
        }
    }

    private func isUserType(_ name: String) -> Bool {
        !SpecifiedDefinitions.introspectionTypeNames.contains(name) || userTypeNames.contains(name)
    }

    // MARK: SDL checks

    /// The SDL rules graphql-js checks before building (`assertValidSDL`): known types, valid
    /// extensions, unique member names, unique operation types.
    private mutating func checkDefinitions() {
        let entriesSnapshot = entries
        let userNames = userTypeNames
        let standardNames = BuiltinScalar.allCases.map(\.rawValue) + SpecifiedDefinitions.introspectionTypeNames.sorted()
        let suggestionNames = standardNames + userNames.filter { !standardNames.contains($0) }
        let checkTypeReference: (TypeNode, inout [GraphQLError]) -> Void = { node, errors in
            let named = node.namedType
            let name = named.name.value
            if let entry = entriesSnapshot[name], entry.definition != nil || entry.builtin != nil { return }
            let suggestions = Suggestions.list(name, options: suggestionNames)
            errors.append(GraphQLError(
                "Unknown type \"\(name)\"." + Suggestions.didYouMean(suggestions),
                locations: named.sourceLocation.map { [$0] } ?? []))
        }

        var found: [GraphQLError] = []
        // Operation types.
        var seenOperations: Set<OperationType> = []
        let operationTypes = (schemaDefinition?.operationTypes ?? []) + schemaExtensions.flatMap(\.operationTypes)
        for operationType in operationTypes {
            if !seenOperations.insert(operationType.operation).inserted {
                found.append(GraphQLError(
                    "There can be only one \(operationType.operation.rawValue) type in schema.",
                    locations: operationType.sourceLocation.map { [$0] } ?? []))
            }
            checkTypeReference(.named(operationType.type), &found)
        }

        for name in userTypeNames {
            guard let entry = entries[name], let definition = entry.definition else { continue }
            checkMembers(of: definition, extensions: entry.extensions, &found, checkTypeReference)
        }
        // Extensions, in document order of their first occurrence.
        func firstExtensionOffset(_ name: String) -> Int { entries[name]?.extensions.first?.loc?.start ?? 0 }
        let extendedNames = entries.filter { !$0.value.extensions.isEmpty }.map(\.key)
        for name in extendedNames.sorted(by: { firstExtensionOffset($0) < firstExtensionOffset($1) }) {
            guard let entry = entries[name] else { continue }
            for typeExtension in entry.extensions {
                guard let definition = entry.definition, isUserType(name) else {
                    let suggestions = Suggestions.list(name, options: userTypeNames)
                    found.append(GraphQLError(
                        "Cannot extend type \"\(name)\" because it is not defined." + Suggestions.didYouMean(suggestions),
                        locations: typeExtension.name.sourceLocation.map { [$0] } ?? []))
                    continue
                }
                if kind(of: definition) != kind(of: typeExtension) {
                    found.append(GraphQLError(
                        "Cannot extend non-\(kindWord(kind(of: definition))) type \"\(name)\".",
                        locations: [definition.sourceLocation, typeExtension.sourceLocation].compactMap { $0 }))
                }
            }
        }
        for directive in userDirectives {
            checkArguments(directive.arguments, parent: "@" + directive.name.value, &found, checkTypeReference)
        }
        errors += found
    }

    private mutating func checkMembers(
        of definition: TypeDefinition,
        extensions: [TypeExtension],
        _ found: inout [GraphQLError],
        _ checkTypeReference: (TypeNode, inout [GraphQLError]) -> Void
    ) {
        let typeName = definition.name.value
        var interfaces: [NamedType] = []
        var fields: [FieldDefinition] = []
        var inputFields: [InputValueDefinition] = []
        var values: [EnumValueDefinition] = []
        var members: [NamedType] = []
        switch definition {
        case .object(let d): interfaces = d.interfaces; fields = d.fields
        case .interface(let d): interfaces = d.interfaces; fields = d.fields
        case .union(let d): members = d.types
        case .enum(let d): values = d.values
        case .inputObject(let d): inputFields = d.fields
        case .scalar: break
        }
        for typeExtension in extensions where kind(of: typeExtension) == kind(of: definition) {
            switch typeExtension {
            case .object(let e): interfaces += e.interfaces; fields += e.fields
            case .interface(let e): interfaces += e.interfaces; fields += e.fields
            case .union(let e): members += e.types
            case .enum(let e): values += e.values
            case .inputObject(let e): inputFields += e.fields
            case .scalar: break
            }
        }
        for named in interfaces + members { checkTypeReference(.named(named), &found) }
        var seenFields: [String: SourceLocation?] = [:]
        for field in fields {
            let coordinate = "\(typeName).\(field.name.value)"
            if let first = seenFields[field.name.value] {
                found.append(GraphQLError(
                    "Field \"\(coordinate)\" can only be defined once.",
                    locations: [first, field.name.sourceLocation].compactMap { $0 }))
                continue
            }
            seenFields[field.name.value] = field.name.sourceLocation
            recordLocations(coordinate, field.sourceLocation, field.type, field.directives)
            checkTypeReference(field.type, &found)
            checkArguments(field.arguments, parent: coordinate, &found, checkTypeReference)
        }
        for field in inputFields {
            let coordinate = "\(typeName).\(field.name.value)"
            if let first = seenFields[field.name.value] {
                found.append(GraphQLError(
                    "Field \"\(coordinate)\" can only be defined once.",
                    locations: [first, field.name.sourceLocation].compactMap { $0 }))
                continue
            }
            seenFields[field.name.value] = field.name.sourceLocation
            recordLocations(coordinate, field.sourceLocation, field.type, field.directives)
            checkTypeReference(field.type, &found)
        }
        var seenValues: [String: SourceLocation?] = [:]
        for value in values {
            let coordinate = "\(typeName).\(value.name.value)"
            if let first = seenValues[value.name.value] {
                found.append(GraphQLError(
                    "Enum value \"\(coordinate)\" can only be defined once.",
                    locations: [first, value.name.sourceLocation].compactMap { $0 }))
                continue
            }
            seenValues[value.name.value] = value.name.sourceLocation
            locations[coordinate] = value.sourceLocation
        }
    }

    private mutating func checkArguments(
        _ arguments: [InputValueDefinition],
        parent: String,
        _ found: inout [GraphQLError],
        _ checkTypeReference: (TypeNode, inout [GraphQLError]) -> Void
    ) {
        var seen: [String: SourceLocation?] = [:]
        for argument in arguments {
            let coordinate = "\(parent)(\(argument.name.value):)"
            if let first = seen[argument.name.value] {
                found.append(GraphQLError(
                    "Argument \"\(coordinate)\" can only be defined once.",
                    locations: [first, argument.name.sourceLocation].compactMap { $0 }))
                continue
            }
            seen[argument.name.value] = argument.name.sourceLocation
            recordLocations(coordinate, argument.sourceLocation, argument.type, argument.directives)
            checkTypeReference(argument.type, &found)
        }
    }

    /// Remembers where a field or input value, its type and its `@deprecated` are written.
    private mutating func recordLocations(_ coordinate: String, _ location: SourceLocation?, _ type: TypeNode, _ directives: [Directive]) {
        locations[coordinate] = location
        locations[coordinate + ":type"] = type.sourceLocation
        locations[coordinate + ":deprecated"] = directives.first { $0.name.value == "deprecated" }?.sourceLocation
    }

    // MARK: Ordering

    /// User directives in document order, then the specified directives they do not redefine.
    private func finalDirectiveDefinitions() -> [DirectiveDefinition] {
        let userNames = Set(userDirectives.map(\.name.value))
        return userDirectives + preludeDirectives.filter { !userNames.contains($0.name.value) }
    }

    /// The order graphql-js's schema constructor gives the type map: each user type in document
    /// order followed by the not-yet-seen types it references, then directive argument types,
    /// then the introspection types reachable from `__Schema`.
    private func typeOrder(directives: [DirectiveDefinition]) -> [String] {
        var order: [String] = []
        var seen = Set(userTypeNames)
        func collect(_ name: String) {
            guard seen.insert(name).inserted else { return }
            order.append(name)
            for reference in references(of: name) { collect(reference) }
        }
        for name in userTypeNames {
            order.append(name)
            for reference in references(of: name) { collect(reference) }
        }
        for directive in directives {
            for argument in directive.arguments { collect(argument.type.namedType.name.value) }
        }
        collect("__Schema")
        return order
    }

    /// Names a type refers to, in graphql-js `collectReferencedTypes` order.
    private func references(of name: String) -> [String] {
        guard let entry = entries[name], let definition = entry.definition, entry.builtin == nil else { return [] }
        var names: [String] = []
        func add(_ node: TypeNode) { names.append(node.namedType.name.value) }
        let extensions = entry.extensions
        switch definition {
        case .object(let d):
            names += (d.interfaces + extensions.flatMap(\.interfaceNodes)).map(\.name.value)
            for field in d.fields + extensions.flatMap(\.fieldNodes) {
                add(field.type)
                field.arguments.forEach { add($0.type) }
            }
        case .interface(let d):
            names += (d.interfaces + extensions.flatMap(\.interfaceNodes)).map(\.name.value)
            for field in d.fields + extensions.flatMap(\.fieldNodes) {
                add(field.type)
                field.arguments.forEach { add($0.type) }
            }
        case .union(let d):
            names += (d.types + extensions.flatMap(\.memberNodes)).map(\.name.value)
        case .inputObject(let d):
            (d.fields + extensions.flatMap(\.inputFieldNodes)).forEach { add($0.type) }
        case .scalar, .enum:
            break
        }
        return names.filter { entries[$0] != nil }
    }

    // MARK: Helpers

    mutating func report(_ message: String, _ locations: SourceLocation?...) {
        errors.append(GraphQLError(message, locations: locations.compactMap { $0 }))
    }

    mutating func report(_ message: String, locations: [SourceLocation?]) {
        errors.append(GraphQLError(message, locations: locations.compactMap { $0 }))
    }

    /// A type's definition and extension locations (graphql-js `[astNode, ...extensionASTNodes]`).
    func definitionLocations(_ typeName: String) -> [SourceLocation?] {
        [locations[typeName]] + (entries[typeName]?.extensions.map(\.sourceLocation) ?? [])
    }

    /// Every `implements` entry of `typeName` naming `interfaceName`.
    func implementsLocations(_ typeName: String, _ interfaceName: String) -> [SourceLocation?] {
        guard let entry = entries[typeName], let definition = entry.definition else { return [] }
        var nodes: [NamedType] = entry.extensions.flatMap(\.interfaceNodes)
        switch definition {
        case .object(let d): nodes = d.interfaces + nodes
        case .interface(let d): nodes = d.interfaces + nodes
        default: break
        }
        return nodes.filter { $0.name.value == interfaceName }.map(\.sourceLocation)
    }

    func kind(of definition: TypeDefinition) -> GraphQLTypeKind {
        switch definition {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enum: .enum
        case .inputObject: .inputObject
        }
    }

    func kind(of typeExtension: TypeExtension) -> GraphQLTypeKind {
        switch typeExtension {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enum: .enum
        case .inputObject: .inputObject
        }
    }

    func kindWord(_ kind: GraphQLTypeKind) -> String {
        switch kind {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enum: "enum"
        case .inputObject: "input object"
        }
    }
}

extension TypeExtension {
    /// Members an extension adds, with empty arrays for kinds that cannot have them.
    var interfaceNodes: [NamedType] {
        switch self {
        case .object(let e): e.interfaces
        case .interface(let e): e.interfaces
        default: []
        }
    }

    var fieldNodes: [FieldDefinition] {
        switch self {
        case .object(let e): e.fields
        case .interface(let e): e.fields
        default: []
        }
    }

    var memberNodes: [NamedType] {
        if case .union(let e) = self { return e.types }
        return []
    }

    var inputFieldNodes: [InputValueDefinition] {
        if case .inputObject(let e) = self { return e.fields }
        return []
    }

    var valueNodes: [EnumValueDefinition] {
        if case .enum(let e) = self { return e.values }
        return []
    }
}
