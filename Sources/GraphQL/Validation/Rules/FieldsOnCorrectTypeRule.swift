/// Spec §5.3.1 Field Selections: a selected field must exist on the parent type. Suggests
/// types to fragment on (for abstract parents) or similarly named fields, as graphql-js does.
final class FieldsOnCorrectTypeRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField]
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) {
        guard let parentType = context.typeInfo.parentType, context.typeInfo.fieldDef == nil else { return }
        let fieldName = node.name.value
        var suggestion = didYouMean("to use an inline fragment on", suggestedTypeNames(parentType, fieldName))
        if suggestion.isEmpty {
            suggestion = didYouMean(suggestionList(fieldName, parentType.fields.map(\.name)))
        }
        context.report(
            "Cannot query field \"\(fieldName)\" on type \"\(parentType.name)\"." + suggestion,
            at: node.sourceLocation
        )
    }

    /// Possible types (and their interfaces) that do have the field, most used first, super
    /// types before subtypes, then by name.
    private func suggestedTypeNames(_ type: GraphQLNamedType, _ fieldName: String) -> [String] {
        guard type.isAbstractType else { return [] }
        let schema = context.schema
        var suggested: [GraphQLNamedType] = []
        var usageCount: [String: Int] = [:]
        for possibleType in schema.possibleTypes(of: type) {
            guard possibleType.field(named: fieldName) != nil else { continue }
            if usageCount[possibleType.name] == nil { suggested.append(.object(possibleType)) }
            usageCount[possibleType.name] = 1
            for interface in possibleType.interfaces {
                guard interface.field(named: fieldName) != nil else { continue }
                if usageCount[interface.name] == nil { suggested.append(.interface(interface)) }
                usageCount[interface.name, default: 0] += 1
            }
        }
        suggested.sort { a, b in
            let countA = usageCount[a.name] ?? 0
            let countB = usageCount[b.name] ?? 0
            if countA != countB { return countA > countB }
            if case .interface = a, schema.isSubType(abstract: a, maybeSub: b) { return true }
            if case .interface = b, schema.isSubType(abstract: b, maybeSub: a) { return false }
            return naturalCompare(a.name, b.name) < 0
        }
        return suggested.map(\.name)
    }
}
