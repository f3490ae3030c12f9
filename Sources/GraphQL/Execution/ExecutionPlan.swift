/// Per-request facts every plan shares: built once per `execute` call.
final class ExecutionShared: @unchecked Sendable {
    let executable: ExecutableSchema
    let operation: OperationDefinition
    let fragments: [String: FragmentDefinition]
    let variables: JSONObject
    let options: ExecutionOptions

    var schema: GraphQLSchema { executable.schema }

    init(
        executable: ExecutableSchema, operation: OperationDefinition, fragments: [String: FragmentDefinition],
        variables: JSONObject, options: ExecutionOptions
    ) {
        self.executable = executable
        self.operation = operation
        self.fragments = fragments
        self.variables = variables
        self.options = options
    }
}

/// The fields to execute on one object type for one position in the query (spec CollectFields),
/// computed once and reused for every object at that position, e.g. all 100 campaigns of a list.
final class ObjectPlan: @unchecked Sendable {
    let type: GraphQLObjectType
    let fields: [FieldPlan]
    /// Every field's key as the response writes it, back to back: `{"key":` for the first field,
    /// `,"key":` for the others, so writing an object copies one run of bytes per field.
    let keyBytes: UnsafeMutablePointer<UInt8>
    /// Where field `i`'s key starts in `keyBytes`; entry `fields.count` is the end.
    let keyOffsets: UnsafeMutablePointer<Int>

    /// An error met while collecting the fields (a null `@include`/`@skip` condition): completing an object
    /// with this plan is a field error, as collecting subfields is in graphql-js.
    let collectionError: GraphQLError?

    init(type: GraphQLObjectType, fields: [FieldPlan], collectionError: GraphQLError? = nil) {
        self.type = type
        self.fields = fields
        self.collectionError = collectionError
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for (index, field) in fields.enumerated() {
            offsets.append(bytes.count)
            bytes.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            bytes.append(contentsOf: field.keyBytes)
        }
        offsets.append(bytes.count)
        keyBytes = .allocate(capacity: Swift.max(bytes.count, 1))
        keyBytes.initialize(from: bytes, count: bytes.count)
        keyOffsets = .allocate(capacity: offsets.count)
        keyOffsets.initialize(from: offsets, count: offsets.count)
    }

    deinit {
        keyBytes.deallocate()
        keyOffsets.deallocate()
    }
}

/// One response key of an object plan: the merged field nodes, the field definition, its resolver,
/// and caches (coerced arguments, sub-plans per runtime type) filled on first use.
///
/// Only the executor's own loop mutates the caches; resolvers running concurrently read `let`s.
final class FieldPlan: @unchecked Sendable {
    enum Kind {
        case typeName(JSON)
        case resolver(FieldResolver)
        case introspectionDisabled
    }

    let responseKey: String
    /// `"key":` already escaped, so writing the response copies bytes.
    let keyBytes: [UInt8]
    let fieldName: String
    let nodes: [Field]
    let parentType: GraphQLObjectType
    let field: GraphQLField
    /// `field.type`, copied once: the schema stores it in a `var`, whose every read is access-checked.
    let returnType: GraphQLType
    /// Whether `returnType` is non-null.
    let isNonNull: Bool
    let kind: Kind
    let shared: ExecutionShared
    /// `Type.field`, for error messages.
    let coordinate: String
    /// True when the field is read by name from its parent (default resolver).
    let readsByName: Bool
    /// The built-in scalar when the field's type is `S` or `S!`, so common leaves skip `complete`.
    let leafBuiltin: BuiltinScalar?
    /// The built-in scalar when the field's type is a list of `S` or `S!`.
    let itemBuiltin: BuiltinScalar?

    /// Where the field was last found in a JSON parent: objects of one list usually share a key order.
    @exclusivity(unchecked) var keyHint = 0

    // The caches below are only touched by the executor's own loop (see the type's note), so the
    // dynamic exclusivity checks of class properties are not needed.
    @exclusivity(unchecked) private var argumentCache: Result<JSONObject, GraphQLError>?
    @exclusivity(unchecked) private var childPlans: [(typeID: Int, plan: ObjectPlan)] = []

    init(
        responseKey: String, nodes: [Field], parentType: GraphQLObjectType, field: GraphQLField, kind: Kind,
        shared: ExecutionShared
    ) {
        self.responseKey = responseKey
        var bytes: [UInt8] = []
        JSONWriter.writeString(responseKey, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        keyBytes = bytes
        fieldName = nodes[0].name.value
        self.nodes = nodes
        self.parentType = parentType
        self.field = field
        returnType = field.type
        isNonNull = field.type.isNonNull
        self.kind = kind
        self.shared = shared
        coordinate = parentType.name + "." + nodes[0].name.value
        if case .resolver(.byName) = kind { readsByName = true } else { readsByName = false }
        leafBuiltin = Self.builtin(field.type.nullableType)
        itemBuiltin = field.type.listItemType.flatMap { Self.builtin($0.nullableType) }
    }

    private static func builtin(_ type: GraphQLType) -> BuiltinScalar? {
        if case .named(.scalar(let scalar)) = type { return scalar.builtin }
        return nil
    }

    var locations: [SourceLocation] { nodes.compactMap(\.sourceLocation) }

    /// Arguments depend only on the document and variables, so they are coerced once per request.
    func arguments() -> Result<JSONObject, GraphQLError> {
        if let argumentCache { return argumentCache }
        if field.arguments.isEmpty {
            argumentCache = .success(JSONObject())
            return argumentCache!
        }
        let result: Result<JSONObject, GraphQLError>
        do {
            result = .success(try coerceFieldArguments(field, node: nodes[0], variables: shared.variables))
        } catch {
            result = .failure(error)
        }
        argumentCache = result
        return result
    }

    /// Runtime object types already checked against this field's abstract type, so a list of
    /// hundreds of union members is resolved with a string comparison each.
    @exclusivity(unchecked) private var runtimeTypes: [GraphQLObjectType] = []

    func cachedRuntimeType(named name: String) -> GraphQLObjectType? {
        for type in runtimeTypes where type.name == name { return type }
        return nil
    }

    func cacheRuntimeType(_ type: GraphQLObjectType) {
        if runtimeTypes.count < 8 { runtimeTypes.append(type) }
    }

    /// The merged sub-selection of this field for a runtime object type, collected once per type.
    func childPlan(for type: GraphQLObjectType) -> ObjectPlan {
        for entry in childPlans where entry.typeID == type.id { return entry.plan }
        let plan = collectSubfields(on: type)
        childPlans.append((type.id, plan))
        return plan
    }

    /// Spec CollectSubfields: the merged sub-selections of this field's nodes on `type`, collected afresh.
    func collectSubfields(on type: GraphQLObjectType) -> ObjectPlan {
        var collector = FieldCollector(shared: shared, type: type)
        for node in nodes {
            if let selectionSet = node.selectionSet { collector.collect(selectionSet) }
        }
        return collector.plan()
    }
}

/// Spec CollectFields: walks a selection set with fragments, inline fragments and `@skip`/`@include`,
/// grouping field nodes by response key in first-seen order.
struct FieldCollector {
    let shared: ExecutionShared
    let type: GraphQLObjectType
    private var order: [String] = []
    private var groups: [String: [Field]] = [:]
    private var visitedFragments: Set<String> = []
    /// The first error met while collecting (an `@include`/`@skip` condition that is null).
    private var collectionError: GraphQLError?

    init(shared: ExecutionShared, type: GraphQLObjectType) {
        self.shared = shared
        self.type = type
    }

    mutating func collect(_ selectionSet: SelectionSet) {
        for selection in selectionSet.selections {
            guard shouldInclude(selection.directives) else { continue }
            switch selection {
            case .field(let field):
                let key = field.responseKey
                if groups[key] == nil {
                    order.append(key)
                    groups[key] = [field]
                } else {
                    groups[key]!.append(field)
                }
            case .inlineFragment(let fragment):
                if let condition = fragment.typeCondition, !applies(condition.name.value) { continue }
                collect(fragment.selectionSet)
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visitedFragments.contains(name) else { continue }
                visitedFragments.insert(name)
                guard let fragment = shared.fragments[name], applies(fragment.typeCondition.name.value) else { continue }
                collect(fragment.selectionSet)
            }
        }
    }

    /// Spec DoesFragmentTypeApply.
    private func applies(_ conditionName: String) -> Bool {
        if conditionName == type.name { return true }
        guard let condition = shared.schema.type(named: conditionName), condition.isAbstractType else { return false }
        return shared.schema.isSubType(abstract: condition, maybeSub: .object(type))
    }

    private mutating func shouldInclude(_ directives: [Directive]) -> Bool {
        if directives.isEmpty { return true }
        for directive in directives {
            switch directive.name.value {
            case "skip": if ifArgument(directive) == true { return false }
            case "include": if ifArgument(directive) == false { return false }
            default: continue
            }
        }
        return true
    }

    /// The `if` argument's value. A variable that holds null is an error, as graphql-js's argument coercion
    /// makes it (`if` is `Boolean!`): recorded once, and the field is left out.
    private mutating func ifArgument(_ directive: Directive) -> Bool? {
        guard let argument = directive.arguments.named("if") else { return nil }
        switch argument.value {
        case .boolean(let literal): return literal.value
        case .variable(let variable):
            switch shared.variables[variable.name.value] {
            case .bool(let value)?: return value
            case .null?:
                if collectionError == nil {
                    collectionError = GraphQLError(
                        "Argument \"if\" of non-null type \"Boolean!\" must not be null.",
                        locations: variable.sourceLocation.map { [$0] } ?? [])
                }
                return false
            default: return nil
            }
        default: return nil
        }
    }

    /// Turns the groups into field plans; fields the type does not define are skipped, as graphql-js does.
    func plan() -> ObjectPlan {
        let schema = shared.schema
        var fields: [FieldPlan] = []
        fields.reserveCapacity(order.count)
        let isQueryRoot = type === schema.queryType
        for key in order {
            let nodes = groups[key]!
            let name = nodes[0].name.value
            let definition: GraphQLField
            let kind: FieldPlan.Kind
            if name == "__typename" {
                definition = schema.typeNameMetaField
                kind = .typeName(.string(type.name))
            } else if isQueryRoot, name == "__schema" || name == "__type",
                let meta = name == "__schema" ? schema.schemaMetaField : schema.typeMetaField
            {
                definition = meta
                kind = shared.options.allowIntrospection
                    ? .resolver(name == "__schema" ? IntrospectionResolvers.schemaField : IntrospectionResolvers.typeField)
                    : .introspectionDisabled
            } else if let index = type.fieldIndexByName[name] {
                definition = type.fields[index]
                kind = .resolver(shared.executable.fieldResolvers[type.id][index])
            } else {
                continue
            }
            fields.append(
                FieldPlan(responseKey: key, nodes: nodes, parentType: type, field: definition, kind: kind, shared: shared))
        }
        return ObjectPlan(type: type, fields: fields, collectionError: collectionError)
    }
}
