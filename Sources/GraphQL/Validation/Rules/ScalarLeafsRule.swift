/// Spec §5.3.3 Leaf Field Selections: leaves take no selection set, composites require one.
final class ScalarLeafsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterField]
    init(context: ValidationContext) { self.context = context }

    func enterField(_ node: Field) {
        guard let type = context.typeInfo.type else { return }
        let name = node.name.value
        if type.namedType.isLeafType {
            if let selectionSet = node.selectionSet {
                context.report(
                    "Field \"\(name)\" must not have a selection since type \"\(type.printed)\" has no subfields.",
                    at: selectionSet.sourceLocation
                )
            }
        } else if node.selectionSet == nil {
            context.report(
                "Field \"\(name)\" of type \"\(type.printed)\" must have a selection of subfields. Did you mean \"\(name) { ... }\"?",
                at: node.sourceLocation
            )
        }
    }
}
