/// Resolvers for the introspection types (spec §4.2), bound automatically by `ExecutableSchema`.
///
/// Parents are the schema objects themselves, boxed as `.object`: `GraphQLSchema` for `__Schema`,
/// `GraphQLType` for `__Type`, `GraphQLField`, `GraphQLInputValue`, `GraphQLEnumValue`, `GraphQLDirective`.
enum IntrospectionResolvers {
    /// `__schema: __Schema!` on the query root.
    static let schemaField = FieldResolver.sync { context in .object(context.info.schema) }

    /// `__type(name: String!): __Type` on the query root.
    static let typeField = FieldResolver.sync { context in
        guard case .string(let name)? = context.arguments["name"], let type = context.info.schema.type(named: name) else {
            return .null
        }
        return .object(GraphQLType.named(type))
    }

    static let all: [String: [String: FieldResolver]] = [
        "__Schema": schemaResolvers,
        "__Type": typeResolvers,
        "__Field": fieldResolvers,
        "__InputValue": inputValueResolvers,
        "__EnumValue": enumValueResolvers,
        "__Directive": directiveResolvers,
    ]

    private static func on<Parent>(
        _ type: Parent.Type, _ body: @escaping @Sendable (Parent, FieldContext) -> ResolvedValue
    ) -> FieldResolver {
        .sync { context in
            guard let parent = context.parent.value(as: Parent.self) else { return .null }
            return body(parent, context)
        }
    }

    private static func string(_ value: String?) -> ResolvedValue {
        value.map { .json(.string($0)) } ?? .null
    }

    private static func includeDeprecated(_ context: FieldContext) -> Bool {
        context.arguments["includeDeprecated"] == .bool(true)
    }

    private static let schemaResolvers: [String: FieldResolver] = [
        "description": on(GraphQLSchema.self) { schema, _ in string(schema.description) },
        "types": on(GraphQLSchema.self) { schema, _ in .list(schema.types.map { .object(GraphQLType.named($0)) }) },
        "queryType": on(GraphQLSchema.self) { schema, _ in .object(GraphQLType.named(.object(schema.queryType))) },
        "mutationType": on(GraphQLSchema.self) { schema, _ in
            schema.mutationType.map { .object(GraphQLType.named(.object($0))) } ?? .null
        },
        "subscriptionType": on(GraphQLSchema.self) { schema, _ in
            schema.subscriptionType.map { .object(GraphQLType.named(.object($0))) } ?? .null
        },
        "directives": on(GraphQLSchema.self) { schema, _ in .list(schema.directives.map { .object($0) }) },
    ]

    private static let typeResolvers: [String: FieldResolver] = [
        "kind": on(GraphQLType.self) { type, _ in
            switch type {
            case .named(let named): .json(.string(named.kind.rawValue))
            case .list: .json(.string("LIST"))
            case .nonNull: .json(.string("NON_NULL"))
            }
        },
        "name": on(GraphQLType.self) { type, _ in
            if case .named(let named) = type { return .json(.string(named.name)) }
            return .null
        },
        "description": on(GraphQLType.self) { type, _ in
            if case .named(let named) = type { return string(named.description) }
            return .null
        },
        "specifiedByURL": on(GraphQLType.self) { type, _ in
            if case .named(.scalar(let scalar)) = type { return string(scalar.specifiedByURL) }
            return .null
        },
        "fields": on(GraphQLType.self) { type, context in
            guard case .named(let named) = type, named.kind == .object || named.kind == .interface else { return .null }
            let all = includeDeprecated(context)
            return .list(named.fields.filter { all || !$0.isDeprecated }.map { .object($0) })
        },
        "interfaces": on(GraphQLType.self) { type, _ in
            switch type {
            case .named(.object(let object)): .list(object.interfaces.map { .object(GraphQLType.named(.interface($0))) })
            case .named(.interface(let interface)):
                .list(interface.interfaces.map { .object(GraphQLType.named(.interface($0))) })
            default: .null
            }
        },
        "possibleTypes": on(GraphQLType.self) { type, context in
            guard case .named(let named) = type, named.isAbstractType else { return .null }
            return .list(context.info.schema.possibleTypes(of: named).map { .object(GraphQLType.named(.object($0))) })
        },
        "enumValues": on(GraphQLType.self) { type, context in
            guard case .named(.enum(let enumType)) = type else { return .null }
            let all = includeDeprecated(context)
            return .list(enumType.values.filter { all || !$0.isDeprecated }.map { .object($0) })
        },
        "inputFields": on(GraphQLType.self) { type, context in
            guard case .named(.inputObject(let input)) = type else { return .null }
            let all = includeDeprecated(context)
            return .list(input.fields.filter { all || !$0.isDeprecated }.map { .object($0) })
        },
        "ofType": on(GraphQLType.self) { type, _ in
            switch type {
            case .named: .null
            case .list(let inner), .nonNull(let inner): .object(inner)
            }
        },
        "isOneOf": on(GraphQLType.self) { type, _ in
            if case .named(.inputObject(let input)) = type { return .json(.bool(input.isOneOf)) }
            return .null
        },
    ]

    private static let fieldResolvers: [String: FieldResolver] = [
        "name": on(GraphQLField.self) { field, _ in .json(.string(field.name)) },
        "description": on(GraphQLField.self) { field, _ in string(field.description) },
        "args": on(GraphQLField.self) { field, context in
            let all = includeDeprecated(context)
            return .list(field.arguments.filter { all || !$0.isDeprecated }.map { .object($0) })
        },
        "type": on(GraphQLField.self) { field, _ in .object(field.type) },
        "isDeprecated": on(GraphQLField.self) { field, _ in .json(.bool(field.isDeprecated)) },
        "deprecationReason": on(GraphQLField.self) { field, _ in string(field.deprecationReason) },
    ]

    private static let inputValueResolvers: [String: FieldResolver] = [
        "name": on(GraphQLInputValue.self) { value, _ in .json(.string(value.name)) },
        "description": on(GraphQLInputValue.self) { value, _ in string(value.description) },
        "type": on(GraphQLInputValue.self) { value, _ in .object(value.type) },
        "defaultValue": on(GraphQLInputValue.self) { value, _ in
            guard let defaultValue = value.defaultValue else { return .null }
            return .json(.string(printDefaultValue(defaultValue, type: value.type)))
        },
        "isDeprecated": on(GraphQLInputValue.self) { value, _ in .json(.bool(value.isDeprecated)) },
        "deprecationReason": on(GraphQLInputValue.self) { value, _ in string(value.deprecationReason) },
    ]

    private static let enumValueResolvers: [String: FieldResolver] = [
        "name": on(GraphQLEnumValue.self) { value, _ in .json(.string(value.name)) },
        "description": on(GraphQLEnumValue.self) { value, _ in string(value.description) },
        "isDeprecated": on(GraphQLEnumValue.self) { value, _ in .json(.bool(value.isDeprecated)) },
        "deprecationReason": on(GraphQLEnumValue.self) { value, _ in string(value.deprecationReason) },
    ]

    private static let directiveResolvers: [String: FieldResolver] = [
        "name": on(GraphQLDirective.self) { directive, _ in .json(.string(directive.name)) },
        "description": on(GraphQLDirective.self) { directive, _ in string(directive.description) },
        "isRepeatable": on(GraphQLDirective.self) { directive, _ in .json(.bool(directive.isRepeatable)) },
        "locations": on(GraphQLDirective.self) { directive, _ in
            .list(directive.locations.map { .json(.string($0.rawValue)) })
        },
        "args": on(GraphQLDirective.self) { directive, context in
            let all = includeDeprecated(context)
            return .list(directive.arguments.filter { all || !$0.isDeprecated }.map { .object($0) })
        },
    ]
}
