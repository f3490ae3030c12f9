import GraphQL

/// GraphQL errors the tool reports as `{"errors":[…]}` on standard output, exit status 1: the input
/// was understood but is wrong (a syntax error, an invalid schema, a failing request).
struct ReportedErrors: Error {
    var errors: [GraphQLError]
}

extension GraphQLTool {
    /// `{"errors":[…]}` followed by a newline, the shape every subcommand uses for failures.
    static func errorsJSON(_ errors: [GraphQLError]) -> String {
        JSON.object(JSONObject([("errors", .array(errors.map(\.responseJSON)))])).serialized() + "\n"
    }
}
