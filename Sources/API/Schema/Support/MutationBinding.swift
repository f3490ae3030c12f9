import Campaigns
import GraphQL
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
        field("Mutation", fieldName) { context in
            try ArgumentLimits.check(context)
            let request = try context.request
            try MutationRateLimit.take(for: fieldName, in: request)
            let session = request.session
            let connection = try session.connection
            try connection.execute("SAVEPOINT mutation_field")
            let value: T
            do {
                value = try resolve(context, session)
            } catch {
                try connection.execute("ROLLBACK TO SAVEPOINT mutation_field")
                try connection.execute("RELEASE SAVEPOINT mutation_field")
                throw StoredDataRefusal.userError(for: error) ?? error
            }
            try connection.execute("RELEASE SAVEPOINT mutation_field")
            return value
        }
    }
}
