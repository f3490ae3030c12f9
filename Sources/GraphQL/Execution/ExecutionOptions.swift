/// Per-server execution settings.
public struct ExecutionOptions: Sendable {
    /// When false, `__schema` and `__type` fail with code `INTROSPECTION_DISABLED` (e.g. in production).
    public var allowIntrospection: Bool
    /// Receives every error a resolver threw that is not client-facing, before it is masked as
    /// `Internal server error`: the place to log it.
    public var logInternalError: (@Sendable (_ error: any Error, _ path: [PathComponent]) -> Void)?
    /// Turns an error of a lower layer that is the client's to know about (a time limit, say) into a
    /// client-facing one; `nil` leaves it to be masked.
    public var presentError: (@Sendable (_ error: any Error) -> (any GraphQLErrorConvertible)?)?
    /// Operation selection and variable coercion errors carry `OPERATION_RESOLUTION_FAILURE` and `BAD_USER_INPUT`.
    public var requestErrorCodes = false

    public init(
        allowIntrospection: Bool = true,
        logInternalError: (@Sendable (_ error: any Error, _ path: [PathComponent]) -> Void)? = nil,
        presentError: (@Sendable (_ error: any Error) -> (any GraphQLErrorConvertible)?)? = nil
    ) {
        self.allowIntrospection = allowIntrospection
        self.logInternalError = logInternalError
        self.presentError = presentError
    }
}
