/// What a resolver hands back to the executor, before it is completed against the field's type.
///
/// Leaves (scalars, enum names) travel as `.json`; a Swift value that has fields of its own travels as
/// `.object` and becomes the parent of the next level's resolvers. A JSON object is also a valid parent:
/// default resolvers read its fields by name.
public enum ResolvedValue: Sendable {
    case null
    /// A leaf, a list of leaves, or a dictionary-like parent (read with default resolvers).
    case json(JSON)
    case list([ResolvedValue])
    /// A Swift value with fields; `typeName` names its concrete object type when the field is abstract.
    case object(any Sendable, typeName: String? = nil)
    /// The field's value already completed and written as JSON, by a resolver that answered the field's whole
    /// selection at once (a read planned into one statement). The executor copies it into the response as is.
    case serialized(SerializedJSON)

    /// The concrete object type this value declares for itself: an explicit `typeName`, a
    /// `GraphQLObject`'s `graphQLTypeName`, or a JSON object's `__typename` key.
    public var declaredTypeName: String? {
        switch self {
        case .object(let value, let typeName):
            if let typeName { return typeName }
            return (value as? any GraphQLObject)?.graphQLTypeName
        case .json(.object(let object)):
            if case .string(let name)? = object["__typename"] { return name }
            return nil
        default:
            return nil
        }
    }

    /// The wrapped Swift value, when it is an `.object` of type `T`.
    @inlinable
    public func value<T>(as type: T.Type) -> T? {
        if case .object(let value, _) = self { return value as? T }
        return nil
    }

    /// The JSON value, when this is `.json`.
    public var jsonValue: JSON? {
        if case .json(let json) = self { return json }
        return nil
    }

    /// True for `.null` and `.json(.null)`.
    public var isNull: Bool {
        switch self {
        case .null, .json(.null): true
        default: false
        }
    }
}

/// Anything a resolver may return: scalars, optionals, arrays, JSON, `ResolvedValue` and `GraphQLObject`s.
public protocol ResolvedValueConvertible: Sendable {
    var resolvedValue: ResolvedValue { get }
}

/// A Swift value exposed as a GraphQL object; its fields come from resolvers registered for its type.
///
/// Override `graphQLTypeName` when the value can appear where an interface or union is expected, so
/// the executor knows which concrete type it is without a `resolveType` hook.
public protocol GraphQLObject: ResolvedValueConvertible {
    var graphQLTypeName: String? { get }
}

extension GraphQLObject {
    public var graphQLTypeName: String? { nil }
    public var resolvedValue: ResolvedValue { .object(self, typeName: graphQLTypeName) }
}

/// A Swift value whose fields can be read by name, so types using default resolvers need no code.
public protocol GraphQLFieldReadable: Sendable {
    /// The value of the field `name`, or `nil` when the value has no such field (resolves to null).
    func graphQLField(_ name: String) -> ResolvedValue?
}

extension ResolvedValue: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { self }
}

extension JSON: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(self) }
}

extension JSONObject: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.object(self)) }
}

extension String: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.string(self)) }
}

extension Substring: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.string(String(self))) }
}

extension Int: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.int(self)) }
}

extension Int32: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.int(Int(self))) }
}

extension Int64: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.int(Int(self))) }
}

extension Double: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.double(self)) }
}

extension Float: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.double(Double(self))) }
}

extension Bool: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .json(.bool(self)) }
}

extension Optional: ResolvedValueConvertible where Wrapped: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue {
        switch self {
        case .some(let wrapped): wrapped.resolvedValue
        case .none: .null
        }
    }
}

extension Array: ResolvedValueConvertible where Element: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .list(map { $0.resolvedValue }) }
}

extension RawRepresentable where Self: ResolvedValueConvertible, RawValue == String {
    /// Swift enums backed by strings serialize as GraphQL enum values by raw value.
    public var resolvedValue: ResolvedValue { .json(.string(rawValue)) }
}

/// A field's completed value as JSON text. Whoever builds one vouches that it is what completing the field's
/// value against its selection would have written: the executor neither checks nor descends into it.
public struct SerializedJSON: Sendable {
    public let bytes: [UInt8]

    public init(completed bytes: [UInt8]) {
        self.bytes = bytes
    }
}

extension SerializedJSON: ResolvedValueConvertible {
    public var resolvedValue: ResolvedValue { .serialized(self) }
}
