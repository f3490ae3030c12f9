/// The outcome of one request through a `GraphQLPipeline`, with what an HTTP layer needs to pick
/// its status code: which phase stopped the request, and which kind of operation it selected.
public struct GraphQLResponse: Sendable {
    /// The response body as a value: `errors` and/or `data`.
    public var result: ExecutionResult
    /// `.execution` when the request reached the executor; otherwise the phase that rejected it.
    public var phase: GraphQLRequestPhase
    /// The kind of the selected operation, when the document is valid and one operation is selected.
    public var operationType: OperationType?
    /// The most bytes the serialized response may have (``GraphQLPipelineConfiguration/maxResponseBytes``).
    public var maximumBytes: Int
    /// The deprecated elements the document uses, when the pipeline reports them.
    public var deprecations: [String] = []

    public init(result: ExecutionResult, phase: GraphQLRequestPhase, operationType: OperationType?, maximumBytes: Int = .max) {
        self.result = result
        self.phase = phase
        self.operationType = operationType
        self.maximumBytes = maximumBytes
    }

    /// True when the document failed to parse or validate: GraphQL over HTTP answers 400.
    public var isParseOrValidationFailure: Bool { phase == .parse || phase == .validation }

    /// True when the response has no `data` because the request was rejected before or at the start
    /// of execution (syntax, validation, limits, operation type, operation selection, variables).
    public var isRequestError: Bool { !result.hasData }

    /// True when the selected operation is a mutation (GET requests must not run these).
    public var isMutation: Bool { operationType == .mutation }

    /// The response body as UTF-8 JSON; past `maximumBytes`, a `RESPONSE_TOO_LARGE` error with `data: null`
    /// instead, found while writing so the oversized body is never held whole.
    public func serializedBytes() -> [UInt8] {
        if let bytes = result.serializedBytes(maximumBytes: maximumBytes) { return bytes }
        let error = GraphQLError(
            "The response would be larger than \(maximumBytes) bytes; ask for fewer fields or items at once.",
            extensions: JSONObject([("code", .string("RESPONSE_TOO_LARGE")), ("limit", .int(maximumBytes))]))
        return ExecutionResult(data: .null, errors: [error]).serializedBytes()
    }
}
