/// Spec §5.5.1.1 Fragment Name Uniqueness.
final class UniqueFragmentNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterFragmentDefinition]
    private var firstNameNodes: [String: Name] = [:]
    init(context: ValidationContext) { self.context = context }

    func enterFragmentDefinition(_ node: FragmentDefinition) {
        let name = node.name
        if let first = firstNameNodes[name.value] {
            context.report(
                "There can be only one fragment named \"\(name.value)\".",
                [first.sourceLocation, name.sourceLocation]
            )
        } else {
            firstNameNodes[name.value] = name
        }
    }
}
