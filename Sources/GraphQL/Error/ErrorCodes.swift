/// The `extensions.code` values clients of the ecosystem switch on (Apollo's conventions), for the request
/// errors the engine raises itself; field errors carry their resolvers' codes. Syntax errors always carry theirs;
/// the others only when a server asks (`GraphQLPipelineConfiguration.requestErrorCodes`), as graphql-js adds none.
public enum ErrorCodes {
    /// The text is not a GraphQL document.
    public static let parseFailed = "GRAPHQL_PARSE_FAILED"
    /// The document does not validate against the schema.
    public static let validationFailed = "GRAPHQL_VALIDATION_FAILED"
    /// A variable's value cannot be coerced to its type.
    public static let badUserInput = "BAD_USER_INPUT"
    /// No operation can be chosen: an unknown `operationName`, or several operations and none named.
    public static let operationResolutionFailure = "OPERATION_RESOLUTION_FAILURE"
}

extension GraphQLError {
    /// The error with `code` as its `extensions.code`, unless it has one already or `enabled` is false.
    public func coded(_ code: String, if enabled: Bool = true) -> GraphQLError {
        guard enabled, self.code == nil else { return self }
        var error = self
        error.extensions["code"] = .string(code)
        return error
    }
}
