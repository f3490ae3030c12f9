/// Spec §5.5.2.1 Fragment Spread Target Defined.
final class KnownFragmentNamesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterFragmentSpread]
    init(context: ValidationContext) { self.context = context }

    func enterFragmentSpread(_ node: FragmentSpread) {
        if context.fragmentIndexByName[node.name.value] == nil {
            context.report("Unknown fragment \"\(node.name.value)\".", at: node.name.sourceLocation)
        }
    }
}
