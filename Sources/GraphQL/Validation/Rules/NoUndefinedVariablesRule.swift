/// Spec §5.8.3 All Variable Uses Defined: every variable used by an operation, directly or in
/// the fragments it spreads, must be defined by that operation. Reported per usage.
final class NoUndefinedVariablesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.leaveOperation]
    init(context: ValidationContext) { self.context = context }

    func leaveOperation(_ node: OperationDefinition) {
        let defined = Set(node.variableDefinitions.map(\.variable.name.value))
        for usage in context.recursiveVariableUsages(ofOperation: context.currentOperationIndex) {
            let name = usage.node.name.value
            if defined.contains(name) { continue }
            let message = node.name.map { "Variable \"$\(name)\" is not defined by operation \"\($0.value)\"." }
                ?? "Variable \"$\(name)\" is not defined."
            context.report(message, [usage.node.sourceLocation, node.sourceLocation])
        }
    }
}
