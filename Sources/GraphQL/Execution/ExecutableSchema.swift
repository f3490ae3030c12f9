/// A schema bound to its resolvers, checked once at start-up so that a missing resolver is a
/// deployment error, not a runtime `null`.
public final class ExecutableSchema: Sendable {
    public let schema: GraphQLSchema
    /// Indexed by object type id, then field index.
    let fieldResolvers: [[FieldResolver]]
    /// Indexed by abstract type id; `nil` where the value must name its own type.
    let typeResolvers: [TypeResolver?]

    /// Binds `resolvers` to `schema`. Introspection types are bound automatically.
    ///
    /// Throws `ExecutableSchemaError` listing every `Type.field` of an object type that has neither a
    /// resolver nor default resolvers, and every resolver bound to a type or field the schema lacks.
    public init(schema: GraphQLSchema, resolvers: Resolvers) throws(ExecutableSchemaError) {
        self.schema = schema
        var missing: [String] = []
        var unknown: [String] = []
        var table: [[FieldResolver]] = Array(repeating: [], count: schema.types.count)
        let introspection = IntrospectionResolvers.all
        for type in schema.types {
            guard case .object(let object) = type else { continue }
            let explicit = resolvers.fields[object.name] ?? [:]
            let builtin = introspection[object.name]
            let usesDefaults = resolvers.defaultForAllTypes || resolvers.defaultTypes.contains(object.name)
            var row: [FieldResolver] = []
            row.reserveCapacity(object.fields.count)
            for field in object.fields {
                if let resolver = builtin?[field.name] ?? explicit[field.name]
                    ?? Self.interfaceResolver(for: field.name, of: object, in: resolvers)
                {
                    row.append(resolver)
                } else if usesDefaults {
                    row.append(.byName)
                } else {
                    missing.append(object.name + "." + field.name)
                    row.append(.byName)
                }
            }
            table[object.id] = row
        }
        for (typeName, fields) in resolvers.fields {
            let type = schema.type(named: typeName)
            for fieldName in fields.keys {
                switch type {
                case .object(let object)? where object.field(named: fieldName) != nil: continue
                case .interface(let interface)? where interface.field(named: fieldName) != nil: continue
                default: unknown.append(typeName + "." + fieldName)
                }
            }
        }
        var typeTable: [TypeResolver?] = Array(repeating: nil, count: schema.types.count)
        for (typeName, resolver) in resolvers.typeResolvers {
            if let type = schema.type(named: typeName), type.isAbstractType {
                typeTable[type.id] = resolver
            } else {
                unknown.append(typeName)
            }
        }
        for typeName in resolvers.defaultTypes where schema.type(named: typeName)?.asObject == nil {
            unknown.append(typeName)
        }
        if !missing.isEmpty || !unknown.isEmpty {
            throw ExecutableSchemaError(missingResolvers: missing.sorted(), unknownBindings: unknown.sorted())
        }
        fieldResolvers = table
        typeResolvers = typeTable
    }

    /// A resolver bound to the field on one of the object's interfaces (first declared wins), so e.g.
    /// `Node.id` can be written once for every implementation.
    private static func interfaceResolver(
        for fieldName: String, of object: GraphQLObjectType, in resolvers: Resolvers
    ) -> FieldResolver? {
        for interface in object.interfaces {
            if let resolver = resolvers.fields[interface.name]?[fieldName] { return resolver }
        }
        return nil
    }

    /// A schema whose every field is read by name from the parent: for a JSON root value, e.g.
    /// `campaignd graphql execute --root data.json`, where abstract types come from `__typename` keys.
    public static func readingByName(_ schema: GraphQLSchema) -> ExecutableSchema {
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        do { return try ExecutableSchema(schema: schema, resolvers: resolvers) } catch {
            preconditionFailure("default resolvers cover every field: \(error)")
        }
    }
}

/// Why resolvers could not be bound to a schema; `description` lists every problem at once.
public struct ExecutableSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Type.field` names of object fields with no resolver and no default.
    public var missingResolvers: [String]
    /// Resolvers, type resolvers or default-resolver types bound to names the schema does not have.
    public var unknownBindings: [String]

    public var description: String {
        var parts: [String] = []
        if !missingResolvers.isEmpty {
            parts.append("Missing resolvers for: " + missingResolvers.joined(separator: ", ") + ".")
        }
        if !unknownBindings.isEmpty {
            parts.append("Resolvers bound to unknown types or fields: " + unknownBindings.joined(separator: ", ") + ".")
        }
        return parts.joined(separator: " ")
    }
}
