/// Spec §5.5.1.3 Fragments On Composite Types: type conditions must name objects, interfaces
/// or unions.
final class FragmentsOnCompositeTypesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterInlineFragment, .enterFragmentDefinition]
    init(context: ValidationContext) { self.context = context }

    func enterInlineFragment(_ node: InlineFragment) {
        guard let condition = node.typeCondition,
            let type = context.schema.type(named: condition.name.value), !type.isCompositeType
        else { return }
        context.report(
            "Fragment cannot condition on non composite type \"\(condition.name.value)\".",
            at: condition.sourceLocation
        )
    }

    func enterFragmentDefinition(_ node: FragmentDefinition) {
        let condition = node.typeCondition
        guard let type = context.schema.type(named: condition.name.value), !type.isCompositeType else { return }
        context.report(
            "Fragment \"\(node.name.value)\" cannot condition on non composite type \"\(condition.name.value)\".",
            at: condition.sourceLocation
        )
    }
}
