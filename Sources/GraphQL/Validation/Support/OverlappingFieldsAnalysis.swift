/// Why two fields cannot be merged: a plain reason, or the conflicts among their subfields.
indirect enum FieldConflictReason {
    case reason(String)
    case subfields([(responseName: String, reason: FieldConflictReason)])

    /// graphql-js `reasonMessage`.
    var message: String {
        switch self {
        case .reason(let text): text
        case .subfields(let list):
            list.map { "subfields \"\($0.responseName)\" conflict because " + $0.reason.message }
                .joined(separator: " and ")
        }
    }
}

/// A pair of unmergeable fields (with the subfields involved), as locations for the error.
struct FieldConflict {
    var responseName: String
    var reason: FieldConflictReason
    var fields1: [SourceLocation?]
    var fields2: [SourceLocation?]
}

/// One field as it occurs in a collected selection set, with the type it was selected on.
struct FieldOccurrence {
    var parentType: GraphQLNamedType?
    var node: Field
    var definition: GraphQLField?
}

/// The fields of a selection set (inline fragments flattened) grouped by response key in
/// first-appearance order, plus the fragments spread in it. A class so identity can
/// tell a fragment's own field set apart (graphql-js compares these maps by reference).
final class CollectedFields {
    var keys: [String] = []
    var groups: [[FieldOccurrence]] = []
    /// Built only once there are many keys; small sets are searched linearly, which is
    /// cheaper than hashing every response key.
    private var groupIndexByKey: [String: Int]?
    private static let linearSearchLimit = 12

    func groupIndex(for key: String) -> Int? {
        if let groupIndexByKey { return groupIndexByKey[key] }
        return keys.firstIndex(of: key)
    }

    func append(_ occurrence: FieldOccurrence, key: String) {
        if let index = groupIndex(for: key) {
            groups[index].append(occurrence)
            return
        }
        keys.append(key)
        groups.append([occurrence])
        if groupIndexByKey != nil {
            groupIndexByKey![key] = keys.count - 1
        } else if keys.count > Self.linearSearchLimit {
            var index: [String: Int] = [:]
            for (position, existing) in keys.enumerated() { index[existing] = position }
            groupIndexByKey = index
        }
    }

    /// Fragments spread in the set, once each in first-spread order, as indexes into
    /// `ValidationContext.fragments` (the definition a name resolves to). Spreads of unknown
    /// fragments are left out: every comparison with one ends without effect.
    var fragments: [Int] = []
    /// For each fragment (by index), whether this set was already compared with it: 0 not
    /// yet, 1 as mutually exclusive, 2 as not exclusive (graphql-js
    /// `comparedFieldsAndFragmentPairs`, kept on the set so no identity hashing is needed).
    var comparedWithFragment: [UInt8] = []
    /// Shape classes of large groups, computed on first need (see `FieldShape.classes`).
    var shapeClassesByGroup: [Int: [(representative: Int, second: Int?, count: Int)]?] = [:]

    func shapeClasses(ofGroup index: Int) -> [(representative: Int, second: Int?, count: Int)]? {
        if let cached = shapeClassesByGroup[index] { return cached }
        let classes = FieldShape.classes(of: groups[index])
        shapeClassesByGroup[index] = classes
        return classes
    }
}

/// The conflict search of `OverlappingFieldsCanBeMergedRule`, with its memo tables; lives for
/// one validation run.
final class OverlappingFieldsAnalysis {
    private let context: ValidationContext
    private let schema: GraphQLSchema
    /// Collected fields per selection set, keyed by the selection set's source offset.
    private var collectedBySelectionSet: [Int: CollectedFields] = [:]
    /// Collected fields of each fragment definition, by index into `context.fragments`.
    private var collectedByFragment: [CollectedFields?]
    /// Fragment pairs already compared, with whether they were compared as mutually exclusive.
    private var comparedFragmentPairs: [FragmentPair: Bool] = [:]
    /// The same memo as a flat matrix (0 / 1 exclusive / 2 not exclusive) when there are few
    /// enough fragments; hashing pairs dominated documents with many fragments.
    private var comparedFragmentMatrix: [UInt8] = []
    private let usesMatrix: Bool
    private let fragmentCount: Int
    private static let matrixLimit = 1_024

    private struct FragmentPair: Hashable {
        var first: Int
        var second: Int
        init(_ a: Int, _ b: Int) {
            if a < b { first = a; second = b } else { first = b; second = a }
        }
    }

    init(context: ValidationContext) {
        self.context = context
        self.schema = context.schema
        self.collectedByFragment = Array(repeating: nil, count: context.fragments.count)
        self.fragmentCount = context.fragments.count
        self.usesMatrix = fragmentCount <= Self.matrixLimit
    }

    // MARK: Memos of comparisons made

    /// A non-exclusive comparison covers the exclusive one, not the other way round.
    private static func covers(_ recorded: Bool?, mutuallyExclusive: Bool) -> Bool {
        guard let recorded else { return false }
        return mutuallyExclusive ? true : recorded == mutuallyExclusive
    }

    private func hasCompared(_ a: Int, _ b: Int, mutuallyExclusive: Bool) -> Bool {
        if usesMatrix {
            if comparedFragmentMatrix.isEmpty { return false }
            let (low, high) = a < b ? (a, b) : (b, a)
            return Self.covers(Self.decode(comparedFragmentMatrix[low * fragmentCount + high]), mutuallyExclusive: mutuallyExclusive)
        }
        return Self.covers(comparedFragmentPairs[FragmentPair(a, b)], mutuallyExclusive: mutuallyExclusive)
    }

    private static func decode(_ byte: UInt8) -> Bool? {
        switch byte {
        case 0: nil
        case 1: true
        default: false
        }
    }

    private static func encode(_ mutuallyExclusive: Bool) -> UInt8 { mutuallyExclusive ? 1 : 2 }

    private func recordCompared(_ a: Int, _ b: Int, mutuallyExclusive: Bool) {
        if usesMatrix {
            if comparedFragmentMatrix.isEmpty {
                comparedFragmentMatrix = [UInt8](repeating: 0, count: fragmentCount * fragmentCount)
            }
            let (low, high) = a < b ? (a, b) : (b, a)
            comparedFragmentMatrix[low * fragmentCount + high] = Self.encode(mutuallyExclusive)
            return
        }
        comparedFragmentPairs[FragmentPair(a, b)] = mutuallyExclusive
    }

    // MARK: Entry point

    /// Conflicts among the fields of one selection set, including fields from its fragments.
    func conflictsWithin(_ selectionSet: SelectionSet, parentType: GraphQLNamedType?) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fields = collectedFields(selectionSet, parentType: parentType)
        // (A) Within the collected fields: the only place fields of one set meet each other.
        for groupIndex in fields.groups.indices where fields.groups[groupIndex].count > 1 {
            collectConflictsWithin(fields, group: groupIndex, into: &conflicts)
            if conflicts.count > conflictBudget { return conflicts }
        }
        let names = fields.fragments
        if !names.isEmpty {
            for i in names.indices {
                // (B) The fields against each spread fragment.
                collectConflictsBetween(fields, fragment: names[i], mutuallyExclusive: false, into: &conflicts)
                // (C) Each spread fragment against the later ones.
                for j in (i + 1)..<names.count {
                    collectConflictsBetweenFragments(names[i], names[j], mutuallyExclusive: false, into: &conflicts)
                }
            }
        }
        return conflicts
    }

    // MARK: Comparisons

    /// Groups at least this large are first compared class by class (see `FieldShape`).
    private static let shapeGroupingThreshold = 8
    /// The most conflicts worth collecting for one selection set: one more than the errors
    /// that can still be reported.
    private var conflictBudget: Int { max(1, context.maxErrors - context.errors.count + 1) }

    /// (A) Every pair of same-key fields of one set.
    ///
    /// Large groups usually repeat the same field many times. Comparing one member of each
    /// shape class against each class (and each class against itself) decides the same
    /// question; only when that finds a conflict are all pairs compared, in graphql-js's order,
    /// to report each conflict exactly as it would. Fields with fragment spreads below them are
    /// never grouped, so these trial comparisons touch no memo and change nothing.
    private func collectConflictsWithin(_ fields: CollectedFields, group groupIndex: Int, into conflicts: inout [FieldConflict]) {
        let group = fields.groups[groupIndex]
        let key = fields.keys[groupIndex]
        if group.count >= Self.shapeGroupingThreshold {
            if let classes = fields.shapeClasses(ofGroup: groupIndex), classes.count < group.count,
                !anyConflict(key, group, classes, group, classes, sameGroup: true, mutuallyExclusive: false)
            {
                return
            }
        }
        let budget = conflictBudget
        for i in 0..<group.count {
            for j in (i + 1)..<group.count {
                if let conflict = findConflict(key, group[i], group[j], parentsMutuallyExclusive: false) {
                    conflicts.append(conflict)
                    if conflicts.count > budget { return }
                }
            }
        }
    }

    /// Whether any pair drawn from the two groups' shape classes conflicts.
    private func anyConflict(
        _ key: String,
        _ group1: [FieldOccurrence],
        _ classes1: [(representative: Int, second: Int?, count: Int)],
        _ group2: [FieldOccurrence],
        _ classes2: [(representative: Int, second: Int?, count: Int)],
        sameGroup: Bool,
        mutuallyExclusive: Bool
    ) -> Bool {
        for i in classes1.indices {
            let field1 = group1[classes1[i].representative]
            if sameGroup {
                if let second = classes1[i].second,
                    findConflict(key, field1, group1[second], parentsMutuallyExclusive: mutuallyExclusive) != nil
                {
                    return true
                }
                for j in (i + 1)..<classes1.count
                where findConflict(key, field1, group1[classes1[j].representative], parentsMutuallyExclusive: mutuallyExclusive) != nil {
                    return true
                }
            } else {
                for otherClass in classes2
                where findConflict(key, field1, group2[otherClass.representative], parentsMutuallyExclusive: mutuallyExclusive) != nil {
                    return true
                }
            }
        }
        return false
    }

    private func collectConflictsBetween(
        _ fields1: CollectedFields,
        _ fields2: CollectedFields,
        mutuallyExclusive: Bool,
        into conflicts: inout [FieldConflict]
    ) {
        for (index, key) in fields1.keys.enumerated() {
            guard let index2 = fields2.groupIndex(for: key) else { continue }
            let group1 = fields1.groups[index]
            let group2 = fields2.groups[index2]
            if group1.count * group2.count >= Self.shapeGroupingThreshold * Self.shapeGroupingThreshold {
                if let classes1 = fields1.shapeClasses(ofGroup: index),
                    let classes2 = fields2.shapeClasses(ofGroup: index2),
                    classes1.count * classes2.count < group1.count * group2.count,
                    !anyConflict(key, group1, classes1, group2, classes2, sameGroup: false, mutuallyExclusive: mutuallyExclusive)
                {
                    continue
                }
            }
            for field1 in group1 {
                for field2 in group2 {
                    if let conflict = findConflict(key, field1, field2, parentsMutuallyExclusive: mutuallyExclusive) {
                        conflicts.append(conflict)
                    }
                }
            }
        }
    }

    /// (D) A set of fields against the fields of a fragment, then (E) against the fragments
    /// that fragment spreads, each pair at most once.
    private func collectConflictsBetween(
        _ fields: CollectedFields,
        fragment: Int,
        mutuallyExclusive: Bool,
        into conflicts: inout [FieldConflict]
    ) {
        if fields.comparedWithFragment.isEmpty {
            fields.comparedWithFragment = [UInt8](repeating: 0, count: fragmentCount)
        }
        if Self.covers(Self.decode(fields.comparedWithFragment[fragment]), mutuallyExclusive: mutuallyExclusive) { return }
        fields.comparedWithFragment[fragment] = Self.encode(mutuallyExclusive)
        let fragmentFields = collectedFields(ofFragment: fragment)
        if fragmentFields === fields { return }
        collectConflictsBetween(fields, fragmentFields, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for referenced in fragmentFields.fragments {
            collectConflictsBetween(fields, fragment: referenced, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
    }

    /// (F, G) Two fragments against each other, and each against the other's spreads.
    private func collectConflictsBetweenFragments(
        _ name1: Int,
        _ name2: Int,
        mutuallyExclusive: Bool,
        into conflicts: inout [FieldConflict]
    ) {
        if name1 == name2 { return }
        if hasCompared(name1, name2, mutuallyExclusive: mutuallyExclusive) { return }
        recordCompared(name1, name2, mutuallyExclusive: mutuallyExclusive)
        let fields1 = collectedFields(ofFragment: name1)
        let fields2 = collectedFields(ofFragment: name2)
        collectConflictsBetween(fields1, fields2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for referenced2 in fields2.fragments {
            collectConflictsBetweenFragments(name1, referenced2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for referenced1 in fields1.fragments {
            collectConflictsBetweenFragments(referenced1, name2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
    }

    /// (H, I, J) The sub-selections of two same-key fields.
    private func conflictsBetweenSubSelections(
        mutuallyExclusive: Bool,
        _ parentType1: GraphQLNamedType?,
        _ selectionSet1: SelectionSet,
        _ parentType2: GraphQLNamedType?,
        _ selectionSet2: SelectionSet
    ) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fields1 = collectedFields(selectionSet1, parentType: parentType1)
        let fields2 = collectedFields(selectionSet2, parentType: parentType2)
        collectConflictsBetween(fields1, fields2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        for name2 in fields2.fragments {
            collectConflictsBetween(fields1, fragment: name2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for name1 in fields1.fragments {
            collectConflictsBetween(fields2, fragment: name1, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
        }
        for name1 in fields1.fragments {
            for name2 in fields2.fragments {
                collectConflictsBetweenFragments(name1, name2, mutuallyExclusive: mutuallyExclusive, into: &conflicts)
            }
        }
        return conflicts
    }

    /// Whether two same-key fields conflict, including through their subfields.
    private func findConflict(
        _ responseName: String,
        _ field1: FieldOccurrence,
        _ field2: FieldOccurrence,
        parentsMutuallyExclusive: Bool
    ) -> FieldConflict? {
        let node1 = field1.node
        let node2 = field2.node
        var mutuallyExclusive = parentsMutuallyExclusive
        if !mutuallyExclusive, let parent1 = field1.parentType, let parent2 = field2.parentType,
            parent1 != parent2, case .object = parent1, case .object = parent2
        {
            mutuallyExclusive = true
        }
        if !mutuallyExclusive {
            if node1.name.value != node2.name.value {
                return FieldConflict(
                    responseName: responseName,
                    reason: .reason("\"\(node1.name.value)\" and \"\(node2.name.value)\" are different fields"),
                    fields1: [node1.sourceLocation],
                    fields2: [node2.sourceLocation]
                )
            }
            if !Self.sameArguments(node1.arguments, node2.arguments) {
                return FieldConflict(
                    responseName: responseName,
                    reason: .reason("they have differing arguments"),
                    fields1: [node1.sourceLocation],
                    fields2: [node2.sourceLocation]
                )
            }
        }
        let type1 = field1.definition?.type
        let type2 = field2.definition?.type
        if let type1, let type2, Self.doTypesConflict(type1, type2) {
            return FieldConflict(
                responseName: responseName,
                reason: .reason("they return conflicting types \"\(type1.printed)\" and \"\(type2.printed)\""),
                fields1: [node1.sourceLocation],
                fields2: [node2.sourceLocation]
            )
        }
        guard let selectionSet1 = node1.selectionSet, let selectionSet2 = node2.selectionSet else { return nil }
        let subConflicts = conflictsBetweenSubSelections(
            mutuallyExclusive: mutuallyExclusive,
            type1?.namedType, selectionSet1,
            type2?.namedType, selectionSet2
        )
        if subConflicts.isEmpty { return nil }
        return FieldConflict(
            responseName: responseName,
            reason: .subfields(subConflicts.map { ($0.responseName, $0.reason) }),
            fields1: [node1.sourceLocation] + subConflicts.flatMap(\.fields1),
            fields2: [node2.sourceLocation] + subConflicts.flatMap(\.fields2)
        )
    }

    // MARK: Field collection

    /// The fields of a fragment definition, through the per-fragment table or, when the
    /// walker already collected its selection set, the selection-set cache (graphql-js keys
    /// its cache by selection set, so the first collection's parent type sticks).
    private func collectedFields(ofFragment index: Int) -> CollectedFields {
        if let cached = collectedByFragment[index] { return cached }
        let fragment = context.fragments[index]
        let fields = collectedFields(fragment.selectionSet, parentType: schema.type(named: fragment.typeCondition.name.value))
        collectedByFragment[index] = fields
        return fields
    }

    private func collectedFields(_ selectionSet: SelectionSet, parentType: GraphQLNamedType?) -> CollectedFields {
        let offset = selectionSet.loc?.start
        if let offset, let cached = collectedBySelectionSet[offset] { return cached }
        let fields = CollectedFields()
        var fragmentsSeen = Set<Int>()
        collect(selectionSet, parentType: parentType, into: fields, fragmentsSeen: &fragmentsSeen)
        if let offset { collectedBySelectionSet[offset] = fields }
        return fields
    }

    private func collect(
        _ selectionSet: SelectionSet,
        parentType: GraphQLNamedType?,
        into fields: CollectedFields,
        fragmentsSeen: inout Set<Int>
    ) {
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                var definition: GraphQLField?
                switch parentType {
                case .object(let object)?: definition = object.field(named: field.name.value)
                case .interface(let interface)?: definition = interface.field(named: field.name.value)
                default: definition = nil
                }
                let occurrence = FieldOccurrence(parentType: parentType, node: field, definition: definition)
                fields.append(occurrence, key: field.responseKey)
            case .fragmentSpread(let spread):
                if let index = context.fragmentIndexByName[spread.name.value], fragmentsSeen.insert(index).inserted {
                    fields.fragments.append(index)
                }
            case .inlineFragment(let inline):
                let type = inline.typeCondition.map { schema.type(named: $0.name.value) } ?? parentType
                collect(inline.selectionSet, parentType: type, into: fields, fragmentsSeen: &fragmentsSeen)
            }
        }
    }

    // MARK: Field comparison helpers

    /// Return types conflict when their list/non-null shapes differ or they end in different
    /// leaf types; composite types are compared field by field instead.
    static func doTypesConflict(_ type1: GraphQLType, _ type2: GraphQLType) -> Bool {
        switch (type1, type2) {
        case (.list(let a), .list(let b)): return doTypesConflict(a, b)
        case (.list, _), (_, .list): return true
        case (.nonNull(let a), .nonNull(let b)): return doTypesConflict(a, b)
        case (.nonNull, _), (_, .nonNull): return true
        case (.named(let a), .named(let b)):
            if a.isLeafType || b.isLeafType { return a != b }
            return false
        }
    }

    /// Same arguments by name, with values equal as written (object fields in any order).
    static func sameArguments(_ arguments1: [Argument], _ arguments2: [Argument]) -> Bool {
        if arguments1.isEmpty { return arguments2.isEmpty }
        if arguments2.isEmpty || arguments1.count != arguments2.count { return false }
        for argument1 in arguments1 {
            guard let argument2 = arguments2.last(where: { $0.name.value == argument1.name.value }),
                sameValue(argument1.value, argument2.value)
            else { return false }
        }
        return true
    }

    /// graphql-js compares `print(sortValueNode(value))`; this is the same comparison without
    /// printing.
    static func sameValue(_ a: ValueNode, _ b: ValueNode) -> Bool {
        switch (a, b) {
        case (.variable(let x), .variable(let y)): return x.name.value == y.name.value
        case (.int(let x), .int(let y)): return x.value == y.value
        case (.float(let x), .float(let y)): return x.value == y.value
        case (.string(let x), .string(let y)): return x.value == y.value && x.block == y.block
        case (.boolean(let x), .boolean(let y)): return x.value == y.value
        case (.null, .null): return true
        case (.enumValue(let x), .enumValue(let y)): return x.value == y.value
        case (.list(let x), .list(let y)):
            guard x.values.count == y.values.count else { return false }
            for (p, q) in zip(x.values, y.values) where !sameValue(p, q) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.fields.count == y.fields.count else { return false }
            let sortedX = sortedFields(x.fields)
            let sortedY = sortedFields(y.fields)
            for (p, q) in zip(sortedX, sortedY) {
                if p.name.value != q.name.value || !sameValue(p.value, q.value) { return false }
            }
            return true
        default:
            return false
        }
    }

    private static func sortedFields(_ fields: [ObjectField]) -> [ObjectField] {
        // Stable, like graphql-js's sort.
        fields.enumerated().sorted { a, b in
            let order = naturalCompare(a.element.name.value, b.element.name.value)
            return order != 0 ? order < 0 : a.offset < b.offset
        }.map(\.element)
    }
}
