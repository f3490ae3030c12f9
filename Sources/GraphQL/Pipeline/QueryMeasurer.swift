/// Walks one operation with its fragments expanded and measures depth, aliases, root fields and cost.
///
/// Each fragment is measured once and its result reused at every spread, so a document whose
/// fragments spread each other twice per level is measured in time linear in its text even
/// though its expansion is exponential; counts saturate instead of overflowing. A fragment that
/// (invalidly) spreads itself counts as empty rather than looping.
struct QueryMeasurer {
    private let fragments: [String: FragmentDefinition]
    private let variables: JSONObject
    private let variableDefaults: [String: ValueNode]
    private let schema: (any QueryShapeSchema)?
    private let limits: QueryLimits
    private var measuredFragments: [String: SelectionMetrics] = [:]
    private var fragmentsInProgress: Set<String> = []

    init(
        document: Document,
        operation: OperationDefinition,
        variables: JSONObject?,
        schema: (any QueryShapeSchema)?,
        limits: QueryLimits
    ) {
        var fragments: [String: FragmentDefinition] = [:]
        for fragment in document.fragments where fragments[fragment.name.value] == nil {
            fragments[fragment.name.value] = fragment
        }
        var defaults: [String: ValueNode] = [:]
        for definition in operation.variableDefinitions {
            if let value = definition.defaultValue { defaults[definition.variable.name.value] = value }
        }
        self.fragments = fragments
        self.variables = variables ?? JSONObject()
        self.variableDefaults = defaults
        self.schema = schema
        self.limits = limits
    }

    mutating func measure(_ operation: OperationDefinition) -> QueryMeasurements {
        let rootType = schema?.rootTypeName(for: operation.operation)
        let metrics = measure(operation.selectionSet, parentType: rootType)
        return QueryMeasurements(
            depth: metrics.depth, aliases: metrics.aliases, rootFields: metrics.fields, cost: metrics.cost,
            longestList: metrics.longestList)
    }

    private mutating func measure(_ selectionSet: SelectionSet, parentType: String?) -> SelectionMetrics {
        var total = SelectionMetrics()
        for selection in selectionSet.selections {
            switch selection {
            case .field(let field):
                total.add(measure(field, parentType: parentType))
            case .inlineFragment(let fragment):
                let type = fragment.typeCondition?.name.value ?? parentType
                total.add(measure(fragment.selectionSet, parentType: type))
            case .fragmentSpread(let spread):
                total.add(measure(fragmentNamed: spread.name.value))
            }
        }
        return total
    }

    private mutating func measure(fragmentNamed name: String) -> SelectionMetrics {
        if let known = measuredFragments[name] { return known }
        guard let fragment = fragments[name], !fragmentsInProgress.contains(name) else { return SelectionMetrics() }
        fragmentsInProgress.insert(name)
        let metrics = measure(fragment.selectionSet, parentType: fragment.typeCondition.name.value)
        fragmentsInProgress.remove(name)
        measuredFragments[name] = metrics
        return metrics
    }

    /// The metrics of one field as its parent sees them: depth and cost include the field itself.
    private mutating func measure(_ field: Field, parentType: String?) -> SelectionMetrics {
        let shape = parentType.flatMap { shapeOf(field: field.name.value, on: $0) }
        var children = SelectionMetrics()
        if let selectionSet = field.selectionSet {
            children = measure(selectionSet, parentType: shape?.typeName)
        }
        let explicitSize = explicitListSize(of: field)
        let isList = shape?.isList ?? (explicitSize != nil)
        let repetitions = isList ? (explicitSize ?? limits.defaultListSize) : 1
        // Every item of a list argument is work the resolver is asked to do (a key to look up, an id to load).
        var argumentItems = 0
        var longestList = children.longestList
        for argument in field.arguments {
            let lists = listItems(in: argument.value)
            argumentItems = saturatingAdd(argumentItems, lists.total)
            if lists.longest > (longestList?.length ?? 0) {
                longestList = ListArgumentMeasure(field: field.name.value, argument: argument.name.value, length: lists.longest)
            }
        }
        return SelectionMetrics(
            fields: 1,
            aliases: saturatingAdd(field.alias == nil ? 0 : 1, children.aliases),
            depth: children.depth + 1,
            cost: saturatingAdd(saturatingAdd(1, argumentItems), saturatingMultiply(max(0, repetitions), children.cost)),
            longestList: longestList)
    }

    /// The items of every list in an argument value (literals, and variables' JSON values), and the longest list.
    private func listItems(in value: ValueNode) -> (total: Int, longest: Int) {
        switch value {
        case .list(let list):
            var result = (total: list.values.count, longest: list.values.count)
            for item in list.values {
                let inner = listItems(in: item)
                result = (saturatingAdd(result.total, inner.total), max(result.longest, inner.longest))
            }
            return result
        case .object(let object):
            var result = (total: 0, longest: 0)
            for field in object.fields {
                let inner = listItems(in: field.value)
                result = (saturatingAdd(result.total, inner.total), max(result.longest, inner.longest))
            }
            return result
        case .variable(let variable):
            if let json = variables[variable.name.value] { return Self.listItems(in: json) }
            return variableDefaults[variable.name.value].map { listItems(in: $0) } ?? (0, 0)
        default:
            return (0, 0)
        }
    }

    private static func listItems(in json: JSON) -> (total: Int, longest: Int) {
        switch json {
        case .array(let items):
            var result = (total: items.count, longest: items.count)
            for item in items {
                let inner = listItems(in: item)
                result = (saturatingAdd(result.total, inner.total), max(result.longest, inner.longest))
            }
            return result
        case .object(let object):
            var result = (total: 0, longest: 0)
            for (_, value) in object.entries {
                let inner = listItems(in: value)
                result = (saturatingAdd(result.total, inner.total), max(result.longest, inner.longest))
            }
            return result
        default:
            return (0, 0)
        }
    }

    private func shapeOf(field: String, on typeName: String) -> QueryFieldShape? {
        if field.hasPrefix("__") || typeName.hasPrefix("__") {
            return IntrospectionShapes.fieldShape(typeName: typeName, fieldName: field)
        }
        return schema?.fieldShape(typeName: typeName, fieldName: field)
    }

    /// The integer given to the first list-size argument present, from a literal, a variable, or the variable's default.
    private func explicitListSize(of field: Field) -> Int? {
        for name in limits.listSizeArguments {
            guard let argument = field.arguments.named(name) else { continue }
            switch argument.value {
            case .int(let literal):
                if let size = Int(literal.value) { return size }
            case .variable(let variable):
                let variableName = variable.name.value
                if case .int(let size)? = variables[variableName] { return size }
                if variables[variableName] == nil, case .int(let literal)? = variableDefaults[variableName],
                    let size = Int(literal.value)
                {
                    return size
                }
            default:
                break
            }
        }
        return nil
    }
}

/// Measures of a selection set, combinable as fragments are expanded into it.
struct SelectionMetrics {
    var fields = 0
    var aliases = 0
    var depth = 0
    var cost = 0
    var longestList: ListArgumentMeasure?

    /// Adds selections that sit at the same level (a field, or a fragment's contents).
    mutating func add(_ metrics: SelectionMetrics) {
        if let list = metrics.longestList, list.length > (longestList?.length ?? 0) { longestList = list }
        fields = saturatingAdd(fields, metrics.fields)
        aliases = saturatingAdd(aliases, metrics.aliases)
        depth = max(depth, metrics.depth)
        cost = saturatingAdd(cost, metrics.cost)
    }
}

@inline(__always)
private func saturatingAdd(_ a: Int, _ b: Int) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : sum
}

@inline(__always)
private func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}
