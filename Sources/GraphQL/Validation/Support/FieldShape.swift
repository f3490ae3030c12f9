/// Structural identity of a field occurrence for the merge check: everything the comparison of
/// `OverlappingFieldsAnalysis` looks at (parent type, name, arguments, and the sub-selection
/// with its fragment spreads and type conditions), ignoring source positions and directives.
/// Two occurrences with equal shapes compare identically against any third field.
enum FieldShape {
    /// A class of equal-shaped fields in a group: one member, a second one if any, and the size.
    typealias ShapeClass = (representative: Int, second: Int?, count: Int)

    static func hash(_ occurrence: FieldOccurrence) -> Int {
        var hasher = Hasher()
        hasher.combine(occurrence.parentType)
        combine(occurrence.node, into: &hasher)
        return hasher.finalize()
    }

    static func equal(_ a: FieldOccurrence, _ b: FieldOccurrence) -> Bool {
        a.parentType == b.parentType && equal(a.node, b.node)
    }

    private static func combine(_ field: Field, into hasher: inout Hasher) {
        hasher.combine(field.alias?.value)
        hasher.combine(field.name.value)
        hasher.combine(field.arguments.count)
        for argument in field.arguments {
            hasher.combine(argument.name.value)
            combine(argument.value, into: &hasher)
        }
        if let selectionSet = field.selectionSet {
            hasher.combine(true)
            combine(selectionSet, into: &hasher)
        } else {
            hasher.combine(false)
        }
    }

    private static func combine(_ selectionSet: SelectionSet, into hasher: inout Hasher) {
        hasher.combine(selectionSet.selections.count)
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                hasher.combine(0)
                combine(field, into: &hasher)
            case .fragmentSpread(let spread):
                hasher.combine(1)
                hasher.combine(spread.name.value)
            case .inlineFragment(let inline):
                hasher.combine(2)
                hasher.combine(inline.typeCondition?.name.value)
                combine(inline.selectionSet, into: &hasher)
            }
        }
    }

    private static func combine(_ value: ValueNode, into hasher: inout Hasher) {
        switch value {
        case .variable(let v): hasher.combine(0); hasher.combine(v.name.value)
        case .int(let v): hasher.combine(1); hasher.combine(v.value)
        case .float(let v): hasher.combine(2); hasher.combine(v.value)
        case .string(let v): hasher.combine(3); hasher.combine(v.value); hasher.combine(v.block)
        case .boolean(let v): hasher.combine(4); hasher.combine(v.value)
        case .null: hasher.combine(5)
        case .enumValue(let v): hasher.combine(6); hasher.combine(v.value)
        case .list(let list):
            hasher.combine(7)
            hasher.combine(list.values.count)
            for item in list.values { combine(item, into: &hasher) }
        case .object(let object):
            hasher.combine(8)
            hasher.combine(object.fields.count)
            for field in object.fields {
                hasher.combine(field.name.value)
                combine(field.value, into: &hasher)
            }
        }
    }

    private static func equal(_ a: Field, _ b: Field) -> Bool {
        guard a.alias?.value == b.alias?.value, a.name.value == b.name.value,
            a.arguments.count == b.arguments.count
        else { return false }
        for (x, y) in zip(a.arguments, b.arguments) {
            if x.name.value != y.name.value || !equal(x.value, y.value) { return false }
        }
        switch (a.selectionSet, b.selectionSet) {
        case (nil, nil): return true
        case (let x?, let y?): return equal(x, y)
        default: return false
        }
    }

    private static func equal(_ a: SelectionSet, _ b: SelectionSet) -> Bool {
        guard a.selections.count == b.selections.count else { return false }
        for (x, y) in zip(a.selections, b.selections) {
            switch (x, y) {
            case (.field(let p), .field(let q)):
                if !equal(p, q) { return false }
            case (.fragmentSpread(let p), .fragmentSpread(let q)):
                if p.name.value != q.name.value { return false }
            case (.inlineFragment(let p), .inlineFragment(let q)):
                if p.typeCondition?.name.value != q.typeCondition?.name.value || !equal(p.selectionSet, q.selectionSet) {
                    return false
                }
            default:
                return false
            }
        }
        return true
    }

    /// Exact equality as written (object fields in written order), stricter than
    /// `sameValue`, which is what shape identity needs.
    private static func equal(_ a: ValueNode, _ b: ValueNode) -> Bool {
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
            for (p, q) in zip(x.values, y.values) where !equal(p, q) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.fields.count == y.fields.count else { return false }
            for (p, q) in zip(x.fields, y.fields) where p.name.value != q.name.value || !equal(p.value, q.value) {
                return false
            }
            return true
        default:
            return false
        }
    }

    /// True when a fragment spread occurs anywhere below the field. Comparisons of such fields
    /// consult and update the memos of fragment comparisons, so their outcome depends on the
    /// order of comparisons and they are never grouped.
    static func containsFragmentSpread(_ field: Field) -> Bool {
        guard let selectionSet = field.selectionSet else { return false }
        return containsFragmentSpread(selectionSet)
    }

    private static func containsFragmentSpread(_ selectionSet: SelectionSet) -> Bool {
        for selection in selectionSet.selections {
            switch selection {
            case .fragmentSpread: return true
            case .field(let field): if containsFragmentSpread(field) { return true }
            case .inlineFragment(let inline): if containsFragmentSpread(inline.selectionSet) { return true }
            }
        }
        return false
    }

    /// Splits a group into classes of equal shape, keeping first-appearance order; returns the
    /// index of one representative (and a second member, if any) per class and the class
    /// sizes. Nil when some member has a fragment spread below it (see
    /// `containsFragmentSpread`).
    static func classes(of group: [FieldOccurrence]) -> [ShapeClass]? {
        if group.contains(where: { containsFragmentSpread($0.node) }) { return nil }
        var classes: [ShapeClass] = []
        var classIndexesByHash: [Int: [Int]] = [:]
        for (index, occurrence) in group.enumerated() {
            let hash = hash(occurrence)
            var placed = false
            for classIndex in classIndexesByHash[hash, default: []] where equal(group[classes[classIndex].representative], occurrence) {
                classes[classIndex].count += 1
                if classes[classIndex].second == nil { classes[classIndex].second = index }
                placed = true
                break
            }
            if !placed {
                classIndexesByHash[hash, default: []].append(classes.count)
                classes.append((index, nil, 1))
            }
        }
        return classes
    }
}
