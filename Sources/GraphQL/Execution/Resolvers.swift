/// Binds an SDL schema's fields to Swift code, by type name and field name.
///
/// ```swift
/// var resolvers = Resolvers()
/// resolvers.field("Query", "campaigns") { ctx in try await store.campaigns(ctx.context(as: Org.self)) }
/// resolvers.batchField("Campaign", "units") { batch in try await store.units(of: batch.parents(as: Campaign.self)) }
/// resolvers.defaultResolvers(for: "Money")   // fields read by name from a JSON object / GraphQLFieldReadable
/// ```
/// `ExecutableSchema` checks the bindings against the schema when it is created.
public struct Resolvers: Sendable {
    @usableFromInline var fields: [String: [String: FieldResolver]] = [:]
    var typeResolvers: [String: TypeResolver] = [:]
    var defaultTypes: Set<String> = []
    var defaultForAllTypes = false

    public init() {}

    /// Adds every binding of `other` (e.g. one `Resolvers` per domain module); `other` wins on conflicts.
    public mutating func merge(_ other: Resolvers) {
        for (typeName, fields) in other.fields {
            self.fields[typeName, default: [:]].merge(fields) { _, new in new }
        }
        typeResolvers.merge(other.typeResolvers) { _, new in new }
        defaultTypes.formUnion(other.defaultTypes)
        defaultForAllTypes = defaultForAllTypes || other.defaultForAllTypes
    }

    /// A synchronous (possibly throwing) resolver. Bound on an interface, it serves every implementing
    /// object type that has no resolver of its own for the field.
    @inlinable
    public mutating func field<T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String,
        _ resolve: @escaping @Sendable (FieldContext) throws -> T
    ) {
        fields[typeName, default: [:]][fieldName] = .sync { try resolve($0).resolvedValue }
    }

    /// An `async` resolver; resolvers of the same level run concurrently.
    @inlinable
    public mutating func field<T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String,
        _ resolve: @escaping @Sendable (FieldContext) async throws -> T
    ) {
        fields[typeName, default: [:]][fieldName] = .async { try await resolve($0).resolvedValue }
    }

    /// A batch resolver: called once per level and argument set with every parent that selected the
    /// field, it returns one value per parent in the same order (no N+1 queries).
    @inlinable
    public mutating func batchField<T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String,
        _ resolve: @escaping @Sendable (BatchFieldContext) throws -> [T]
    ) {
        fields[typeName, default: [:]][fieldName] = .batchSync { try resolve($0).map { $0.resolvedValue } }
    }

    /// An `async` batch resolver.
    @inlinable
    public mutating func batchField<T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String,
        _ resolve: @escaping @Sendable (BatchFieldContext) async throws -> [T]
    ) {
        fields[typeName, default: [:]][fieldName] = .batchAsync { try await resolve($0).map { $0.resolvedValue } }
    }

    /// A synchronous resolver that receives its parent already cast to the server's Swift type:
    /// `resolvers.field("Campaign", "name", on: Campaign.self) { campaign, _ in campaign.name }`.
    @inlinable
    public mutating func field<Parent, T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type,
        _ resolve: @escaping @Sendable (Parent, FieldContext) throws -> T
    ) {
        fields[typeName, default: [:]][fieldName] = .sync { context in
            try resolve(try context.parent(as: Parent.self), context).resolvedValue
        }
    }

    /// An `async` resolver that receives its parent already cast to the server's Swift type.
    @inlinable
    public mutating func field<Parent, T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type,
        _ resolve: @escaping @Sendable (Parent, FieldContext) async throws -> T
    ) {
        fields[typeName, default: [:]][fieldName] = .async { context in
            try await resolve(try context.parent(as: Parent.self), context).resolvedValue
        }
    }

    /// An `async` batch resolver that receives the parents already cast to the server's Swift type.
    @inlinable
    public mutating func batchField<Parent, T: ResolvedValueConvertible>(
        _ typeName: String, _ fieldName: String, on parentType: Parent.Type,
        _ resolve: @escaping @Sendable ([Parent], BatchFieldContext) async throws -> [T]
    ) {
        fields[typeName, default: [:]][fieldName] = .batchAsync { batch in
            try await resolve(try batch.parents(as: Parent.self), batch).map { $0.resolvedValue }
        }
    }

    /// Names the concrete object type of a value where an interface or union is expected, for values
    /// that do not carry a type name themselves. Return `nil` when unknown (a field error).
    public mutating func resolveType(
        _ abstractTypeName: String,
        _ resolve: @escaping @Sendable (ResolvedValue, _ context: any Sendable) -> String?
    ) {
        typeResolvers[abstractTypeName] = TypeResolver(resolve: resolve)
    }

    /// Fields of `typeName` without an explicit resolver read the parent by field name: a JSON object's
    /// key, or `GraphQLFieldReadable.graphQLField(_:)`.
    public mutating func defaultResolvers(for typeName: String) {
        defaultTypes.insert(typeName)
    }

    /// Every object type uses default resolvers where no explicit resolver exists (e.g. a JSON root value).
    public mutating func useDefaultResolversForAllTypes() {
        defaultForAllTypes = true
    }
}

/// How one field is resolved; the executor switches on this instead of calling through existentials.
@usableFromInline
enum FieldResolver: Sendable {
    case sync(@Sendable (FieldContext) throws -> ResolvedValue)
    case async(@Sendable (FieldContext) async throws -> ResolvedValue)
    case batchSync(@Sendable (BatchFieldContext) throws -> [ResolvedValue])
    case batchAsync(@Sendable (BatchFieldContext) async throws -> [ResolvedValue])
    /// Read the field by name from a dictionary-like parent.
    case byName
}

struct TypeResolver: Sendable {
    var resolve: @Sendable (ResolvedValue, any Sendable) -> String?
}
