/// Spec §5.5.1.2 Fragment Spread Type Existence and §5.8.2 (variable types): every type named
/// in the document must exist in the schema.
final class KnownTypeNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterNamedType]
    /// Types a document defines itself also count as known (graphql-js does the same).
    private let documentTypeNames: Set<String>
    init(context: ValidationContext) {
        self.context = context
        var names = Set<String>()
        for case .type(let definition) in context.document.definitions { names.insert(definition.name.value) }
        documentTypeNames = names
    }

    /// Built-in scalars and introspection types, which type-system definitions may always name.
    private static let standardTypeNames = [
        "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Directive", "__DirectiveLocation",
        "__Type", "__Field", "__InputValue", "__EnumValue", "__TypeKind",
    ]

    func enterNamedType(_ node: NamedType) {
        let name = node.name.value
        if context.schema.type(named: name) != nil || documentTypeNames.contains(name) { return }
        let inTypeSystem = context.typeInfo.inTypeSystemDefinition
        if inTypeSystem && Self.standardTypeNames.contains(name) { return }
        let candidates = (inTypeSystem ? Self.standardTypeNames : [])
            + context.schema.types.map(\.name) + documentTypeNames.sorted()
        context.report(
            "Unknown type \"\(name)\"." + didYouMean(suggestionList(name, candidates)),
            at: node.sourceLocation
        )
    }
}
