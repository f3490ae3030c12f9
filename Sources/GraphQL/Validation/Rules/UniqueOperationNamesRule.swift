/// Spec §5.2.2.1 Operation Name Uniqueness.
final class UniqueOperationNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterOperation]
    private var firstNameNodes: [String: Name] = [:]
    init(context: ValidationContext) { self.context = context }

    func enterOperation(_ node: OperationDefinition) {
        guard let name = node.name else { return }
        if let first = firstNameNodes[name.value] {
            context.report(
                "There can be only one operation named \"\(name.value)\".",
                [first.sourceLocation, name.sourceLocation]
            )
        } else {
            firstNameNodes[name.value] = name
        }
    }
}
