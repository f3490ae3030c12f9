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
    /// Nesting of sub-selection comparisons between selection sets without source positions.
    private var unlocatedDepth = 0
    private static let unlocatedDepthLimit = 256

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

    /// Conflicts among the fields of one selection set, including fields from its fragments;
    /// `fragment` is given when the set is a fragment definition's own.
    func conflictsWithin(_ selectionSet: SelectionSet, parentType: GraphQLNamedType?, fragment: Int? = nil) -> [FieldConflict] {
        var conflicts: [FieldConflict] = []
        let fields: CollectedFields
        if let fragment {
            fields = collectedFields(ofFragment: fragment, parentType: parentType)
        } else {
            fields = collectedFields(selectionSet, parentType: parentType)
        }
        // (A) Within the collected fields: the only place fields of one set meet each other.
        for groupIndex in fields.groups.indices where fields.groups[groupIndex].count > 1 {
            collectConflictsWithin(fields, group: groupIndex, into: &conflicts)
            if conflicts.count > conflictBudget { return conflicts }
        }
        let names = fields.fragments
        if !names.isEmpty {
            let fragmentsCannotConflict = names.count >= Self.fragmentTrialThreshold && fieldsCannotConflict(acrossFragments: names)
            for i in names.indices {
                // (B) The fields against each spread fragment.
                collectConflictsBetween(fields, fragment: names[i], mutuallyExclusive: false, into: &conflicts)
                // (C) Each spread fragment against the later ones.
                if fragmentsCannotConflict { continue }
                for j in (i + 1)..<names.count {
                    collectConflictsBetweenFragments(names[i], names[j], mutuallyExclusive: false, into: &conflicts)
                }
            }
        }
        return conflicts
    }

    /// Spread fragments at least this many are first tried together (see `fieldsCannotConflict(acrossFragments:)`).
    private static let fragmentTrialThreshold = 8

    /// Whether no field of any of `fragments` can conflict with a field of another of them, decided in time
    /// linear in their fields instead of comparing every pair of fragments (which made 1,650 spread fragments
    /// cost 1.36 million fragment comparisons). Every field of every fragment goes into one set, whose
    /// same-key groups are compared shape class by shape class, as within one selection set: that covers
    /// every cross-fragment pair (and more), so `true` is exact. It gives up (`false`, and the pairs are then
    /// compared one by one, reporting exactly as graphql-js does) when a fragment spreads other fragments or a
    /// field has a fragment spread below it, whose comparisons depend on the memos, or when it finds a conflict.
    private func fieldsCannotConflict(acrossFragments fragments: [Int]) -> Bool {
        let union = CollectedFields()
        for fragment in fragments {
            let fields = collectedFields(ofFragment: fragment)
            guard fields.fragments.isEmpty else { return false }
            for (index, key) in fields.keys.enumerated() {
                for occurrence in fields.groups[index] { union.append(occurrence, key: key) }
            }
        }
        for index in union.groups.indices where union.groups[index].count > 1 {
            guard let classes = union.shapeClasses(ofGroup: index) else { return false }
            let group = union.groups[index]
            if anyConflict(union.keys[index], group, classes, group, classes, sameGroup: true, mutuallyExclusive: false) {
                return false
            }
        }
        return true
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
        _ classes1: [FieldShape.ShapeClass],
        _ group2: [FieldOccurrence],
        _ classes2: [FieldShape.ShapeClass],
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
        // A set without fields of its own (a fragment that only spreads others) has nothing to compare, down
        // the whole chain of fragments below it.
        if fields.keys.isEmpty { return }
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
        // Without source positions selection sets cannot be cached, so the memos cannot end
        // the recursion a fragment cycle causes; a depth bound does instead.
        if selectionSet1.loc == nil || selectionSet2.loc == nil {
            if unlocatedDepth >= Self.unlocatedDepthLimit { return [] }
            unlocatedDepth += 1
        }
        defer { if selectionSet1.loc == nil || selectionSet2.loc == nil { unlocatedDepth -= 1 } }
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
        let pairs = fields1.fragments.count * fields2.fragments.count
        if pairs >= Self.fragmentTrialThreshold * Self.fragmentTrialThreshold,
            fieldsCannotConflict(acrossFragments: fields1.fragments + fields2.fragments)
        {
            return conflicts
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
    private func collectedFields(ofFragment index: Int, parentType: GraphQLNamedType?? = nil) -> CollectedFields {
        if let cached = collectedByFragment[index] { return cached }
        let fragment = context.fragments[index]
        let type = parentType ?? schema.type(named: fragment.typeCondition.name.value)
        let fields = collectedFields(fragment.selectionSet, parentType: type)
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
}
