/// Value completion (spec CompleteValue): leaves, lists, objects and abstract types, with null
/// propagation to the nearest nullable position.
extension ExecutionRun {
    func completeField(_ value: ResolvedValue, plan: FieldPlan, position: ResultPosition) {
        if let builtin = plan.leafBuiltin, case .json(let json) = value, let leaf = Self.fastSerialize(json, builtin) {
            position.node[position.slot] = .leaf(leaf)
            return
        }
        switch complete(value, type: plan.returnType, plan: plan, position: position, isNonNull: false) {
        case .value(let slot): position.node[position.slot] = slot
        case .failed: fieldFailed(plan: plan, position: position)
        }
    }

    /// A field's position is null because of an error: set it to null, or null the parent when the
    /// field is non-null.
    func fieldFailed(plan: FieldPlan, position: ResultPosition) {
        if plan.isNonNull {
            nullify(position.node)
        } else {
            position.node[position.slot] = .null
        }
    }

    /// Nulls `node` and, while the nulled position is non-null, its ancestors (spec "Handling Field Errors").
    func nullify(_ node: ResultNode) {
        var current = node
        while true {
            nulled(current)
            guard current.slotIsNonNull, let parent = current.parent else { return propagated(to: current) }
            current = parent
        }
    }

    func complete(
        _ value: ResolvedValue, type: GraphQLType, plan: FieldPlan, position: ResultPosition, isNonNull: Bool
    ) -> Completion {
        if case .serialized(let json) = value { return .value(.serialized(json.bytes)) }
        switch type {
        case .nonNull(let inner):
            let completion = complete(value, type: inner, plan: plan, position: position, isNonNull: true)
            if case .value(.null) = completion {
                report(
                    GraphQLError(
                        "Cannot return null for non-nullable field \(plan.coordinate).",
                        locations: plan.locations, path: position.path), at: position)
                return .failed
            }
            return completion
        case .list(let itemType):
            switch value {
            case .null, .json(.null): return .value(.null)
            case .list(let items):
                return completeList(
                    count: items.count, item: { items[$0] }, itemType: itemType, plan: plan, position: position,
                    isNonNull: isNonNull)
            case .json(.array(let items)):
                return completeList(
                    count: items.count, item: { .json(items[$0]) }, itemType: itemType, plan: plan, position: position,
                    isNonNull: isNonNull)
            default:
                report(
                    GraphQLError(
                        "Expected Iterable, but did not find one for field \"\(plan.coordinate)\".",
                        locations: plan.locations, path: position.path), at: position)
                return .failed
            }
        case .named(let named):
            if value.isNull { return .value(.null) }
            switch named {
            case .scalar(let scalar): return completeLeaf(value, scalar: scalar, plan: plan, position: position)
            case .enum(let enumType): return completeEnum(value, type: enumType, plan: plan, position: position)
            case .object(let object):
                return completeObject(value, type: object, plan: plan, position: position, isNonNull: isNonNull)
            case .interface, .union:
                guard let object = resolveAbstractType(value, abstract: named, plan: plan, position: position) else {
                    return .failed
                }
                return completeObject(value, type: object, plan: plan, position: position, isNonNull: isNonNull)
            case .inputObject:
                return .value(.null)
            }
        }
    }

    /// Completes each item into a new list node; a failed non-null item fails the whole list.
    @inline(__always)
    func completeList(
        count: Int, item: (Int) -> ResolvedValue, itemType: GraphQLType, plan: FieldPlan, position: ResultPosition,
        isNonNull: Bool
    ) -> Completion {
        let list = arena.counted(ResultNode.make(
            parent: position.node, slot: position.slot, slotIsNonNull: isNonNull, plan: nil, count: count))
        let itemIsNonNull = itemType.isNonNull
        let fastBuiltin = plan.itemBuiltin
        for index in 0..<count {
            let value = item(index)
            if let fastBuiltin, case .json(let json) = value, let leaf = Self.fastSerialize(json, fastBuiltin) {
                list[index] = .leaf(leaf)
                continue
            }
            let itemPosition = ResultPosition(node: list, slot: index)
            switch complete(value, type: itemType, plan: plan, position: itemPosition, isNonNull: false) {
            case .value(let slot): list[index] = slot
            case .failed:
                if itemIsNonNull { return failList(list) }
            }
        }
        return .value(.node(list))
    }

    /// Collecting an object's fields failed: a field error at the object's position.
    func collectionFailed(_ error: GraphQLError, at position: ResultPosition) -> Completion {
        var located = error
        located.path = position.path
        report(located, at: position)
        return .failed
    }

    /// A failed non-null item nulls its whole list.
    func failList(_ list: ResultNode) -> Completion {
        nulled(list)
        propagated(to: list)
        // Dropped from the tree, but its items may already be pending: keep it alive.
        _ = arena.adopt(list)
        return .failed
    }

    func completeObject(
        _ value: ResolvedValue, type: GraphQLObjectType, plan: FieldPlan, position: ResultPosition, isNonNull: Bool
    ) -> Completion {
        let childPlan = plan.childPlan(for: type)
        if let error = childPlan.collectionError { return collectionFailed(error, at: position) }
        let node = arena.counted(ResultNode.make(
            parent: position.node, slot: position.slot, slotIsNonNull: isNonNull, plan: childPlan,
            count: childPlan.fields.count))
        nextLevel.append(PendingObject(node: node, value: value))
        return .value(.node(node))
    }

    func resolveAbstractType(
        _ value: ResolvedValue, abstract: GraphQLNamedType, plan: FieldPlan, position: ResultPosition
    ) -> GraphQLObjectType? {
        let schema = shared.schema
        let name = value.declaredTypeName ?? shared.executable.typeResolvers[abstract.id]?.resolve(value, context)
        if let name, let known = plan.cachedRuntimeType(named: name) { return known }
        let message: String
        if let name {
            if let resolved = schema.type(named: name) {
                if case .object(let object) = resolved {
                    if schema.isSubType(abstract: abstract, maybeSub: resolved) {
                        plan.cacheRuntimeType(object)
                        return object
                    }
                    message = "Runtime Object type \"\(name)\" is not a possible type for \"\(abstract.name)\"."
                } else {
                    message = "Abstract type \"\(abstract.name)\" was resolved to a non-object type \"\(name)\"."
                }
            } else {
                message = "Abstract type \"\(abstract.name)\" was resolved to a type \"\(name)\" that does not exist inside the schema."
            }
        } else {
            message = "Abstract type \"\(abstract.name)\" must resolve to an Object type at runtime for field \"\(plan.coordinate)\". Either the \"\(abstract.name)\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."
        }
        report(GraphQLError(message, locations: plan.locations, path: position.path), at: position)
        return nil
    }

    func completeLeaf(
        _ value: ResolvedValue, scalar: GraphQLScalarType, plan: FieldPlan, position: ResultPosition
    ) -> Completion {
        let input = Self.leafInput(value)
        if let builtin = scalar.builtin, let fast = Self.fastSerialize(input, builtin) { return .value(.leaf(fast)) }
        do {
            return .value(.leaf(try scalar.coercion.serialize(input)))
        } catch {
            let message = (error as? GraphQLError)?.message ?? "\(error)"
            report(GraphQLError(message, locations: plan.locations, path: position.path), at: position)
            return .failed
        }
    }

    /// Whether a built-in scalar serializes `value` as it is (strings, booleans, floats, 32-bit ints).
    @inline(__always)
    static func servesUnchanged(_ value: JSON, _ builtin: BuiltinScalar) -> Bool {
        switch (builtin, value) {
        case (.string, .string), (.id, .string), (.boolean, .bool), (.float, .double): return true
        case (.int, .int(let int)): return int >= -2_147_483_648 && int <= 2_147_483_647
        default: return false
        }
    }

    /// The common, always-valid cases of built-in scalar result coercion, without a closure call.
    @inline(__always)
    static func fastSerialize(_ value: JSON, _ builtin: BuiltinScalar) -> JSON? {
        switch (builtin, value) {
        case (.string, .string), (.id, .string), (.boolean, .bool), (.float, .double): return value
        case (.int, .int(let int)): return int >= -2_147_483_648 && int <= 2_147_483_647 ? value : nil
        case (.float, .int(let int)): return .double(Double(int))
        case (.id, .int(let int)): return .string(String(int))
        default: return nil
        }
    }

    func completeEnum(
        _ value: ResolvedValue, type: GraphQLEnumType, plan: FieldPlan, position: ResultPosition
    ) -> Completion {
        let input = Self.leafInput(value)
        if case .string(let name) = input, Self.enumHasValue(type, name) { return .value(.leaf(input)) }
        report(
            GraphQLError(
                "Enum \"\(type.name)\" cannot represent value: \(inspect(input))",
                locations: plan.locations, path: position.path), at: position)
        return .failed
    }

    /// Small enums are scanned: comparing a few short strings is cheaper than hashing one.
    static func enumHasValue(_ type: GraphQLEnumType, _ name: String) -> Bool {
        let values = type.values
        if values.count > 12 { return type.value(named: name) != nil }
        for value in values where value.name == name { return true }
        return false
    }

    /// A resolver's value as the JSON a scalar's `serialize` expects.
    static func leafInput(_ value: ResolvedValue) -> JSON {
        switch value {
        case .null: .null
        case .json(let json): json
        case .list(let items): .array(items.map(leafInput))
        case .object(let object, _):
            if let convertible = object as? any ResolvedValueConvertible,
                case .json(let json) = convertible.resolvedValue
            {
                json
            } else {
                .object(JSONObject())
            }
        case .serialized(let json): (try? JSON.parse(json.bytes)) ?? .null
        }
    }
}
