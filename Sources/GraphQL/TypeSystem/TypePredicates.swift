/// graphql-js style predicates over wrapped types: each looks through list and non-null
/// wrappers to the named type, as the spec's `IsInputType`/`IsOutputType` algorithms do.

@inlinable public func isInputType(_ type: GraphQLType) -> Bool { type.namedType.isInputType }
@inlinable public func isOutputType(_ type: GraphQLType) -> Bool { type.namedType.isOutputType }

/// True only for unwrapped leaf types, as graphql-js's `isLeafType` (a list of leaves is not a leaf).
@inlinable public func isLeafType(_ type: GraphQLType) -> Bool {
    if case .named(let named) = type { return named.isLeafType }
    return false
}

/// True only for unwrapped composite types.
@inlinable public func isCompositeType(_ type: GraphQLType) -> Bool {
    if case .named(let named) = type { return named.isCompositeType }
    return false
}

/// True only for unwrapped abstract types.
@inlinable public func isAbstractType(_ type: GraphQLType) -> Bool {
    if case .named(let named) = type { return named.isAbstractType }
    return false
}

@inlinable public func namedType(_ type: GraphQLType) -> GraphQLNamedType { type.namedType }
@inlinable public func nullableType(_ type: GraphQLType) -> GraphQLType { type.nullableType }

/// True when a value of `type` is never null and has no default, so it must be supplied
/// (graphql-js `isRequiredArgument` / `isRequiredInputField`).
@inlinable public func isRequiredInputValue(_ value: GraphQLInputValue) -> Bool {
    value.type.isNonNull && value.defaultValue == nil
}

/// Two types are equal when they wrap the same named type in the same way (graphql-js `isEqualType`).
@inlinable public func isEqualType(_ a: GraphQLType, _ b: GraphQLType) -> Bool { a == b }
