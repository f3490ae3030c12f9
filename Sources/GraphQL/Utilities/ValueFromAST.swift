/// graphql-js `valueFromAST`: coerces a literal to `type` (spec §3 input coercion of each type).
///
/// Returns `nil` ("undefined") when the literal is invalid for the type, or is a variable
/// that has no value; `.null` is an explicit null. Validation reports *why* a literal is
/// invalid; this function only decides the value.
public func valueFromAST(_ node: ValueNode, type: GraphQLType, variables: JSONObject? = nil) -> JSON? {
    if case .variable(let variable) = node {
        guard let value = variables?[variable.name.value] else { return nil }
        if value == .null && type.isNonNull { return nil }
        return value
    }
    switch type {
    case .nonNull(let inner):
        if case .null = node { return nil }
        return valueFromAST(node, type: inner, variables: variables)
    case .list(let itemType):
        if case .null = node { return .null }
        if case .list(let list) = node {
            var items: [JSON] = []
            items.reserveCapacity(list.values.count)
            for itemNode in list.values {
                if isMissingVariable(itemNode, variables) {
                    if itemType.isNonNull { return nil }
                    items.append(.null)
                } else {
                    guard let item = valueFromAST(itemNode, type: itemType, variables: variables) else { return nil }
                    items.append(item)
                }
            }
            return .array(items)
        }
        guard let single = valueFromAST(node, type: itemType, variables: variables) else { return nil }
        return .array([single])
    case .named(let named):
        if case .null = node { return .null }
        switch named {
        case .inputObject(let inputObject):
            guard case .object(let object) = node else { return nil }
            var result = JSONObject()
            for field in inputObject.fields {
                let fieldNode = object.fields.first { $0.name.value == field.name }
                guard let fieldNode, !isMissingVariable(fieldNode.value, variables) else {
                    if let defaultValue = field.defaultValue {
                        result[field.name] = defaultValue
                    } else if field.type.isNonNull {
                        return nil
                    }
                    continue
                }
                guard let value = valueFromAST(fieldNode.value, type: field.type, variables: variables) else { return nil }
                result[field.name] = value
            }
            if inputObject.isOneOf {
                guard result.count == 1, result.entries[0].value != .null else { return nil }
            }
            return .object(result)
        case .enum(let enumType):
            return try? enumType.parseLiteral(node)
        case .scalar(let scalar):
            return try? scalar.coercion.parseLiteral(node, variables)
        case .object, .interface, .union:
            return nil
        }
    }
}

/// A variable reference whose variable has no runtime value.
private func isMissingVariable(_ node: ValueNode, _ variables: JSONObject?) -> Bool {
    if case .variable(let variable) = node { return variables?[variable.name.value] == nil }
    return false
}
