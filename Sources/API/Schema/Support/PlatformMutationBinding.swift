import GraphQL
import Integrations

extension Resolvers {
    /// A `Mutation` field that talks to a platform. Like ``mutation(_:_:)`` it runs in a savepoint rolled back
    /// when the input is refused; but once a platform was involved, what was written stays even when the call
    /// fails: a consumed state, tokens the platform just rotated, an integration marked disconnected.
    mutating func platformMutation<T: ResolvedValueConvertible>(
        _ fieldName: String, _ resolve: @escaping @Sendable (FieldContext, RequestContext) throws -> T
    ) {
        field("Mutation", fieldName) { context in
            try ArgumentLimits.check(context)
            let request = try context.request
            try MutationRateLimit.take(for: fieldName, in: request)
            let connection = try request.session.connection
            try connection.execute("SAVEPOINT platform_mutation")
            do {
                let value = try resolve(context, request)
                try connection.execute("RELEASE SAVEPOINT platform_mutation")
                return value
            } catch {
                if !Self.keepsWrites(error) {
                    try connection.execute("ROLLBACK TO SAVEPOINT platform_mutation")
                }
                try connection.execute("RELEASE SAVEPOINT platform_mutation")
                throw error
            }
        }
    }

    /// Whether writes made before `error` stay: refused input leaves nothing behind, but a platform contacted
    /// may have consumed a code or rotated a token, and a disconnection must be recorded.
    private static func keepsWrites(_ error: any Error) -> Bool {
        switch error {
        case is PlatformError: return true
        case IntegrationError.reconnectRequired, IntegrationError.codeRejected: return true
        default: return false
        }
    }
}
