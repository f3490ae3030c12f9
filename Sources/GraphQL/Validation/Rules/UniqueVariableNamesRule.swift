/// Spec §5.8.1 Variable Uniqueness.
final class UniqueVariableNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterOperation]
    init(context: ValidationContext) { self.context = context }

    func enterOperation(_ node: OperationDefinition) {
        let groups = groupedByName(node.variableDefinitions) { $0.variable.name.value }
        for (name, definitions) in groups where definitions.count > 1 {
            context.report(
                "There can be only one variable named \"$\(name)\".",
                definitions.map(\.variable.name.sourceLocation)
            )
        }
    }
}

/// Groups items by a name, keeping the order in which names first appear (graphql-js `groupBy`).
func groupedByName<T>(_ items: [T], _ name: (T) -> String) -> [(String, [T])] {
    var groups: [(String, [T])] = []
    var indexByName: [String: Int] = [:]
    for item in items {
        let key = name(item)
        if let index = indexByName[key] {
            groups[index].1.append(item)
        } else {
            indexByName[key] = groups.count
            groups.append((key, [item]))
        }
    }
    return groups
}
