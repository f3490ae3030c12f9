/// Everything a field resolver gets: the parent value, the coerced arguments, the request context
/// the server passed to `execute`, and information about the field being resolved.
public struct FieldContext: ResolverContext {
    /// The value the parent field resolved to (the root value for root fields).
    public let parent: ResolvedValue
    /// Arguments after coercion, defaults applied; absent optional arguments are missing keys.
    public let arguments: JSONObject
    /// The opaque per-request value given to `execute` (e.g. the caller's organization).
    public let context: any Sendable
    public let info: ResolveInfo

    /// The parent's Swift value; throws (masked as an internal error) when it has another type.
    @inlinable
    public func parent<T>(as type: T.Type) throws -> T {
        guard let value = parent.value(as: T.self) else { throw mismatch(T.self) }
        return value
    }
}

/// What a batch resolver gets: every parent at this level that selected the field with the same
/// arguments, so one query loads all their children.
public struct BatchFieldContext: ResolverContext {
    /// The parents, in response order; the resolver returns one value per parent, in the same order.
    public let parents: [ResolvedValue]
    public let arguments: JSONObject
    public let context: any Sendable
    /// Information about the field; `path` is the first parent's occurrence.
    public let info: ResolveInfo

    /// All parents as the server's Swift type; throws (masked as an internal error) on a mismatch.
    @inlinable
    public func parents<T>(as type: T.Type) throws -> [T] {
        try parents.map { parent in
            guard let value = parent.value(as: T.self) else { throw mismatch(T.self) }
            return value
        }
    }
}

/// What single and batch resolvers' contexts share, and the accessors written once for both.
public protocol ResolverContext: Sendable {
    /// Arguments after coercion, defaults applied; absent optional arguments are missing keys.
    var arguments: JSONObject { get }
    /// The opaque per-request value given to `execute` (e.g. the caller's organization).
    var context: any Sendable { get }
    var info: ResolveInfo { get }
}

extension ResolverContext {
    /// The request context as the server's type; throws (masked as an internal error) otherwise.
    @inlinable
    public func context<T>(as type: T.Type) throws -> T {
        guard let value = context as? T else { throw mismatch(T.self) }
        return value
    }

    /// A coerced argument by name, if given or defaulted.
    @inlinable
    public func argument(_ name: String) -> JSON? { arguments[name] }

    @usableFromInline
    func mismatch<T>(_ type: T.Type) -> ResolverTypeMismatch {
        ResolverTypeMismatch(expected: "\(T.self)", field: info.parentType.name + "." + info.fieldName)
    }
}

/// Static and positional facts about the field being resolved. Cheap to pass: the path is only
/// computed when asked for.
public struct ResolveInfo: Sendable {
    let plan: FieldPlan
    let position: ResultPosition

    public var fieldName: String { plan.fieldName }
    /// The key the value appears under in the response (the alias, if any).
    public var responseKey: String { plan.responseKey }
    public var parentType: GraphQLObjectType { plan.parentType }
    public var returnType: GraphQLType { plan.returnType }
    public var fieldDefinition: GraphQLField { plan.field }
    public var schema: GraphQLSchema { plan.shared.schema }
    /// The field's nodes in the document (several when the same response key is selected twice).
    public var fieldNodes: [Field] { plan.nodes }
    public var operation: OperationDefinition { plan.shared.operation }
    public var variables: JSONObject { plan.shared.variables }
    /// The response path to this field, list indices included (available while the result is alive).
    public var path: [PathComponent] { position.path }
}

/// Thrown by the typed accessors of `FieldContext` when the server wired a value of the wrong type.
@usableFromInline
struct ResolverTypeMismatch: Error, CustomStringConvertible {
    @usableFromInline var expected: String
    @usableFromInline var field: String

    @usableFromInline
    init(expected: String, field: String) {
        self.expected = expected
        self.field = field
    }

    @usableFromInline var description: String { "Resolver for \(field) expected a value of type \(expected)" }
}
