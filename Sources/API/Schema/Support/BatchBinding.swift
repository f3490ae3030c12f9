import Campaigns
import Foundation
import GraphQL

extension Resolvers {
    private static let campaigns = CampaignService()

    /// A synchronous batch resolver (the executor runs synchronously) whose parents arrive as `Parent`:
    /// called once per level with every parent, so nested lists cost one statement per level.
    mutating func batch<Parent, T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type,
        _ resolve: @escaping @Sendable ([Parent], TenantSession) throws -> [T]
    ) {
        batchField(typeName, fieldName) { (batch: BatchFieldContext) throws -> [T] in
            let session = try batch.session
            return try resolve(try batch.parents(as: Parent.self), session)
        }
    }

    /// A field that is the campaign its parent names (`nil` when it names none, or one the organization no longer
    /// has), every parent of a level found with one statement.
    mutating func campaign<Parent>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type, id: @escaping @Sendable (Parent) -> UUID?
    ) {
        batch(typeName, fieldName, on: parentType) { parents, session -> [Campaign?] in
            let campaigns = try Self.campaigns.campaigns(ids: Array(Set(parents.compactMap(id))), in: session)
            return parents.map { parent in id(parent).flatMap { campaigns[$0] } }
        }
    }
}
