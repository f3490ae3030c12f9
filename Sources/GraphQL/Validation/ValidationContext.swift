/// Shared state of one validation run: the schema and document, type information for the
/// walk's current position, error collection with the error limit, and the document-wide
/// facts several rules need (fragments by name, fragment spreads, variable usages), computed
/// lazily and cached (graphql-js `ValidationContext`).
final class ValidationContext {
    let schema: GraphQLSchema
    let document: Document
    let typeInfo: TypeInfo
    let maxErrors: Int
    private(set) var errors: [GraphQLError] = []
    /// Set once the error limit is hit; the walk then stops.
    private(set) var aborted = false

    /// Operations and fragments in document order.
    let operations: [OperationDefinition]
    let fragments: [FragmentDefinition]
    /// Index into `operations` of each operation definition, by index into `document.definitions`.
    let operationIndexByDefinition: [Int: Int]
    /// As graphql-js, the last fragment of a name wins when names repeat.
    let fragmentIndexByName: [String: Int]
    /// Index into `fragments` of each fragment definition, by index into `document.definitions`.
    let fragmentIndexByDefinition: [Int: Int]
    /// The operation being walked, as an index into `operations`.
    var currentOperationIndex = -1
    /// The fragment definition being walked, as an index into `fragments`.
    var currentFragmentIndex = -1

    private var spreadsByFragment: [Int: [FragmentSpread]] = [:]
    private var usagesByFragment: [Int: [VariableUsage]] = [:]
    private var usagesByOperation: [Int: [VariableUsage]] = [:]
    private var recursiveUsagesByOperation: [Int: [VariableUsage]] = [:]
    private var recursiveFragmentsByOperation: [Int: [Int]] = [:]

    init(schema: GraphQLSchema, document: Document, maxErrors: Int) {
        self.schema = schema
        self.document = document
        self.typeInfo = TypeInfo(schema: schema)
        self.maxErrors = maxErrors
        var operations: [OperationDefinition] = []
        var fragments: [FragmentDefinition] = []
        var operationIndexByDefinition: [Int: Int] = [:]
        var fragmentIndexByName: [String: Int] = [:]
        var fragmentIndexByDefinition: [Int: Int] = [:]
        for (index, definition) in document.definitions.enumerated() {
            switch definition {
            case .operation(let operation):
                operationIndexByDefinition[index] = operations.count
                operations.append(operation)
            case .fragment(let fragment):
                fragmentIndexByName[fragment.name.value] = fragments.count
                fragmentIndexByDefinition[index] = fragments.count
                fragments.append(fragment)
            default:
                break
            }
        }
        self.operations = operations
        self.fragments = fragments
        self.operationIndexByDefinition = operationIndexByDefinition
        self.fragmentIndexByName = fragmentIndexByName
        self.fragmentIndexByDefinition = fragmentIndexByDefinition
    }

    /// Records an error; past `maxErrors` adds graphql-js's "too many errors" error and aborts.
    func report(_ message: String, _ locations: [SourceLocation?]) {
        if aborted { return }
        if errors.count >= maxErrors {
            errors.append(GraphQLError("Too many validation errors, error limit reached. Validation aborted."))
            aborted = true
            return
        }
        errors.append(GraphQLError(message, locations: locations.compactMap { $0 }))
    }

    func report(_ message: String, at location: SourceLocation?) {
        report(message, [location])
    }

    func fragment(named name: String) -> FragmentDefinition? {
        fragmentIndexByName[name].map { fragments[$0] }
    }

    /// The fragment spreads inside a selection set, including nested ones, in graphql-js's
    /// order (a depth-first walk driven by a stack, so nested sets come after their siblings).
    func fragmentSpreads(in selectionSet: SelectionSet) -> [FragmentSpread] {
        var spreads: [FragmentSpread] = []
        var setsToVisit: [SelectionSet] = [selectionSet]
        while let set = setsToVisit.popLast() {
            for selection in set.selections {
                switch selection {
                case .fragmentSpread(let spread): spreads.append(spread)
                case .field(let field): if let inner = field.selectionSet { setsToVisit.append(inner) }
                case .inlineFragment(let inline): setsToVisit.append(inline.selectionSet)
                }
            }
        }
        return spreads
    }

    func fragmentSpreads(ofFragment index: Int) -> [FragmentSpread] {
        if let cached = spreadsByFragment[index] { return cached }
        let spreads = fragmentSpreads(in: fragments[index].selectionSet)
        spreadsByFragment[index] = spreads
        return spreads
    }

    /// Fragments an operation uses directly or through other fragments, as indexes into
    /// `fragments`, in graphql-js's discovery order.
    func recursivelyReferencedFragments(ofOperation operationIndex: Int) -> [Int] {
        if let cached = recursiveFragmentsByOperation[operationIndex] { return cached }
        var result: [Int] = []
        var collected = Set<String>()
        var spreadLists: [[FragmentSpread]] = [fragmentSpreads(in: operations[operationIndex].selectionSet)]
        while let spreads = spreadLists.popLast() {
            for spread in spreads {
                let name = spread.name.value
                if collected.insert(name).inserted, let index = fragmentIndexByName[name] {
                    result.append(index)
                    spreadLists.append(fragmentSpreads(ofFragment: index))
                }
            }
        }
        recursiveFragmentsByOperation[operationIndex] = result
        return result
    }

    /// Variable usages of an operation and of every fragment it uses (graphql-js
    /// `getRecursiveVariableUsages`).
    func recursiveVariableUsages(ofOperation operationIndex: Int) -> [VariableUsage] {
        if let cached = recursiveUsagesByOperation[operationIndex] { return cached }
        var usages: [VariableUsage]
        if let recorded = usagesByOperation[operationIndex] {
            usages = recorded
        } else {
            var walker = ValidationWalker(typeInfo: TypeInfo(schema: schema), visitors: [], context: nil)
            walker.usagesOnly = true
            walker.usages = []
            walker.walk(operations[operationIndex])
            usages = walker.usages ?? []
        }
        for fragmentIndex in recursivelyReferencedFragments(ofOperation: operationIndex) {
            usages += variableUsages(ofFragment: fragmentIndex)
        }
        recursiveUsagesByOperation[operationIndex] = usages
        return usages
    }

    /// Called by the walker when it has walked a definition, so usages need not be collected
    /// a second time.
    func recordUsages(_ usages: [VariableUsage], ofOperation index: Int) {
        usagesByOperation[index] = usages
    }

    func recordUsages(_ usages: [VariableUsage], ofFragment index: Int) {
        if usagesByFragment[index] == nil { usagesByFragment[index] = usages }
    }

    private func variableUsages(ofFragment index: Int) -> [VariableUsage] {
        if let cached = usagesByFragment[index] { return cached }
        var walker = ValidationWalker(typeInfo: TypeInfo(schema: schema), visitors: [], context: nil)
        walker.usagesOnly = true
        walker.usages = []
        walker.walk(fragments[index])
        let usages = walker.usages ?? []
        usagesByFragment[index] = usages
        return usages
    }
}
