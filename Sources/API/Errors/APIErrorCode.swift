import GraphQL

/// Every `extensions.code` the API's own errors carry, in one place: clients switch on these, so each is spelled
/// once. The engine's request-level codes (`GRAPHQL_PARSE_FAILED`, …) are `GraphQL.ErrorCodes`.
enum APIErrorCode: String, Sendable, CaseIterable {
    /// An argument was refused; `extensions.field` names its path.
    case badUserInput = "BAD_USER_INPUT"
    /// No such object in the caller's organization (or an id of another type).
    case notFound = "NOT_FOUND"
    /// Another operation on the same campaign is running.
    case conflict = "CONFLICT"
    /// An organization-wide count limit (`extensions.limit`).
    case limitExceeded = "LIMIT_EXCEEDED"
    /// The organization's mutation rate limit.
    case rateLimited = "RATE_LIMITED"
    /// The platform needs a connection that is not there.
    case notConnected = "NOT_CONNECTED"
    /// The platform refused the connection's token; connect again.
    case reconnectRequired = "RECONNECT_REQUIRED"
    case platformRateLimited = "PLATFORM_RATE_LIMITED"
    case platformUnavailable = "PLATFORM_UNAVAILABLE"
    case platformInvalidRequest = "PLATFORM_INVALID_REQUEST"
    case platformError = "PLATFORM_ERROR"
    /// The request ran past its statement timeout.
    case timeout = "TIMEOUT"
    /// A row lock was not granted within the lock timeout.
    case lockTimeout = "LOCK_TIMEOUT"
    /// An earlier error aborted the request's transaction.
    case requestAborted = "REQUEST_ABORTED"
    case serviceUnavailable = "SERVICE_UNAVAILABLE"
    // HTTP-level refusals (the response has no `data`).
    case badRequest = "BAD_REQUEST"
    case unauthenticated = "UNAUTHENTICATED"
    case notAcceptable = "NOT_ACCEPTABLE"
    case persistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND"
    case persistedQueryNotSupported = "PERSISTED_QUERY_NOT_SUPPORTED"
    case originNotAllowed = "ORIGIN_NOT_ALLOWED"
}

extension UserError {
    init(_ message: String, code: APIErrorCode, extensions: JSONObject = JSONObject()) {
        self.init(message, code: code.rawValue, extensions: extensions)
    }

    /// A refused argument, `BAD_USER_INPUT` naming its path in `extensions.field`, one way everywhere.
    static func badInput(_ message: String, field: String, _ more: [(String, JSON)] = []) -> UserError {
        UserError(message, code: .badUserInput, extensions: JSONObject([("field", .string(field))] + more))
    }

    /// `NOT_FOUND` for `what` ("Campaign", "Ad creative").
    static func notFound(_ what: String) -> UserError {
        UserError("\(what) not found.", code: .notFound)
    }
}

/// A domain error the API presents as a `UserError` it builds from the error's case: its message, code and
/// extensions are that error's.
protocol PresentedAsUserError: GraphQLErrorConvertible {
    var presented: UserError { get }
}

extension PresentedAsUserError {
    public var graphQLMessage: String { presented.graphQLMessage }
    public var graphQLCode: String { presented.graphQLCode }
    public var graphQLExtensions: JSONObject { presented.graphQLExtensions }
}
