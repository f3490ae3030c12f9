/// What parsing and validating one document text produced: the document, or the errors that
/// stop it. This is what the document cache keeps, so a repeated text skips both steps.
public struct PreparedDocument: Sendable {
    /// The parsed document; `nil` when the text has a syntax error.
    public let document: Document?
    /// The syntax error or the validation errors; empty when the document may be executed.
    public let errors: [GraphQLError]
    /// Which step failed, if any.
    public let failure: GraphQLRequestPhase?
    /// The deprecated fields, arguments, input fields and enum values a valid document uses (NoDeprecatedCustomRule's
    /// messages), when the pipeline reports them.
    public var deprecations: [String] = []

    /// Memory the entry holds beyond its text, for the cache's bound: the syntax tree, at
    /// ``bytesPerToken``, and the errors.
    var estimatedBytes: Int { tokens * Self.bytesPerToken + (errors.count + deprecations.count) * 512 }
    /// Tokens the parser read.
    let tokens: Int
    /// Syntax-tree bytes per token, rounded up: resident memory grew by 205–212 bytes per token while 400
    /// distinct copies of bench/graphql's introspection and nested documents were parsed and kept.
    static let bytesPerToken = 256

    init(document: Document?, tokens: Int = 0, errors: [GraphQLError], failure: GraphQLRequestPhase?) {
        self.document = document
        self.tokens = tokens
        self.errors = errors
        self.failure = failure
    }
}

/// The steps a request goes through; a response names the one that stopped it.
public enum GraphQLRequestPhase: String, Sendable, Hashable {
    /// The text is not a GraphQL document (HTTP layers answer 400).
    case parse
    /// The document does not validate against the schema (HTTP layers answer 400).
    case validation
    /// The operation exceeds the configured `QueryLimits` (a request error: HTTP layers answer 400).
    case limits
    /// The operation type is not allowed for this request, e.g. a mutation over GET (HTTP 405).
    case operationNotAllowed
    /// Execution started: operation selection, variable coercion or field resolution.
    case execution
}
