import Campaigns
import GraphQL

extension Resolvers {
    /// A synchronous batch resolver (the executor runs synchronously) whose parents arrive as `Parent`:
    /// called once per level with every parent, so nested lists cost one statement per level.
    mutating func batch<Parent, T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type,
        _ resolve: @escaping @Sendable ([Parent], TenantSession) throws -> [T]
    ) {
        batchField(typeName, fieldName) { (batch: BatchFieldContext) throws -> [T] in
            let session = try batch.context(as: RequestContext.self).session
            return try resolve(try batch.parents(as: Parent.self), session)
        }
    }
}
