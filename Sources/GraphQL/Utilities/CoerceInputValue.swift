/// graphql-js `coerceInputValue`: coerces a JSON value (a variable's value) to an input type,
/// following each type's input coercion rules (spec §3.5–3.12).
///
/// Every problem is passed to `onError` with the path inside the value, the offending value
/// and the error; the returned value is only meaningful when `onError` was never called.
public func coerceInputValue(
    _ value: JSON,
    type: GraphQLType,
    onError: (_ path: [PathComponent], _ invalidValue: JSON, _ error: GraphQLError) -> Void
) -> JSON {
    var path: [PathComponent] = []
    return coerce(value, type, &path, onError)
}

/// Coerces `value` to `type`, throwing the first problem as graphql-js's default error handler
/// words it: `Invalid value "abc" at "value.x": Int cannot represent non-integer value: "abc"`.
public func coerceInputValue(_ value: JSON, type: GraphQLType) throws(GraphQLError) -> JSON {
    var firstError: GraphQLError?
    let result = coerceInputValue(value, type: type) { path, invalidValue, error in
        guard firstError == nil else { return }
        var prefix = "Invalid value " + inspect(invalidValue)
        if !path.isEmpty { prefix += " at \"value\(printPath(path))\"" }
        var wrapped = error
        wrapped.message = prefix + ": " + error.message
        firstError = wrapped
    }
    if let firstError { throw firstError }
    return result
}

/// `.a[0].b` for a path inside an input value, as graphql-js `printPathArray` writes it.
func printPath(_ path: [PathComponent]) -> String {
    var text = ""
    for component in path {
        switch component {
        case .key(let key): text += "." + key
        case .index(let index): text += "[\(index)]"
        }
    }
    return text
}

private func coerce(
    _ value: JSON,
    _ type: GraphQLType,
    _ path: inout [PathComponent],
    _ onError: (_ path: [PathComponent], _ invalidValue: JSON, _ error: GraphQLError) -> Void
) -> JSON {
    switch type {
    case .nonNull(let inner):
        if value != .null { return coerce(value, inner, &path, onError) }
        onError(path, value, GraphQLError("Expected non-nullable type \"\(type.printed)\" not to be null."))
        return .null
    case .list(let itemType):
        if value == .null { return .null }
        if case .array(let items) = value {
            var result: [JSON] = []
            result.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                result.append(coerce(item, itemType, &path, onError))
                path.removeLast()
            }
            return .array(result)
        }
        return .array([coerce(value, itemType, &path, onError)])
    case .named(let named):
        if value == .null { return .null }
        switch named {
        case .inputObject(let inputObject):
            return coerceInputObject(value, inputObject, &path, onError)
        case .enum(let enumType):
            do throws(GraphQLError) {
                return try enumType.parseValue(value)
            } catch {
                onError(path, value, error)
                return .null
            }
        case .scalar(let scalar):
            do {
                return try scalar.coercion.parseValue(value)
            } catch let error as GraphQLError {
                onError(path, value, error)
            } catch {
                onError(path, value, GraphQLError("Expected type \"\(scalar.name)\". \(error)"))
            }
            return .null
        case .object, .interface, .union:
            onError(path, value, GraphQLError("Expected type \"\(named.name)\"."))
            return .null
        }
    }
}

private func coerceInputObject(
    _ value: JSON,
    _ type: GraphQLInputObjectType,
    _ path: inout [PathComponent],
    _ onError: (_ path: [PathComponent], _ invalidValue: JSON, _ error: GraphQLError) -> Void
) -> JSON {
    guard case .object(let object) = value else {
        onError(path, value, GraphQLError("Expected type \"\(type.name)\" to be an object."))
        return .null
    }
    var result = JSONObject()
    // Fields whose value was refused: graphql-js leaves them undefined, not null, so the @oneOf null check
    // below does not report them a second time.
    var refused = Set<String>()
    for field in type.fields {
        guard let fieldValue = object[field.name] else {
            if let defaultValue = field.defaultValue {
                result[field.name] = defaultValue
            } else if field.type.isNonNull {
                onError(path, value, GraphQLError(
                    "Field \"\(field.name)\" of required type \"\(field.type.printed)\" was not provided."))
            }
            continue
        }
        path.append(.key(field.name))
        var failed = false
        result[field.name] = coerce(fieldValue, field.type, &path) { path, invalid, error in
            failed = true
            onError(path, invalid, error)
        }
        if failed { refused.insert(field.name) }
        path.removeLast()
    }
    for key in object.keys where type.field(named: key) == nil {
        let suggestions = Suggestions.list(key, options: type.fields.map(\.name))
        onError(path, value, GraphQLError(
            "Field \"\(key)\" is not defined by type \"\(type.name)\"." + Suggestions.didYouMean(suggestions)))
    }
    if type.isOneOf {
        if result.count != 1 {
            onError(path, value, GraphQLError("Exactly one key must be specified for OneOf type \"\(type.name)\"."))
        }
        if let (key, fieldValue) = result.entries.first, fieldValue == .null, !refused.contains(key) {
            onError(path + [.key(key)], fieldValue, GraphQLError("Field \"\(key)\" must be non-null."))
        }
    }
    return .object(result)
}
