/// How two same-key fields are compared: return types and arguments (graphql-js
/// `doTypesConflict`, `sameArguments`).
extension OverlappingFieldsAnalysis {
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
