/// Spec §5.5.1.4 Fragments Must Be Used: every fragment must be reachable from an operation.
final class NoUnusedFragmentsRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.leaveDocument]
    init(context: ValidationContext) { self.context = context }

    func leaveDocument(_ node: Document) {
        var used = Set<String>()
        for operationIndex in context.operations.indices {
            for fragmentIndex in context.recursivelyReferencedFragments(ofOperation: operationIndex) {
                used.insert(context.fragments[fragmentIndex].name.value)
            }
        }
        for fragment in context.fragments where !used.contains(fragment.name.value) {
            context.report("Fragment \"\(fragment.name.value)\" is never used.", at: fragment.sourceLocation)
        }
    }
}
