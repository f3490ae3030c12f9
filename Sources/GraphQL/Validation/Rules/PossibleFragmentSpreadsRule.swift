/// Spec §5.5.2.3 Fragment Spread Is Possible: a fragment may only be spread where some object
/// could satisfy both its type condition and the enclosing type.
final class PossibleFragmentSpreadsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterInlineFragment, .enterFragmentSpread]
    init(context: ValidationContext) { self.context = context }

    func enterInlineFragment(_ node: InlineFragment) {
        guard let fragmentType = context.typeInfo.type, case .named(let fragmentNamed) = fragmentType,
            fragmentNamed.isCompositeType, let parentType = context.typeInfo.parentType,
            !context.schema.doTypesOverlap(fragmentNamed, parentType)
        else { return }
        context.report(
            "Fragment cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentNamed.name)\".",
            at: node.sourceLocation
        )
    }

    func enterFragmentSpread(_ node: FragmentSpread) {
        let name = node.name.value
        guard let fragment = context.fragment(named: name),
            let fragmentType = context.schema.type(named: fragment.typeCondition.name.value),
            fragmentType.isCompositeType, let parentType = context.typeInfo.parentType,
            !context.schema.doTypesOverlap(fragmentType, parentType)
        else { return }
        context.report(
            "Fragment \"\(name)\" cannot be spread here as objects of type \"\(parentType.name)\" can never be of type \"\(fragmentType.name)\".",
            at: node.sourceLocation
        )
    }
}
