/// What the limit checks need to know about a schema: the root types and, for each field,
/// the named type it returns and whether it returns a list.
///
/// Kept as a small protocol so the checks do not depend on how the schema is modelled and can be
/// tested against a hand-written table.
public protocol QueryShapeSchema: Sendable {
    /// The name of the root type for an operation kind, if the schema supports that kind.
    func rootTypeName(for operation: OperationType) -> String?
    /// The field `fieldName` on the object, interface or union `typeName`, if it exists.
    func fieldShape(typeName: String, fieldName: String) -> QueryFieldShape?
}

/// A field's result as the cost estimate sees it.
public struct QueryFieldShape: Sendable, Hashable {
    /// The named type at the core of the field's type (`Campaign` for `[Campaign!]!`).
    public var typeName: String
    /// True when any list wrapper is present, so the children repeat per item.
    public var isList: Bool

    public init(typeName: String, isList: Bool) {
        self.typeName = typeName
        self.isList = isList
    }
}
