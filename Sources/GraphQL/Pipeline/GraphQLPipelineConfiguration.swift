/// How a `GraphQLPipeline` treats requests; one value per server, fixed at start-up.
public struct GraphQLPipelineConfiguration: Sendable {
    /// Bounds checked after validation, before execution.
    public var limits: QueryLimits
    /// Bounds on the document's definitions, checked before validation.
    public var documentLimits: DocumentLimits
    /// The most bytes a serialized response may have; a larger one becomes a `RESPONSE_TOO_LARGE` error.
    public var maxResponseBytes: Int
    /// How many distinct document texts keep their parsed and validated form; `0` disables the cache.
    public var documentCacheCapacity: Int
    /// How many bytes the cache holds at most: texts plus an estimate of their syntax trees.
    public var documentCacheMaxBytes: Int
    /// When false, `__schema` and `__type` fail with `INTROSPECTION_DISABLED`.
    public var allowIntrospection: Bool
    /// Token and nesting limits applied while parsing.
    public var parseOptions: ParseOptions
    /// The validation rules; the specification's by default.
    public var validationRules: [ValidationRule]
    /// Receives resolver errors that are masked as `Internal server error`.
    public var logInternalError: (@Sendable (_ error: any Error, _ path: [PathComponent]) -> Void)?
    /// Makes client-facing the resolver errors it recognizes (see ``ExecutionOptions/presentError``).
    public var presentError: (@Sendable (_ error: any Error) -> (any GraphQLErrorConvertible)?)?
    /// Request errors carry the codes clients switch on (`GRAPHQL_VALIDATION_FAILED`, `BAD_USER_INPUT`,
    /// `OPERATION_RESOLUTION_FAILURE`; syntax errors always carry `GRAPHQL_PARSE_FAILED`). Off by default, as in
    /// graphql-js.
    public var requestErrorCodes = false
    /// Valid documents are also checked for deprecated elements (once per cached document), and responses carry what
    /// they use in `GraphQLResponse.deprecations`, for a server to log.
    public var reportDeprecations = false

    public init(
        limits: QueryLimits = .standard,
        documentLimits: DocumentLimits = .standard,
        maxResponseBytes: Int = 4 << 20,
        documentCacheCapacity: Int = 512,
        documentCacheMaxBytes: Int = 32 << 20,
        allowIntrospection: Bool = true,
        parseOptions: ParseOptions = ParseOptions(),
        validationRules: [ValidationRule] = specifiedRules,
        logInternalError: (@Sendable (_ error: any Error, _ path: [PathComponent]) -> Void)? = nil,
        presentError: (@Sendable (_ error: any Error) -> (any GraphQLErrorConvertible)?)? = nil
    ) {
        self.limits = limits
        self.documentLimits = documentLimits
        self.maxResponseBytes = maxResponseBytes
        self.documentCacheCapacity = documentCacheCapacity
        self.documentCacheMaxBytes = documentCacheMaxBytes
        self.allowIntrospection = allowIntrospection
        self.parseOptions = parseOptions
        self.validationRules = validationRules
        self.logInternalError = logInternalError
        self.presentError = presentError
    }
}
