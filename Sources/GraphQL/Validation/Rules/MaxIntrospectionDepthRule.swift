/// graphql-js's recommended rule (part of its `specifiedRules` since v16.9): introspection
/// queries may nest the list fields `fields`, `interfaces`, `possibleTypes` and `inputFields`
/// at most twice, which stops cheap queries from making the server walk the schema
/// exponentially.
final class MaxIntrospectionDepthRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField, .leaveField]
    private static let maxListsDepth = 3
    /// Field nesting depth, and the depth of a reported field whose subtree is not rechecked.
    private var fieldDepth = 0
    private var skipBelow: Int?
    init(context: ValidationContext) { self.context = context }

    func leaveField(_ node: Field) {
        if skipBelow == fieldDepth { skipBelow = nil }
        fieldDepth -= 1
    }

    func enterField(_ node: Field) {
        fieldDepth += 1
        if skipBelow != nil { return }
        let name = node.name.value
        guard name == "__schema" || name == "__type" else { return }
        var visitedFragments = Set<String>()
        if exceedsDepth(node.selectionSet, &visitedFragments, depth: 0) {
            context.report("Maximum introspection depth exceeded", at: node.sourceLocation)
            skipBelow = fieldDepth
        }
    }

    private func exceedsDepth(_ selectionSet: SelectionSet?, _ visitedFragments: inout Set<String>, depth: Int) -> Bool {
        guard let selectionSet else { return false }
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var fieldDepth = depth
                switch field.name.value {
                case "fields", "interfaces", "possibleTypes", "inputFields":
                    fieldDepth += 1
                    if fieldDepth >= Self.maxListsDepth { return true }
                default:
                    break
                }
                if exceedsDepth(field.selectionSet, &visitedFragments, depth: fieldDepth) { return true }
            case .inlineFragment(let inline):
                if exceedsDepth(inline.selectionSet, &visitedFragments, depth: depth) { return true }
            case .fragmentSpread(let spread):
                let name = spread.name.value
                guard !visitedFragments.contains(name), let fragment = context.fragment(named: name) else { continue }
                visitedFragments.insert(name)
                defer { visitedFragments.remove(name) }
                if exceedsDepth(fragment.selectionSet, &visitedFragments, depth: depth) { return true }
            }
        }
        return false
    }
}
