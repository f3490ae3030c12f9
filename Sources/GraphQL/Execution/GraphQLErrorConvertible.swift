/// An error a resolver throws on purpose: its message and code reach the client as they are.
///
/// Any other error a resolver throws is masked as `Internal server error` so internals never leak;
/// the original goes to `ExecutionOptions.logInternalError`.
public protocol GraphQLErrorConvertible: Error {
    var graphQLMessage: String { get }
    /// `extensions.code`, e.g. `NOT_FOUND` or `FORBIDDEN`.
    var graphQLCode: String { get }
    /// More machine-readable details; `code` is set from `graphQLCode`.
    var graphQLExtensions: JSONObject { get }
}

extension GraphQLErrorConvertible {
    public var graphQLExtensions: JSONObject { JSONObject() }
}

/// A ready-made client-facing error for resolvers: `throw UserError("Campaign not found", code: "NOT_FOUND")`.
public struct UserError: GraphQLErrorConvertible, Sendable, Equatable {
    public var graphQLMessage: String
    public var graphQLCode: String
    public var graphQLExtensions: JSONObject

    public init(_ message: String, code: String, extensions: JSONObject = JSONObject()) {
        graphQLMessage = message
        graphQLCode = code
        graphQLExtensions = extensions
    }
}
