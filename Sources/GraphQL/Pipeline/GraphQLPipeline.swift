import Synchronization

/// The request path a server runs for every GraphQL request: parse (cached) → validate (cached)
/// → limits → execute.
///
/// One pipeline per schema, shared by every request: it is `Sendable`, and its document cache
/// makes a repeated query text skip lexing, parsing and validation entirely.
public final class GraphQLPipeline: Sendable {
    public let executableSchema: ExecutableSchema
    public let configuration: GraphQLPipelineConfiguration
    /// Parsed and validated documents by their text.
    public let documentCache: DocumentCache<PreparedDocument>
    /// Results of operations that read only the schema (`__schema`, `__type`, `__typename` at the root), by text,
    /// operation name and variables: they are the same for every caller, and tools ask for them again and again.
    let introspectionResults = DocumentCache<ExecutionResult>(capacity: 64, maxTotalBytes: 16 << 20, entryCost: { $0.serializedBytes().count * 4 })
    private let preparations = Atomic<Int>(0)

    public init(schema: ExecutableSchema, configuration: GraphQLPipelineConfiguration = GraphQLPipelineConfiguration()) {
        executableSchema = schema
        self.configuration = configuration
        documentCache = DocumentCache(
            capacity: configuration.documentCacheCapacity, maxTotalBytes: configuration.documentCacheMaxBytes,
            entryCost: { $0.estimatedBytes })
    }

    /// How many times a document text was actually parsed (and validated): cache hits do not count.
    public var documentsPrepared: Int { preparations.load(ordering: .relaxed) }

    /// Runs one request, without suspending: the server's path (its resolvers are synchronous), and tools',
    /// benchmarks' and tests'. An `async` resolver met on the way becomes a masked internal field error.
    ///
    /// - Parameters:
    ///   - allowMutations: pass `false` for requests that must not change anything (HTTP GET);
    ///     a mutation is then refused before it runs.
    ///   - context: handed to every resolver.
    ///   - rootValue: the parent of the root fields.
    public func runSynchronously(
        query: String,
        variables: JSONObject? = nil,
        operationName: String? = nil,
        context: any Sendable = EmptyContext(),
        rootValue: ResolvedValue = .null,
        allowMutations: Bool = true
    ) -> GraphQLResponse {
        switch admit(query: query, variables: variables, operationName: operationName, allowMutations: allowMutations) {
        case .rejected(let response):
            return response
        case .admitted(let admitted):
            let request = ExecutionRequest(document: admitted.document, query: query, operationName: operationName, variables: variables,
                                           context: context, rootValue: rootValue)
            return response(admitted, schemaOnlyResult(request) ?? executeSynchronously(request))
        }
    }

    /// `runSynchronously` for servers with `async` resolvers, which it awaits level by level.
    public func run(
        query: String,
        variables: JSONObject? = nil,
        operationName: String? = nil,
        context: any Sendable = EmptyContext(),
        rootValue: ResolvedValue = .null,
        allowMutations: Bool = true
    ) async -> GraphQLResponse {
        switch admit(query: query, variables: variables, operationName: operationName, allowMutations: allowMutations) {
        case .rejected(let response):
            return response
        case .admitted(let admitted):
            let request = ExecutionRequest(document: admitted.document, query: query, operationName: operationName, variables: variables,
                                           context: context, rootValue: rootValue)
            if let result = schemaOnlyResult(request) { return response(admitted, result) }
            let result = await executableSchema.execute(
                document: request.document, operationName: operationName, variables: variables ?? JSONObject(),
                context: context, rootValue: rootValue, options: executionOptions)
            return response(admitted, result)
        }
    }

    /// What one admitted request executes with.
    private struct ExecutionRequest {
        let document: Document
        let query: String
        let operationName: String?
        let variables: JSONObject?
        let context: any Sendable
        let rootValue: ResolvedValue
    }

    private func executeSynchronously(_ request: ExecutionRequest) -> ExecutionResult {
        executableSchema.executeSynchronously(
            document: request.document, operationName: request.operationName, variables: request.variables ?? JSONObject(),
            context: request.context, rootValue: request.rootValue, options: executionOptions)
    }

    /// An operation that reads only the schema, from the cache or executed and kept (as plain JSON, shared by
    /// every thread that asks the same question); nil for any other operation.
    private func schemaOnlyResult(_ request: ExecutionRequest) -> ExecutionResult? {
        guard let key = introspectionKey(request.document, query: request.query, operationName: request.operationName, variables: request.variables) else {
            return nil
        }
        if let kept = introspectionResults.entry(for: key) { return kept }
        let fresh = executeSynchronously(request)
        guard fresh.errors.isEmpty else { return fresh }
        let kept = ExecutionResult(data: fresh.data, errors: [])
        introspectionResults.insert(kept, for: key)
        return kept
    }

    private func response(_ admitted: Admission, _ result: ExecutionResult) -> GraphQLResponse {
        var response = GraphQLResponse(
            result: result, phase: .execution, operationType: admitted.operationType, maximumBytes: configuration.maxResponseBytes)
        response.deprecations = admitted.deprecations
        return response
    }

    /// The parsed and validated form of `query`, from the cache when the same text was seen before.
    public func prepare(query: String) -> PreparedDocument {
        documentCache.entry(for: query) {
            preparations.add(1, ordering: .relaxed)
            return prepareUncached(query)
        }
    }

    private var executionOptions: ExecutionOptions {
        var options = ExecutionOptions(
            allowIntrospection: configuration.allowIntrospection, logInternalError: configuration.logInternalError,
            presentError: configuration.presentError)
        options.requestErrorCodes = configuration.requestErrorCodes
        return options
    }

    private func prepareUncached(_ query: String) -> PreparedDocument {
        let document: Document
        let tokens: Int
        do {
            (document, tokens) = try parseCountingTokens(query, options: configuration.parseOptions)
        } catch {
            return PreparedDocument(document: nil, errors: [error], failure: .parse)
        }
        let violations = configuration.documentLimits.violations(in: document)
        if !violations.isEmpty {
            return PreparedDocument(document: document, tokens: tokens, errors: violations, failure: .limits)
        }
        let errors = validate(
            schema: executableSchema.schema, document: document, rules: configuration.validationRules)
            .map { $0.coded(ErrorCodes.validationFailed, if: configuration.requestErrorCodes) }
        var prepared = PreparedDocument(document: document, tokens: tokens, errors: errors, failure: errors.isEmpty ? nil : .validation)
        if errors.isEmpty, configuration.reportDeprecations {
            prepared.deprecations = validate(schema: executableSchema.schema, document: document, rules: optionalValidationRules.filter {
                $0.name == "NoDeprecatedCustomRule"
            }).map(\.message)
        }
        return prepared
    }

    /// Everything before execution: the cached preparation, the operation type check and the limits.
    private func admit(
        query: String, variables: JSONObject?, operationName: String?, allowMutations: Bool
    ) -> AdmissionDecision {
        let prepared = prepare(query: query)
        guard let document = prepared.document, prepared.failure == nil else {
            return .rejected(rejection(prepared.errors, phase: prepared.failure ?? .parse, operationType: nil))
        }
        let operation = document.pipelineOperation(named: operationName)
        let operationType = operation?.operation
        if !allowMutations, let operation, operation.operation == .mutation {
            let error = GraphQLError(
                "Can only perform a mutation operation from a POST request.",
                locations: operation.sourceLocation.map { [$0] } ?? [],
                extensions: JSONObject([("code", .string("MUTATION_NOT_ALLOWED"))]))
            return .rejected(rejection([error], phase: .operationNotAllowed, operationType: .mutation))
        }
        let violations = configuration.limits.violations(
            in: document, operationName: operationName, variables: variables, schema: executableSchema.schema)
        if !violations.isEmpty {
            return .rejected(rejection(violations, phase: .limits, operationType: operationType))
        }
        return .admitted(Admission(document: document, operationType: operationType, deprecations: prepared.deprecations))
    }

    /// The cache key of a query whose root selects only `__schema`, `__type` and `__typename`, without directives;
    /// nil for any other operation.
    private func introspectionKey(_ document: Document, query: String, operationName: String?, variables: JSONObject?) -> String? {
        guard let operation = document.pipelineOperation(named: operationName), operation.operation == .query,
              operation.directives.isEmpty, !operation.selectionSet.selections.isEmpty else { return nil }
        for selection in operation.selectionSet.selections {
            guard case .field(let field) = selection, field.directives.isEmpty,
                  ["__schema", "__type", "__typename"].contains(field.name.value) else { return nil }
        }
        let variablesText = variables.map { String(decoding: JSON.object($0).serializedBytes(), as: UTF8.self) } ?? ""
        return "\(operationName ?? "")\u{1}\(variablesText)\u{1}\(query)"
    }

    private func rejection(_ errors: [GraphQLError], phase: GraphQLRequestPhase, operationType: OperationType?) -> GraphQLResponse {
        GraphQLResponse(result: ExecutionResult(data: nil, errors: errors), phase: phase, operationType: operationType)
    }
}

/// Whether a request may go on to execution.
private enum AdmissionDecision {
    case rejected(GraphQLResponse)
    case admitted(Admission)
}

/// A request admitted to execution: its document, operation type and the deprecated fields it uses.
private struct Admission {
    let document: Document
    let operationType: OperationType?
    let deprecations: [String]
}
