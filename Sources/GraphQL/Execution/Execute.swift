extension ExecutableSchema {
    /// Executes one operation of a validated document (spec §6): selects the operation, coerces the
    /// variables, runs the root fields (serially for mutations) and everything below them level by level.
    ///
    /// - Parameters:
    ///   - context: an opaque per-request value handed to every resolver (e.g. the caller's organization).
    ///   - rootValue: the parent of the root fields; a `.json` object makes default resolvers read from it.
    public func execute(
        document: Document,
        operationName: String? = nil,
        variables: JSONObject = JSONObject(),
        context: any Sendable = EmptyContext(),
        rootValue: ResolvedValue = .null,
        options: ExecutionOptions = ExecutionOptions()
    ) async -> ExecutionResult {
        switch start(document: document, operationName: operationName, variables: variables, context: context, rootValue: rootValue, options: options) {
        case .finished(let result):
            return result
        case .started(let run):
            await run.run.run(root: run.root, serially: run.serially)
            return run.result
        }
    }

    /// Executes without suspending, for callers whose resolvers are all synchronous (the server, the CLI, tests,
    /// benchmarks). An `async` resolver met on the way becomes a masked internal field error.
    public func executeSynchronously(
        document: Document,
        operationName: String? = nil,
        variables: JSONObject = JSONObject(),
        context: any Sendable = EmptyContext(),
        rootValue: ResolvedValue = .null,
        options: ExecutionOptions = ExecutionOptions()
    ) -> ExecutionResult {
        switch start(document: document, operationName: operationName, variables: variables, context: context, rootValue: rootValue, options: options) {
        case .finished(let result):
            return result
        case .started(let run):
            run.run.runSynchronously(root: run.root, serially: run.serially)
            return run.result
        }
    }

    /// Everything both entry points share: the request errors that end execution before it starts, or the run
    /// ready for its driver.
    private func start(
        document: Document, operationName: String?, variables: JSONObject, context: any Sendable, rootValue: ResolvedValue,
        options: ExecutionOptions
    ) -> StartedExecution {
        switch prepare(document: document, operationName: operationName, variables: variables, options: options) {
        case .failed(let errors):
            return .finished(ExecutionResult(data: nil, errors: errors))
        case .nulled(let errors):
            return .finished(ExecutionResult(data: .null, errors: errors))
        case .ready(let shared, let root):
            return .started(StartedRun(
                run: ExecutionRun(shared: shared, context: context), root: PendingObject(node: root, value: rootValue),
                serially: shared.operation.operation == .mutation))
        }
    }

    /// Operation selection, variable coercion and the root plan (graphql-js `buildExecutionContext`).
    private func prepare(
        document: Document, operationName: String?, variables: JSONObject, options: ExecutionOptions
    ) -> PreparedExecution {
        var operation: OperationDefinition?
        var fragments: [String: FragmentDefinition] = [:]
        for definition in document.definitions {
            switch definition {
            case .operation(let candidate):
                if let operationName {
                    if candidate.name?.value == operationName { operation = candidate }
                } else {
                    if operation != nil {
                        return .failed([
                            GraphQLError("Must provide operation name if query contains multiple operations.")
                                .coded(ErrorCodes.operationResolutionFailure, if: options.requestErrorCodes)
                        ])
                    }
                    operation = candidate
                }
            case .fragment(let fragment):
                fragments[fragment.name.value] = fragment
            default:
                continue
            }
        }
        guard let operation else {
            if let operationName {
                return .failed([GraphQLError("Unknown operation named \"\(operationName)\".").coded(ErrorCodes.operationResolutionFailure, if: options.requestErrorCodes)])
            }
            return .failed([GraphQLError("Must provide an operation.").coded(ErrorCodes.operationResolutionFailure, if: options.requestErrorCodes)])
        }
        let coerced = coerceOperationVariables(schema, definitions: operation.variableDefinitions, inputs: variables)
        if !coerced.errors.isEmpty { return .failed(coerced.errors.map { $0.coded(ErrorCodes.badUserInput, if: options.requestErrorCodes) }) }
        let coercedVariables = coerced.values
        guard let rootType = schema.rootType(for: operation.operation) else {
            let message = operation.operation == .query
                ? "Schema does not define the required query root type."
                : "Schema is not configured to execute \(operation.operation.rawValue) operation."
            return .failed([GraphQLError(message, locations: operation.sourceLocation.map { [$0] } ?? [])])
        }
        let shared = ExecutionShared(
            executable: self, operation: operation, fragments: fragments, variables: coercedVariables,
            options: options)
        var collector = FieldCollector(shared: shared, type: rootType)
        collector.collect(operation.selectionSet)
        let plan = collector.plan()
        // graphql-js raises this while collecting the root fields, inside execution: data is null.
        if let error = plan.collectionError { return .nulled([error]) }
        let root = ResultNode.make(parent: nil, slot: 0, slotIsNonNull: true, plan: plan, count: plan.fields.count)
        return .ready(shared, root)
    }
}

/// An execution that ended before it began, or one ready for its driver.
enum StartedExecution {
    case finished(ExecutionResult)
    case started(StartedRun)
}

struct StartedRun {
    let run: ExecutionRun
    let root: PendingObject
    let serially: Bool

    /// The result once the driver has run.
    var result: ExecutionResult { ExecutionResult(tree: root.node, arena: run.arena, errors: run.errors) }
}

/// Either the request errors that stop execution, or everything needed to start it.
enum PreparedExecution {
    case failed([GraphQLError])
    /// Execution started and ended at once: `data` is null.
    case nulled([GraphQLError])
    case ready(ExecutionShared, ResultNode)
}

/// The request context when the server passes none.
public struct EmptyContext: Sendable {
    public init() {}
}

/// Executes `document` against `schema`; see `ExecutableSchema.execute`.
public func execute(
    schema: ExecutableSchema,
    document: Document,
    operationName: String? = nil,
    variables: JSONObject = JSONObject(),
    context: any Sendable = EmptyContext(),
    rootValue: ResolvedValue = .null,
    options: ExecutionOptions = ExecutionOptions()
) async -> ExecutionResult {
    await schema.execute(
        document: document, operationName: operationName, variables: variables, context: context,
        rootValue: rootValue, options: options)
}
