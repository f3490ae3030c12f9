/// Spec §5.3.2 Field Selection Merging: fields with the same response key, wherever they come
/// from (inline fragments, fragment spreads), must be mergeable: the same field with the same
/// arguments unless their parents are distinct object types, compatible return shapes, and
/// mergeable sub-selections.
///
/// Follows graphql-js's (16.10+) algorithm and error reporting exactly. Fields are grouped by
/// response key so only same-key fields are compared; the collected fields of each selection
/// set, the fragment pairs and the field-set/fragment pairs already compared are memoized, and
/// repeated identical fields are compared once per shape (`OverlappingFieldsAnalysis`).
final class OverlappingFieldsCanBeMergedRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterFragmentDefinition, .enterSelectionSet]
    private let analysis: OverlappingFieldsAnalysis
    /// Set on entering a fragment definition: the next selection set is the fragment's own,
    /// whose collected fields must be the very set its spreads resolve to.
    private var fragmentOfNextSelectionSet: Int?
    init(context: ValidationContext) {
        self.context = context
        self.analysis = OverlappingFieldsAnalysis(context: context)
    }

    func enterFragmentDefinition(_ node: FragmentDefinition) {
        fragmentOfNextSelectionSet = context.currentFragmentIndex
    }

    func enterSelectionSet(_ node: SelectionSet) {
        let fragment = fragmentOfNextSelectionSet
        fragmentOfNextSelectionSet = nil
        let conflicts = analysis.conflictsWithin(node, parentType: context.typeInfo.parentType, fragment: fragment)
        for conflict in conflicts {
            context.report(
                "Fields \"\(conflict.responseName)\" conflict because \(conflict.reason.message). Use different aliases on the fields to fetch both if this was intentional.",
                conflict.fields1 + conflict.fields2
            )
        }
    }
}
