/// Spec §5.5.2.2 Fragment Spreads Must Not Form Cycles. Each cycle is reported once, from the
/// first fragment (in document order) that starts it.
final class NoFragmentCyclesRule: ValidationVisitor {
    let context: ValidationContext
    let events: [ValidationEvent] = [.enterFragmentDefinition]
    private var visited = Set<String>()
    private var spreadPath: [FragmentSpread] = []
    private var spreadPathIndexByName: [String: Int] = [:]
    init(context: ValidationContext) { self.context = context }

    func enterFragmentDefinition(_ node: FragmentDefinition) {
        detectCycles(from: context.currentFragmentIndex)
    }

    private func detectCycles(from fragmentIndex: Int) {
        let fragmentName = context.fragments[fragmentIndex].name.value
        if !visited.insert(fragmentName).inserted { return }
        let spreads = context.fragmentSpreads(ofFragment: fragmentIndex)
        if spreads.isEmpty { return }
        spreadPathIndexByName[fragmentName] = spreadPath.count
        for spread in spreads {
            let spreadName = spread.name.value
            let cycleIndex = spreadPathIndexByName[spreadName]
            spreadPath.append(spread)
            if let cycleIndex {
                let cyclePath = spreadPath[cycleIndex...]
                let via = cyclePath.dropLast().map { "\"" + $0.name.value + "\"" }.joined(separator: ", ")
                context.report(
                    "Cannot spread fragment \"\(spreadName)\" within itself" + (via.isEmpty ? "." : " via \(via)."),
                    cyclePath.map(\.sourceLocation)
                )
            } else if let next = context.fragmentIndexByName[spreadName] {
                detectCycles(from: next)
            }
            spreadPath.removeLast()
        }
        spreadPathIndexByName[fragmentName] = nil
    }
}
