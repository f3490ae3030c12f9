/// A validated, immutable schema (spec §3.3). Types live in `types`, indexed by their `id`;
/// names map to ids once, so hot paths can work with ids and direct object references.
///
/// Types refer to each other through strong references (the type graph is cyclic), so a
/// schema's types stay alive for the life of the process; build a schema once and share it.
public final class GraphQLSchema: Sendable {
    public let description: String?
    /// Present on every schema `buildSchema` returns (validation requires it).
    public var queryType: GraphQLObjectType { rootQueryType! }
    public let mutationType: GraphQLObjectType?
    public let subscriptionType: GraphQLObjectType?
    /// Every named type, including built-in scalars and introspection types; `types[t.id] == t`.
    public let types: [GraphQLNamedType]
    /// Built-in directives first unless redefined, then those declared in SDL.
    public let directives: [GraphQLDirective]

    /// The meta field `__typename: String!`, valid on every composite type.
    public let typeNameMetaField: GraphQLField
    /// The meta field `__schema: __Schema!`, valid on the query root only.
    public let schemaMetaField: GraphQLField?
    /// The meta field `__type(name: String!): __Type`, valid on the query root only.
    public let typeMetaField: GraphQLField?

    let rootQueryType: GraphQLObjectType?
    let typeIDsByName: [String: Int]
    let directiveIndexByName: [String: Int]
    /// Indexed by abstract type id: object types that are possible at run time.
    let possibleTypesByID: [Int: [GraphQLObjectType]]
    /// Indexed by abstract type id: ids of every possible object type and, for interfaces, every
    /// implementing interface (graphql-js `isSubType`).
    let subTypeIDsByID: [Int: Set<Int>]
    let implementationsByID: [Int: (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType])]

    init(
        description: String?,
        queryType: GraphQLObjectType?,
        mutationType: GraphQLObjectType?,
        subscriptionType: GraphQLObjectType?,
        types: [GraphQLNamedType],
        directives: [GraphQLDirective]
    ) {
        self.description = description
        self.rootQueryType = queryType
        self.mutationType = mutationType
        self.subscriptionType = subscriptionType
        self.types = types
        self.directives = directives
        var ids: [String: Int] = [:]
        for type in types { ids[type.name] = type.id }
        self.typeIDsByName = ids
        var directiveIndex: [String: Int] = [:]
        for (index, directive) in directives.enumerated() where directiveIndex[directive.name] == nil {
            directiveIndex[directive.name] = index
        }
        self.directiveIndexByName = directiveIndex

        var implementations: [Int: (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType])] = [:]
        for type in types {
            if case .interface(let interface) = type, implementations[interface.id] == nil {
                implementations[interface.id] = ([], [])
            }
        }
        for type in types {
            switch type {
            case .object(let object):
                for interface in object.interfaces { implementations[interface.id, default: ([], [])].objects.append(object) }
            case .interface(let sub):
                for interface in sub.interfaces { implementations[interface.id, default: ([], [])].interfaces.append(sub) }
            default: break
            }
        }
        var possible: [Int: [GraphQLObjectType]] = [:]
        var subTypes: [Int: Set<Int>] = [:]
        for type in types {
            switch type {
            case .union(let union):
                possible[union.id] = union.types
                subTypes[union.id] = Set(union.types.map(\.id))
            case .interface(let interface):
                let impl = implementations[interface.id] ?? ([], [])
                possible[interface.id] = impl.objects
                subTypes[interface.id] = Set(impl.objects.map(\.id)).union(impl.interfaces.map(\.id))
            default: break
            }
        }
        self.implementationsByID = implementations
        self.possibleTypesByID = possible
        self.subTypeIDsByID = subTypes

        let string = ids["String"].map { types[$0] }
        self.typeNameMetaField = GraphQLField(
            name: "__typename",
            description: "The name of the current Object type at runtime.",
            type: .nonNull(.named(string ?? .scalar(GraphQLScalarType(id: -1, name: "String", builtin: .string))))
        )
        if let schemaType = ids["__Schema"].map({ types[$0] }), let typeType = ids["__Type"].map({ types[$0] }),
            let string
        {
            self.schemaMetaField = GraphQLField(
                name: "__schema",
                description: "Access the current type schema of this server.",
                type: .nonNull(.named(schemaType))
            )
            self.typeMetaField = GraphQLField(
                name: "__type",
                description: "Request the type information of a single type.",
                type: .named(typeType),
                arguments: [GraphQLArgument(name: "name", type: .nonNull(.named(string)))]
            )
        } else {
            self.schemaMetaField = nil
            self.typeMetaField = nil
        }
    }

    /// The named type called `name`, if the schema has one.
    @inlinable
    public func type(named name: String) -> GraphQLNamedType? {
        guard let id = typeID(named: name) else { return nil }
        return types[id]
    }

    /// The id (index into `types`) of the type called `name`.
    public func typeID(named name: String) -> Int? { typeIDsByName[name] }

    public func directive(named name: String) -> GraphQLDirective? {
        guard let index = directiveIndexByName[name] else { return nil }
        return directives[index]
    }

    /// The root type for an operation kind, if the schema supports it.
    public func rootType(for operation: OperationType) -> GraphQLObjectType? {
        switch operation {
        case .query: rootQueryType
        case .mutation: mutationType
        case .subscription: subscriptionType
        }
    }

    /// Object types a value of `abstract` may have at run time (union members, or objects
    /// implementing the interface), in schema order. Empty for non-abstract types.
    public func possibleTypes(of abstract: GraphQLNamedType) -> [GraphQLObjectType] {
        possibleTypesByID[abstract.id] ?? []
    }

    /// graphql-js `isSubType`: `maybeSub` is a member of the union, or implements the interface
    /// (objects and interfaces alike).
    public func isSubType(abstract: GraphQLNamedType, maybeSub: GraphQLNamedType) -> Bool {
        subTypeIDsByID[abstract.id]?.contains(maybeSub.id) ?? false
    }

    /// Object and interface types that declare `interface` among their interfaces.
    public func implementations(of interface: GraphQLInterfaceType) -> (objects: [GraphQLObjectType], interfaces: [GraphQLInterfaceType]) {
        implementationsByID[interface.id] ?? ([], [])
    }

    /// graphql-js `getFieldDef`: a field of a composite type, including the meta fields
    /// `__typename` (any composite type) and `__schema` / `__type` (query root only).
    public func field(named name: String, in parentType: GraphQLNamedType) -> GraphQLField? {
        if name.utf8.first == UInt8(ascii: "_") {
            if name == "__typename", parentType.isCompositeType { return typeNameMetaField }
            if case .object(let object) = parentType, object === rootQueryType {
                if name == "__schema" { return schemaMetaField }
                if name == "__type" { return typeMetaField }
            }
        }
        return parentType.field(named: name)
    }
}
