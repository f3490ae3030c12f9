import GraphQL

/// Refused arguments, one way everywhere: `BAD_USER_INPUT` naming the argument's path in `extensions.field`.
enum InputError {
    static func badInput(_ message: String, field: String) -> UserError {
        UserError(message, code: "BAD_USER_INPUT", extensions: JSONObject([("field", .string(field))]))
    }
}
