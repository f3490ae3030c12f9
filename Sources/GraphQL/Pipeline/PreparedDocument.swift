/// What parsing and validating one document text produced: the document, or the errors that
/// stop it. This is what the document cache keeps, so a repeated text skips both steps.
public struct PreparedDocument: Sendable {
    /// The parsed document; `nil` when the text has a syntax error.
    public let document: Document?
    /// The syntax error or the validation errors; empty when the document may be executed.
    public let errors: [GraphQLError]
    /// Which step failed, if any.
    public let failure: GraphQLRequestPhase?

    init(document: Document?, errors: [GraphQLError], failure: GraphQLRequestPhase?) {
        self.document = document
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
