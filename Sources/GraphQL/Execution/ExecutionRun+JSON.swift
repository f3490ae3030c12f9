/// Completion of values read by default resolvers from a JSON parent: the same rules as `complete`,
/// without wrapping every value in a `ResolvedValue` or building a `ResultPosition` per field.
extension ExecutionRun {
    /// Completes `value` against `type` at `node[slot]`; `nil` when the value needs the general path
    /// (an error to report, a type to resolve by hook), in which case nothing was created or queued.
    func completeJSON(
        _ value: JSON, type: GraphQLType, plan: FieldPlan, node: ResultNode, slot: Int, isNonNull: Bool
    ) -> Completion? {
        switch type {
        case .nonNull(let inner):
            guard let completion = completeJSON(value, type: inner, plan: plan, node: node, slot: slot, isNonNull: true)
            else { return nil }
            if case .value(.null) = completion { return nil }
            return completion
        case .list(let itemType):
            switch value {
            case .null: return .value(.null)
            case .array(let items): return completeJSONList(items, itemType: itemType, plan: plan, node: node, slot: slot, isNonNull: isNonNull)
            default: return nil
            }
        case .named(let named):
            if case .null = value { return .value(.null) }
            switch named {
            case .scalar(let scalar):
                if let builtin = scalar.builtin {
                    guard let leaf = Self.fastSerialize(value, builtin) else { return nil }
                    return .value(.leaf(leaf))
                }
                guard let leaf = try? scalar.coercion.serialize(value) else { return nil }
                return .value(.leaf(leaf))
            case .enum(let enumType):
                guard case .string(let name) = value, Self.enumHasValue(enumType, name) else { return nil }
                return .value(.leaf(value))
            case .object(let object):
                return completeJSONObject(value, type: object, plan: plan, node: node, slot: slot, isNonNull: isNonNull)
            case .interface, .union:
                guard case .object(let fields) = value, case .string(let name)? = fields["__typename"],
                    let object = plan.cachedRuntimeType(named: name)
                else { return nil }
                return completeJSONObject(value, type: object, plan: plan, node: node, slot: slot, isNonNull: isNonNull)
            case .inputObject:
                return .value(.null)
            }
        }
    }

    @inline(__always)
    private func completeJSONObject(
        _ value: JSON, type: GraphQLObjectType, plan: FieldPlan, node: ResultNode, slot: Int, isNonNull: Bool
    ) -> Completion {
        let childPlan = plan.childPlan(for: type)
        if let error = childPlan.collectionError { return collectionFailed(error, at: ResultPosition(node: node, slot: slot)) }
        let child = arena.counted(ResultNode.make(
            parent: node, slot: slot, slotIsNonNull: isNonNull, plan: childPlan, count: childPlan.fields.count))
        nextLevel.append(PendingObject(node: child, value: .json(value)))
        return .value(.node(child))
    }

    /// `completeList` for a JSON array: items the fast path cannot complete take the general one.
    private func completeJSONList(
        _ items: [JSON], itemType: GraphQLType, plan: FieldPlan, node: ResultNode, slot: Int, isNonNull: Bool
    ) -> Completion {
        let count = items.count
        let list = arena.counted(ResultNode.make(
            parent: node, slot: slot, slotIsNonNull: isNonNull, plan: nil, count: count))
        let itemIsNonNull = itemType.isNonNull
        let fastBuiltin = plan.itemBuiltin
        for index in 0..<count {
            let item = items[index]
            if let fastBuiltin, Self.servesUnchanged(item, fastBuiltin) {
                list[index] = .leaf(item)
                continue
            }
            if let fastBuiltin, let leaf = Self.fastSerialize(item, fastBuiltin) {
                list[index] = .leaf(leaf)
                continue
            }
            let completion = completeJSON(item, type: itemType, plan: plan, node: list, slot: index, isNonNull: false)
                ?? complete(.json(item), type: itemType, plan: plan, position: ResultPosition(node: list, slot: index), isNonNull: false)
            switch completion {
            case .value(let slot): list[index] = slot
            case .failed:
                if itemIsNonNull { return failList(list) }
            }
        }
        return .value(.node(list))
    }
}
