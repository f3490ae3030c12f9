/// Spec §5.6.3 Input Object Field Uniqueness.
final class UniqueInputFieldNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterValue, .leaveValue, .enterObjectField]
    /// Names seen in each enclosing object literal, innermost last.
    private var knownNames: [[String: Name]] = []
    init(context: ValidationContext) { self.context = context }

    func enterValue(_ node: ValueNode) {
        if case .object = node { knownNames.append([:]) }
    }

    func leaveValue(_ node: ValueNode) {
        if case .object = node { knownNames.removeLast() }
    }

    func enterObjectField(_ node: ObjectField) {
        let name = node.name.value
        if let first = knownNames[knownNames.count - 1][name] {
            context.report("There can be only one input field named \"\(name)\".", [first.sourceLocation, node.name.sourceLocation])
        } else {
            knownNames[knownNames.count - 1][name] = node.name
        }
    }
}
