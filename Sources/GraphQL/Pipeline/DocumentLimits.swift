/// Bounds on a document's definitions, checked after parsing and before validation: the parser's token limit
/// bounds a document's size, these bound the shapes whose validation grows faster than its size (many
/// operations each spreading a long fragment chain; chains of fragments spreading fragments, which some rules
/// walk once per fragment). Each limit is optional; `nil` turns it off.
public struct DocumentLimits: Sendable, Equatable {
    /// Most operations in one document.
    public var maxOperations: Int?
    /// Most fragment definitions in one document.
    public var maxFragments: Int?
    /// Longest chain of fragments spreading fragments (`...A` where A spreads B: 2).
    public var maxFragmentDepth: Int?

    public init(maxOperations: Int? = 100, maxFragments: Int? = 2_000, maxFragmentDepth: Int? = 64) {
        self.maxOperations = maxOperations
        self.maxFragments = maxFragments
        self.maxFragmentDepth = maxFragmentDepth
    }

    public static let standard = DocumentLimits()
    public static let unlimited = DocumentLimits(maxOperations: nil, maxFragments: nil, maxFragmentDepth: nil)

    /// The limits `document` exceeds, as request errors, in time linear in the document.
    public func violations(in document: Document) -> [GraphQLError] {
        var errors: [GraphQLError] = []
        func report(_ code: QueryLimitCode, _ message: String, _ found: Int, _ limit: Int) {
            let extensions = JSONObject([("code", .string(code.rawValue)), ("limit", .int(limit)), ("found", .int(found))])
            errors.append(GraphQLError(message, extensions: extensions))
        }
        let operations = document.operations.count
        if let limit = maxOperations, operations > limit {
            report(.tooManyOperations, "The document has \(operations) operations; at most \(limit) are allowed.", operations, limit)
        }
        let fragments = document.fragments
        if let limit = maxFragments, fragments.count > limit {
            report(.tooManyFragments, "The document has \(fragments.count) fragments; at most \(limit) are allowed.", fragments.count, limit)
        }
        if let limit = maxFragmentDepth, errors.isEmpty {
            let depth = Self.longestFragmentChain(fragments)
            if depth > limit {
                report(
                    .fragmentsTooDeep, "Fragments spread fragments \(depth) levels deep; at most \(limit) levels are allowed.", depth, limit)
            }
        }
        return errors
    }

    /// The longest chain of spreads between fragment definitions, counted in fragments. Iterative, so a chain
    /// of any length cannot exhaust the stack; a cycle counts once around (validation reports the cycle).
    static func longestFragmentChain(_ fragments: [FragmentDefinition]) -> Int {
        var indexByName: [String: Int] = [:]
        for (index, fragment) in fragments.enumerated() where indexByName[fragment.name.value] == nil {
            indexByName[fragment.name.value] = index
        }
        let spreads = fragments.map { spreadFragments(in: $0.selectionSet, indexByName: indexByName) }
        // 0 not visited, -1 on the current path, otherwise the chain length starting here.
        var depth = [Int](repeating: 0, count: fragments.count)
        var longest = 0
        for root in fragments.indices where depth[root] == 0 {
            var stack: [(fragment: Int, next: Int)] = [(root, 0)]
            depth[root] = -1
            while let top = stack.last {
                let children = spreads[top.fragment]
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next]
                    if depth[child] == 0 {
                        depth[child] = -1
                        stack.append((child, 0))
                    }
                    continue
                }
                let below = children.map { depth[$0] > 0 ? depth[$0] : 0 }.max() ?? 0
                depth[top.fragment] = below + 1
                longest = max(longest, below + 1)
                stack.removeLast()
            }
        }
        return longest
    }

    private static func spreadFragments(in selectionSet: SelectionSet, indexByName: [String: Int]) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for selection in set.selections {
                switch selection {
                case .field(let field): if let child = field.selectionSet { pending.append(child) }
                case .inlineFragment(let inline): pending.append(inline.selectionSet)
                case .fragmentSpread(let spread):
                    if let index = indexByName[spread.name.value], seen.insert(index).inserted { found.append(index) }
                }
            }
        }
        return found
    }
}
