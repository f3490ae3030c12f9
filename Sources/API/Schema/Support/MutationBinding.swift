import Campaigns
import GraphQL
import Integrations
import Postgres

extension Resolvers {
    /// Binds a `Mutation` field that is atomic on its own: it runs inside a SAVEPOINT of the request's
    /// transaction, rolled back when the resolver throws, so a refused mutation leaves nothing written
    /// while earlier mutation fields of the same request keep their effects. Mutation fields run one
    /// at a time, so one savepoint name suffices. Its arguments are checked against ``ArgumentLimits`` first,
    /// and the organization's rate limit (``MutationRateLimit``) is taken.
    mutating func mutation<T: ResolvedValueConvertible>(
        _ fieldName: String, _ resolve: @escaping @Sendable (FieldContext, TenantSession) throws -> T
    ) {
        savepointed(fieldName, keepsWrites: { _ in false }) { context, request in try resolve(context, request.session) }
    }

    /// A `Mutation` field that talks to a platform. Like ``mutation(_:_:)`` it runs in a savepoint rolled back
    /// when the input is refused; but once a platform was involved, what was written stays even when the call
    /// fails: a consumed state, tokens the platform just rotated, an integration marked disconnected.
    mutating func platformMutation<T: ResolvedValueConvertible>(
        _ fieldName: String, _ resolve: @escaping @Sendable (FieldContext, RequestContext) throws -> T
    ) {
        savepointed(fieldName, keepsWrites: { error in
            switch error {
            case is PlatformError: return true
            case IntegrationError.reconnectRequired, IntegrationError.codeRejected: return true
            default: return false
            }
        }, resolve)
    }

    private mutating func savepointed<T: ResolvedValueConvertible>(
        _ fieldName: String, keepsWrites: @escaping @Sendable (any Error) -> Bool,
        _ resolve: @escaping @Sendable (FieldContext, RequestContext) throws -> T
    ) {
        field("Mutation", fieldName) { context in
            try ArgumentLimits.check(context)
            let request = try context.request
            try MutationRateLimit.take(for: fieldName, in: request)
            let connection = try request.session.connection
            try connection.execute("SAVEPOINT mutation_field")
            do {
                let value = try resolve(context, request)
                try connection.execute("RELEASE SAVEPOINT mutation_field")
                return value
            } catch {
                if !keepsWrites(error) { try connection.execute("ROLLBACK TO SAVEPOINT mutation_field") }
                try connection.execute("RELEASE SAVEPOINT mutation_field")
                throw StoredDataRefusal.userError(for: error) ?? error
            }
        }
    }
}
