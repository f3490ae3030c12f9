/// graphql-js `valueFromASTUntyped`: a literal as plain JSON, with no type to guide it.
/// Custom scalars use it as their default `parseLiteral`. Returns `nil` ("undefined") for a
/// variable that was not provided.
public func valueFromASTUntyped(_ node: ValueNode, variables: JSONObject?) -> JSON? {
    switch node {
    case .null: return .null
    case .int(let v):
        if let int = Int(v.value) { return .int(int) }
        return Double(v.value).map(JSON.double)
    case .float(let v): return Double(v.value).map(JSON.double)
    case .string(let v): return .string(v.value)
    case .boolean(let v): return .bool(v.value)
    case .enumValue(let v): return .string(v.value)
    case .list(let list):
        return .array(list.values.map { valueFromASTUntyped($0, variables: variables) ?? .null })
    case .object(let object):
        var result = JSONObject()
        for field in object.fields {
            if let value = valueFromASTUntyped(field.value, variables: variables) { result[field.name.value] = value }
        }
        return .object(result)
    case .variable(let variable):
        return variables?[variable.name.value]
    }
}
