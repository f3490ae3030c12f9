/// Spec §5.8.4 All Variables Used: every variable an operation defines must be used by it or
/// by a fragment it spreads.
final class NoUnusedVariablesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.leaveOperation]
    init(context: ValidationContext) { self.context = context }

    func leaveOperation(_ node: OperationDefinition) {
        let used = Set(context.recursiveVariableUsages(ofOperation: context.currentOperationIndex).map(\.node.name.value))
        for definition in node.variableDefinitions {
            let name = definition.variable.name.value
            if used.contains(name) { continue }
            let message = node.name.map { "Variable \"$\(name)\" is never used in operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is never used."
            context.report(message, at: definition.sourceLocation)
        }
    }
}
