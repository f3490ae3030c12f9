/// A real schema answers the limit checks' questions directly.
extension GraphQLSchema: QueryShapeSchema {
    public func rootTypeName(for operation: OperationType) -> String? {
        rootType(for: operation)?.name
    }

    public func fieldShape(typeName: String, fieldName: String) -> QueryFieldShape? {
        guard let parent = type(named: typeName), let field = field(named: fieldName, in: parent) else { return nil }
        return QueryFieldShape(typeName: field.type.namedType.name, isList: field.type.hasListWrapperAtAnyLevel)
    }
}

extension GraphQLType {
    /// True when a list wrapper appears at any level (`[T]`, `[T!]!`, `[[T]]`).
    fileprivate var hasListWrapperAtAnyLevel: Bool {
        switch self {
        case .named: false
        case .list: true
        case .nonNull(let inner): inner.hasListWrapperAtAnyLevel
        }
    }
}
