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
    var shapeClassesByGroup: [Int: [FieldShape.ShapeClass]?] = [:]

    func shapeClasses(ofGroup index: Int) -> [FieldShape.ShapeClass]? {
        if let cached = shapeClassesByGroup[index] { return cached }
        let classes = FieldShape.classes(of: groups[index])
        shapeClassesByGroup[index] = classes
        return classes
    }
}
