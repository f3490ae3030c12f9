/// An object whose fields run at the next level: its result node and the value its fields resolve on.
struct PendingObject {
    let node: ResultNode
    let value: ResolvedValue
}

/// An `async` resolver call (single or batch) collected during a level and awaited at its end.
enum DeferredCall {
    case single(@Sendable (FieldContext) async throws -> ResolvedValue, FieldContext, FieldPlan, ResultPosition)
    case batch(@Sendable (BatchFieldContext) async throws -> [ResolvedValue], BatchFieldContext, BatchGroup)
}

/// The parents at one level that selected the same field with the same arguments.
final class BatchGroup {
    let typeID: Int
    let fieldName: String
    let arguments: JSONObject
    let firstPlan: FieldPlan
    var targets: [(plan: FieldPlan, position: ResultPosition)] = []
    var parents: [ResolvedValue] = []

    init(typeID: Int, fieldName: String, arguments: JSONObject, firstPlan: FieldPlan) {
        self.typeID = typeID
        self.fieldName = fieldName
        self.arguments = arguments
        self.firstPlan = firstPlan
    }
}

/// Result of completing one value against a type (spec CompleteValue).
enum Completion {
    case value(ResultSlot)
    /// A field error was reported; the position is null and, if non-null, the null propagates.
    case failed
}

/// One execution of one operation, breadth-first: every object of a level has its fields resolved before
/// any object of the next level, so batch resolvers see all parents of a level at once and synchronous
/// resolvers never pay for `async`.
final class ExecutionRun {
    let shared: ExecutionShared
    let context: any Sendable
    /// Keeps every node alive for as long as the result; see `ResultNode`.
    let arena = ResultArena()
    private var located: [(order: [Int], sequence: Int, error: GraphQLError)] = []
    private var nextLevel: [PendingObject] = []
    private var deferred: [DeferredCall] = []
    private var batchGroups: [BatchGroup] = []

    init(shared: ExecutionShared, context: any Sendable) {
        self.shared = shared
        self.context = context
    }

    // MARK: Drivers

    /// Runs `fieldIndices` of the root (all of them at once for queries, one at a time for mutations)
    /// and then every level below them.
    func run(root: PendingObject, serially: Bool) async {
        let count = root.node.plan!.fields.count
        if serially {
            for index in 0..<count {
                if root.node.isNull { break }
                await runLevels(startingWith: root, fields: index..<(index + 1))
            }
        } else {
            await runLevels(startingWith: root, fields: 0..<count)
        }
    }

    /// Same as `run` without suspension; `async` resolvers become field errors.
    func runSynchronously(root: PendingObject, serially: Bool) {
        let count = root.node.plan!.fields.count
        if serially {
            for index in 0..<count {
                if root.node.isNull { break }
                runLevelsSynchronously(startingWith: root, fields: index..<(index + 1))
            }
        } else {
            runLevelsSynchronously(startingWith: root, fields: 0..<count)
        }
    }

    private func runLevels(startingWith root: PendingObject, fields: Range<Int>) async {
        scanLevel([root], rootFields: fields)
        while true {
            runSyncBatches()
            if !deferred.isEmpty { await runDeferred() }
            if nextLevel.isEmpty { return }
            let level = nextLevel
            nextLevel = []
            scanLevel(level, rootFields: nil)
        }
    }

    private func runLevelsSynchronously(startingWith root: PendingObject, fields: Range<Int>) {
        scanLevel([root], rootFields: fields)
        while true {
            runSyncBatches()
            if !deferred.isEmpty {
                let calls = deferred
                deferred = []
                for call in calls {
                    let error = AsyncResolverInSynchronousExecution()
                    switch call {
                    case .single(_, _, let plan, let position):
                        fieldError(error, plan: plan, position: position)
                    case .batch(_, _, let group):
                        for target in group.targets { fieldError(error, plan: target.plan, position: target.position) }
                    }
                }
            }
            if nextLevel.isEmpty { return }
            let level = nextLevel
            nextLevel = []
            scanLevel(level, rootFields: nil)
        }
    }

    /// Awaits this level's `async` calls concurrently, then completes their values in call order.
    private func runDeferred() async {
        let calls = deferred
        deferred = []
        var results: [Result<[ResolvedValue], any Error>] = Array(repeating: .success([]), count: calls.count)
        if calls.count == 1 {
            results[0] = await Self.perform(calls[0].work)
        } else {
            await withTaskGroup(of: (Int, Result<[ResolvedValue], any Error>).self) { group in
                for (index, call) in calls.enumerated() {
                    let work = call.work
                    group.addTask { (index, await Self.perform(work)) }
                }
                for await (index, result) in group { results[index] = result }
            }
        }
        for (index, call) in calls.enumerated() {
            switch call {
            case .single(_, _, let plan, let position):
                switch results[index] {
                case .success(let values): completeField(values[0], plan: plan, position: position)
                case .failure(let error): fieldError(error, plan: plan, position: position)
                }
            case .batch(_, _, let group):
                distribute(results[index], to: group)
            }
        }
    }

    private static func perform(_ work: DeferredCall.Work) async -> Result<[ResolvedValue], any Error> {
        do {
            switch work {
            case .single(let resolve, let context): return .success([try await resolve(context)])
            case .batch(let resolve, let context): return .success(try await resolve(context))
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: Levels

    private func scanLevel(_ objects: [PendingObject], rootFields: Range<Int>?) {
        for object in objects {
            let node = object.node
            if node.isInNulledSubtree { continue }
            let fields = node.plan!.fields
            if rootFields == nil, case .json(.object(let parent)) = object.value {
                scanJSONObject(parent, node: node, fields: fields, value: object.value)
                continue
            }
            for index in rootFields ?? 0..<fields.count {
                executeField(fields[index], node: node, slot: index, parent: object.value)
                if node.isNull { break }
            }
        }
    }

    /// The common case of a JSON parent read with default resolvers: look each field up directly.
    private func scanJSONObject(_ parent: JSONObject, node: ResultNode, fields: [FieldPlan], value: ResolvedValue) {
        for index in 0..<fields.count {
            let plan = fields[index]
            if plan.readsByName {
                let field = parent[plan.fieldName]
                if let builtin = plan.leafBuiltin, let field, let leaf = Self.fastSerialize(field, builtin) {
                    node[index] = .leaf(leaf)
                    continue
                }
                completeField(field.map { .json($0) } ?? .null, plan: plan, position: ResultPosition(node: node, slot: index))
            } else {
                executeField(plan, node: node, slot: index, parent: value)
            }
            if node.isNull { break }
        }
    }

    private func executeField(_ plan: FieldPlan, node: ResultNode, slot: Int, parent: ResolvedValue) {
        let position = ResultPosition(node: node, slot: slot)
        switch plan.kind {
        case .typeName(let name):
            node[slot] = .leaf(name)
        case .introspectionDisabled:
            report(
                GraphQLError(
                    "GraphQL introspection has been disabled, but the requested query contained the field \"\(plan.fieldName)\".",
                    locations: plan.locations, path: position.path,
                    extensions: JSONObject([("code", .string("INTROSPECTION_DISABLED"))])), at: position)
            fieldFailed(plan: plan, position: position)
        case .resolver(let resolver):
            if case .byName = resolver {
                completeField(Self.readByName(parent, plan.fieldName), plan: plan, position: position)
                return
            }
            let arguments: JSONObject
            switch plan.arguments() {
            case .success(let coerced): arguments = coerced
            case .failure(var error):
                if error.locations.isEmpty { error.locations = plan.locations }
                error.path = position.path
                report(error, at: position)
                fieldFailed(plan: plan, position: position)
                return
            }
            switch resolver {
            case .sync(let resolve):
                let context = FieldContext(
                    parent: parent, arguments: arguments, context: context,
                    info: ResolveInfo(plan: plan, position: position))
                let value: ResolvedValue
                do { value = try resolve(context) } catch {
                    fieldError(error, plan: plan, position: position)
                    return
                }
                completeField(value, plan: plan, position: position)
            case .async(let resolve):
                let context = FieldContext(
                    parent: parent, arguments: arguments, context: context,
                    info: ResolveInfo(plan: plan, position: position))
                deferred.append(.single(resolve, context, plan, position))
            case .batchSync, .batchAsync:
                group(for: plan, arguments: arguments).append(plan: plan, position: position, parent: parent)
            case .byName:
                break
            }
        }
    }

    /// Default resolver: the parent's entry named like the field (graphql-js `defaultFieldResolver`).
    static func readByName(_ parent: ResolvedValue, _ name: String) -> ResolvedValue {
        switch parent {
        case .json(.object(let object)):
            if let value = object[name] { return .json(value) }
            return .null
        case .object(let value, _):
            if let readable = value as? any GraphQLFieldReadable { return readable.graphQLField(name) ?? .null }
            return .null
        default:
            return .null
        }
    }

    // MARK: Batches

    private func group(for plan: FieldPlan, arguments: JSONObject) -> BatchGroup {
        let typeID = plan.parentType.id
        for group in batchGroups
        where group.typeID == typeID && group.fieldName == plan.fieldName && group.arguments == arguments {
            return group
        }
        let group = BatchGroup(typeID: typeID, fieldName: plan.fieldName, arguments: arguments, firstPlan: plan)
        batchGroups.append(group)
        return group
    }

    /// Calls each synchronous batch resolver of the level once; `async` ones join the deferred calls.
    private func runSyncBatches() {
        let groups = batchGroups
        batchGroups = []
        for group in groups {
            let plan = group.firstPlan
            let batchContext = BatchFieldContext(
                parents: group.parents, arguments: group.arguments, context: context,
                info: ResolveInfo(plan: plan, position: group.targets[0].position))
            guard case .resolver(let resolver) = plan.kind else { continue }
            switch resolver {
            case .batchSync(let resolve):
                let result: Result<[ResolvedValue], any Error>
                do { result = .success(try resolve(batchContext)) } catch { result = .failure(error) }
                distribute(result, to: group)
            case .batchAsync(let resolve):
                deferred.append(.batch(resolve, batchContext, group))
            default:
                continue
            }
        }
    }

    private func distribute(_ result: Result<[ResolvedValue], any Error>, to group: BatchGroup) {
        switch result {
        case .success(let values) where values.count == group.targets.count:
            for (index, target) in group.targets.enumerated() {
                completeField(values[index], plan: target.plan, position: target.position)
            }
        case .success(let values):
            let error = BatchCountMismatch(
                coordinate: group.firstPlan.coordinate, expected: group.targets.count, actual: values.count)
            for target in group.targets { fieldError(error, plan: target.plan, position: target.position) }
        case .failure(let error):
            for target in group.targets { fieldError(error, plan: target.plan, position: target.position) }
        }
    }

    // MARK: Completion

    private func completeField(_ value: ResolvedValue, plan: FieldPlan, position: ResultPosition) {
        if let builtin = plan.leafBuiltin, case .json(let json) = value, let leaf = Self.fastSerialize(json, builtin) {
            position.node[position.slot] = .leaf(leaf)
            return
        }
        switch complete(value, type: plan.field.type, plan: plan, position: position, isNonNull: false) {
        case .value(let slot): position.node[position.slot] = slot
        case .failed: fieldFailed(plan: plan, position: position)
        }
    }

    /// A field's position is null because of an error: set it to null, or null the parent when the
    /// field is non-null.
    private func fieldFailed(plan: FieldPlan, position: ResultPosition) {
        if plan.field.type.isNonNull {
            nullify(position.node)
        } else {
            position.node[position.slot] = .null
        }
    }

    /// Nulls `node` and, while the nulled position is non-null, its ancestors (spec "Handling Field Errors").
    private func nullify(_ node: ResultNode) {
        var current = node
        while true {
            current.isNull = true
            guard current.slotIsNonNull, let parent = current.parent else { return }
            current = parent
        }
    }

    private func complete(
        _ value: ResolvedValue, type: GraphQLType, plan: FieldPlan, position: ResultPosition, isNonNull: Bool
    ) -> Completion {
        switch type {
        case .nonNull(let inner):
            let completion = complete(value, type: inner, plan: plan, position: position, isNonNull: true)
            if case .value(.null) = completion {
                report(
                    GraphQLError(
                        "Cannot return null for non-nullable field \(plan.coordinate).",
                        locations: plan.locations, path: position.path), at: position)
                return .failed
            }
            return completion
        case .list(let itemType):
            switch value {
            case .null, .json(.null): return .value(.null)
            case .list(let items):
                return completeList(
                    count: items.count, item: { items[$0] }, itemType: itemType, plan: plan, position: position,
                    isNonNull: isNonNull)
            case .json(.array(let items)):
                return completeList(
                    count: items.count, item: { .json(items[$0]) }, itemType: itemType, plan: plan, position: position,
                    isNonNull: isNonNull)
            default:
                report(
                    GraphQLError(
                        "Expected Iterable, but did not find one for field \"\(plan.coordinate)\".",
                        locations: plan.locations, path: position.path), at: position)
                return .failed
            }
        case .named(let named):
            if value.isNull { return .value(.null) }
            switch named {
            case .scalar(let scalar): return completeLeaf(value, scalar: scalar, plan: plan, position: position)
            case .enum(let enumType): return completeEnum(value, type: enumType, plan: plan, position: position)
            case .object(let object):
                return completeObject(value, type: object, plan: plan, position: position, isNonNull: isNonNull)
            case .interface, .union:
                guard let object = resolveAbstractType(value, abstract: named, plan: plan, position: position) else {
                    return .failed
                }
                return completeObject(value, type: object, plan: plan, position: position, isNonNull: isNonNull)
            case .inputObject:
                return .value(.null)
            }
        }
    }

    /// Completes each item into a new list node; a failed non-null item fails the whole list.
    @inline(__always)
    private func completeList(
        count: Int, item: (Int) -> ResolvedValue, itemType: GraphQLType, plan: FieldPlan, position: ResultPosition,
        isNonNull: Bool
    ) -> Completion {
        let list = arena.adopt(ResultNode(
            parent: position.node, slot: position.slot, slotIsNonNull: isNonNull, plan: nil, count: count))
        let itemIsNonNull = itemType.isNonNull
        let fastBuiltin = plan.itemBuiltin
        for index in 0..<count {
            let value = item(index)
            if let fastBuiltin, case .json(let json) = value, let leaf = Self.fastSerialize(json, fastBuiltin) {
                list[index] = .leaf(leaf)
                continue
            }
            let itemPosition = ResultPosition(node: list, slot: index)
            switch complete(value, type: itemType, plan: plan, position: itemPosition, isNonNull: false) {
            case .value(let slot): list[index] = slot
            case .failed:
                if itemIsNonNull {
                    list.isNull = true
                    return .failed
                }
            }
        }
        return .value(.node(list))
    }

    private func completeObject(
        _ value: ResolvedValue, type: GraphQLObjectType, plan: FieldPlan, position: ResultPosition, isNonNull: Bool
    ) -> Completion {
        let childPlan = plan.childPlan(for: type)
        let node = arena.adopt(ResultNode(
            parent: position.node, slot: position.slot, slotIsNonNull: isNonNull, plan: childPlan,
            count: childPlan.fields.count))
        nextLevel.append(PendingObject(node: node, value: value))
        return .value(.node(node))
    }

    private func resolveAbstractType(
        _ value: ResolvedValue, abstract: GraphQLNamedType, plan: FieldPlan, position: ResultPosition
    ) -> GraphQLObjectType? {
        let schema = shared.schema
        let name = value.declaredTypeName ?? shared.executable.typeResolvers[abstract.id]?.resolve(value, context)
        let message: String
        if let name {
            if let resolved = schema.type(named: name) {
                if case .object(let object) = resolved {
                    if schema.isSubType(abstract: abstract, maybeSub: resolved) { return object }
                    message = "Runtime Object type \"\(name)\" is not a possible type for \"\(abstract.name)\"."
                } else {
                    message = "Abstract type \"\(abstract.name)\" was resolved to a non-object type \"\(name)\"."
                }
            } else {
                message = "Abstract type \"\(abstract.name)\" was resolved to a type \"\(name)\" that does not exist inside the schema."
            }
        } else {
            message = "Abstract type \"\(abstract.name)\" must resolve to an Object type at runtime for field \"\(plan.coordinate)\". Either the \"\(abstract.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."
        }
        report(GraphQLError(message, locations: plan.locations, path: position.path), at: position)
        return nil
    }

    private func completeLeaf(
        _ value: ResolvedValue, scalar: GraphQLScalarType, plan: FieldPlan, position: ResultPosition
    ) -> Completion {
        let input = Self.leafInput(value)
        if let builtin = scalar.builtin, let fast = Self.fastSerialize(input, builtin) { return .value(.leaf(fast)) }
        do {
            return .value(.leaf(try scalar.coercion.serialize(input)))
        } catch {
            let message = (error as? GraphQLError)?.message ?? "\(error)"
            report(GraphQLError(message, locations: plan.locations, path: position.path), at: position)
            return .failed
        }
    }

    /// The common, always-valid cases of built-in scalar result coercion, without a closure call.
    @inline(__always)
    static func fastSerialize(_ value: JSON, _ builtin: BuiltinScalar) -> JSON? {
        switch (builtin, value) {
        case (.string, .string), (.id, .string), (.boolean, .bool), (.float, .double): return value
        case (.int, .int(let int)): return int >= -2_147_483_648 && int <= 2_147_483_647 ? value : nil
        case (.float, .int(let int)): return .double(Double(int))
        case (.id, .int(let int)): return .string(String(int))
        default: return nil
        }
    }

    private func completeEnum(
        _ value: ResolvedValue, type: GraphQLEnumType, plan: FieldPlan, position: ResultPosition
    ) -> Completion {
        let input = Self.leafInput(value)
        if case .string(let name) = input, type.value(named: name) != nil { return .value(.leaf(input)) }
        report(
            GraphQLError(
                "Enum \"\(type.name)\" cannot represent value: \(inspect(input))",
                locations: plan.locations, path: position.path), at: position)
        return .failed
    }

    /// A resolver's value as the JSON a scalar's `serialize` expects.
    private static func leafInput(_ value: ResolvedValue) -> JSON {
        switch value {
        case .null: .null
        case .json(let json): json
        case .list(let items): .array(items.map(leafInput))
        case .object(let object, _):
            if let convertible = object as? any ResolvedValueConvertible,
                case .json(let json) = convertible.resolvedValue
            {
                json
            } else {
                .object(JSONObject())
            }
        }
    }

    // MARK: Errors

    /// Records an error with its position's slot indices, so errors can be listed in response order.
    private func report(_ error: GraphQLError, at position: ResultPosition) {
        var order = [position.slot]
        var node = position.node
        while let parent = node.parent {
            order.append(node.slot)
            node = parent
        }
        order.reverse()
        located.append((order, located.count, error))
    }

    /// The errors in response order: the order graphql-js reports them in when resolvers are synchronous
    /// (depth first), although this executor runs breadth first.
    var errors: [GraphQLError] {
        if located.count < 2 { return located.map(\.error) }
        return located.sorted { lhs, rhs in
            if lhs.order.lexicographicallyPrecedes(rhs.order) { return true }
            if rhs.order.lexicographicallyPrecedes(lhs.order) { return false }
            return lhs.sequence < rhs.sequence
        }.map(\.error)
    }

    /// Reports an error a resolver threw: client-facing errors as they are, anything else masked.
    private func fieldError(_ error: any Error, plan: FieldPlan, position: ResultPosition) {
        let path = position.path
        if var graphQLError = error as? GraphQLError {
            if graphQLError.locations.isEmpty { graphQLError.locations = plan.locations }
            graphQLError.path = path
            report(graphQLError, at: position)
        } else if let convertible = error as? any GraphQLErrorConvertible {
            var extensions = JSONObject()
            extensions["code"] = .string(convertible.graphQLCode)
            for (key, value) in convertible.graphQLExtensions.entries where key != "code" { extensions[key] = value }
            report(
                GraphQLError(convertible.graphQLMessage, locations: plan.locations, path: path, extensions: extensions),
                at: position)
        } else {
            shared.options.logInternalError?(error, path)
            report(
                GraphQLError(
                    "Internal server error", locations: plan.locations, path: path,
                    extensions: JSONObject([("code", .string("INTERNAL_SERVER_ERROR"))])), at: position)
        }
        fieldFailed(plan: plan, position: position)
    }
}

extension DeferredCall {
    /// The part of a deferred call that crosses into a child task: Sendable closures and contexts only.
    enum Work: Sendable {
        case single(@Sendable (FieldContext) async throws -> ResolvedValue, FieldContext)
        case batch(@Sendable (BatchFieldContext) async throws -> [ResolvedValue], BatchFieldContext)
    }

    var work: Work {
        switch self {
        case .single(let resolve, let context, _, _): .single(resolve, context)
        case .batch(let resolve, let context, _): .batch(resolve, context)
        }
    }
}

extension BatchGroup {
    func append(plan: FieldPlan, position: ResultPosition, parent: ResolvedValue) {
        targets.append((plan, position))
        parents.append(parent)
    }
}

/// A batch resolver must return exactly one value per parent.
struct BatchCountMismatch: Error, CustomStringConvertible {
    var coordinate: String
    var expected: Int
    var actual: Int
    var description: String { "Batch resolver for \(coordinate) returned \(actual) values for \(expected) parents" }
}

/// `executeSynchronously` met an `async` resolver.
struct AsyncResolverInSynchronousExecution: Error, CustomStringConvertible {
    var description: String { "An async resolver was called during synchronous execution" }
}
