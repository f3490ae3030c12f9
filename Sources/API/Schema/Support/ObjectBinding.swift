import Campaigns
import Foundation
import GraphQL

/// The resolvers of one GraphQL object type whose values are `Parent`: the type's name is written once, where
/// the block begins, and each field receives its parent already as `Parent`.
///
///     resolvers.object("Campaign", of: Campaign.self) { object in
///         object.field("name") { campaign, _ in campaign.name }
///         object.batch("budget") { campaigns, session in … }
///     }
struct ObjectBinding<Parent> {
    let typeName: String
    fileprivate var resolvers = Resolvers()

    /// A field computed from its parent (and the field's context: arguments, request).
    mutating func field<T: ResolvedValueConvertible>(_ fieldName: String, _ resolve: @escaping @Sendable (Parent, FieldContext) throws -> T) {
        resolvers.field(typeName, fieldName, on: Parent.self, resolve)
    }

    /// A field resolved for every parent of a level at once (one statement per level, not per parent).
    mutating func batch<T: ResolvedValueConvertible>(_ fieldName: String, _ resolve: @escaping @Sendable ([Parent], TenantSession) throws -> [T]) {
        resolvers.batch(typeName, fieldName, on: Parent.self, resolve)
    }

    /// A batched field that reads its arguments: called once per level and set of arguments.
    mutating func batchField<T: ResolvedValueConvertible>(
        _ fieldName: String, _ resolve: @escaping @Sendable ([Parent], BatchFieldContext) throws -> [T]
    ) {
        resolvers.batchField(typeName, fieldName) { (batch: BatchFieldContext) throws -> [T] in
            try resolve(try batch.parents(as: Parent.self), batch)
        }
    }

    /// A field that is the campaign its parent names (see ``Resolvers/campaign(_:_:on:id:)``).
    mutating func campaign(_ fieldName: String, id: @escaping @Sendable (Parent) -> UUID?) {
        resolvers.campaign(typeName, fieldName, on: Parent.self, id: id)
    }
}

extension Resolvers {
    /// Binds a field of the `Query` root type.
    mutating func query<T: ResolvedValueConvertible>(_ fieldName: String, _ resolve: @escaping @Sendable (FieldContext) throws -> T) {
        field("Query", fieldName, resolve)
    }

    /// Binds the fields of the object type `typeName`, whose values are `Parent`.
    mutating func object<Parent>(_ typeName: String, of parentType: Parent.Type, _ bind: (inout ObjectBinding<Parent>) -> Void) {
        var binding = ObjectBinding<Parent>(typeName: typeName)
        bind(&binding)
        merge(binding.resolvers)
    }
}
