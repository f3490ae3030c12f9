/// Spec §5.4.2 Argument Uniqueness.
final class UniqueArgumentNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField, .enterDirective]
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) { check(node.arguments) }
    func enterDirective(_ node: Directive) { check(node.arguments) }

    private func check(_ arguments: [Argument]) {
        if arguments.count < 2 { return }
        for (name, nodes) in groupedByName(arguments, { $0.name.value }) where nodes.count > 1 {
            context.report("There can be only one argument named \"\(name)\".", nodes.map(\.name.sourceLocation))
        }
    }
}
