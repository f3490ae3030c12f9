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
    /// Whether null propagation has nulled any node yet; until then no subtree needs skipping.
    @exclusivity(unchecked) var anyNodeNulled = false
    /// Keeps dropped nodes alive for as long as the result; see `ResultArena`.
    let arena = ResultArena()
    /// Every error with its position's slot indices (`order`) and the position its null propagated to
    /// (`nulled`, a prefix of `order`; `[]` is the whole `data`).
    @exclusivity(unchecked) var located: [(order: [Int], sequence: Int, nulled: [Int], error: GraphQLError)] = []
    /// For each nulled node, the earliest (in document order) error that nulled it.
    @exclusivity(unchecked) var nullingErrors: [ObjectIdentifier: [Int]] = [:]
    @exclusivity(unchecked) var nextLevel: [PendingObject] = []
    @exclusivity(unchecked) var deferred: [DeferredCall] = []
    @exclusivity(unchecked) var batchGroups: [BatchGroup] = []

    init(shared: ExecutionShared, context: any Sendable) {
        self.shared = shared
        self.context = context
    }

    // MARK: Drivers

    // One driver: the synchronous one below is the engine's, and `run` differs only in awaiting a level's
    // `async` calls where the synchronous driver turns them into field errors.

    /// Runs the root fields (all at once for queries, one at a time with their whole subtree for mutations)
    /// and then every level below them, without suspending; `async` resolvers become field errors.
    func runSynchronously(root: PendingObject, serially: Bool) {
        for fields in rootFieldGroups(root, serially: serially) where !root.node.isNull {
            startLevels(at: root, fields: fields)
            repeat {
                if finishLevel() { failDeferred() }
            } while startNextLevel()
        }
    }

    /// `runSynchronously`, awaiting `async` resolvers at the end of each level.
    func run(root: PendingObject, serially: Bool) async {
        for fields in rootFieldGroups(root, serially: serially) where !root.node.isNull {
            startLevels(at: root, fields: fields)
            repeat {
                if finishLevel() { await runDeferred() }
            } while startNextLevel()
        }
    }

    /// A query's root fields run together; a mutation's one at a time, each with its whole subtree.
    private func rootFieldGroups(_ root: PendingObject, serially: Bool) -> [Range<Int>] {
        let count = root.node.plan!.fields.count
        return serially ? (0..<count).map { $0..<($0 + 1) } : [0..<count]
    }

    private func startLevels(at root: PendingObject, fields: Range<Int>) {
        scanLevel([root], rootFields: fields)
    }

    /// Runs the level's synchronous batches; true when `async` calls are left for the caller to settle.
    private func finishLevel() -> Bool {
        runSyncBatches()
        return !deferred.isEmpty
    }

    /// Scans the next level; false when there is none.
    private func startNextLevel() -> Bool {
        if nextLevel.isEmpty { return false }
        let level = nextLevel
        nextLevel = []
        scanLevel(level, rootFields: nil)
        return true
    }

    /// In synchronous execution, each `async` call of the level is a field error.
    private func failDeferred() {
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

    /// Awaits this level's `async` calls concurrently, then completes their values in call order.
    func runDeferred() async {
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

    static func perform(_ work: DeferredCall.Work) async -> Result<[ResolvedValue], any Error> {
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

    func scanLevel(_ objects: [PendingObject], rootFields: Range<Int>?) {
        for object in objects {
            let node = object.node
            if anyNodeNulled, isSkipped(node) { continue }
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
    func scanJSONObject(_ parent: JSONObject, node: ResultNode, fields: [FieldPlan], value: ResolvedValue) {
        for index in 0..<fields.count {
            let plan = fields[index]
            if plan.readsByName {
                let field = parent.value(forKey: plan.fieldName, hint: &plan.keyHint)
                if let builtin = plan.leafBuiltin, let field {
                    if Self.servesUnchanged(field, builtin) {
                        node[index] = .leaf(field)
                        continue
                    }
                    if let leaf = Self.fastSerialize(field, builtin) {
                        node[index] = .leaf(leaf)
                        continue
                    }
                }
                if let completion = completeJSON(
                    field ?? .null, type: plan.returnType, plan: plan, node: node, slot: index, isNonNull: false)
                {
                    switch completion {
                    case .value(let slot): node[index] = slot
                    case .failed: fieldFailed(plan: plan, position: ResultPosition(node: node, slot: index))
                    }
                } else {
                    completeField(field.map { .json($0) } ?? .null, plan: plan, position: ResultPosition(node: node, slot: index))
                }
            } else {
                executeField(plan, node: node, slot: index, parent: value)
            }
            if node.isNull { break }
        }
    }

    func executeField(_ plan: FieldPlan, node: ResultNode, slot: Int, parent: ResolvedValue) {
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
            // Arguments are coerced for every field, whatever resolves it: a null for a non-null argument is an
            // error even where the value is read by name (the coercion is cached per plan).
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
            case .byName:
                completeField(Self.readByName(parent, plan.fieldName), plan: plan, position: position)
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

/// `executeSynchronously` met an `async` resolver.
struct AsyncResolverInSynchronousExecution: Error, CustomStringConvertible {
    var description: String { "An async resolver was called during synchronous execution" }
}
