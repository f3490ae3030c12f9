/// A schema from the result of `introspectionQuery` (`{"__schema": …}`, with or without `data` around it): the
/// reverse of introspection, as graphql-js's `buildClientSchema`, for tools that only have a server's answer.
/// The types are written out as SDL and built as any SDL is, so the same checks apply.
public func buildSchema(introspection: JSON) throws(GraphQLErrorList) -> GraphQLSchema {
    var root = introspection
    if case .object(let object) = root, let data = object["data"] { root = data }
    guard case .object(let object) = root, case .object(let schema)? = object["__schema"] else {
        throw GraphQLErrorList([GraphQLError("The introspection result has no \"__schema\" object.")])
    }
    return try buildSchema(sdl: IntrospectionSDL(schema: schema).text)
}

private struct IntrospectionSDL {
    let schema: JSONObject

    var text: String {
        var parts: [String] = []
        let roots = [("query", "queryType"), ("mutation", "mutationType"), ("subscription", "subscriptionType")]
            .compactMap { operation, key in name(of: schema[key]).map { "  \(operation): \($0)" } }
        parts.append(description(schema) + "schema {\n" + roots.joined(separator: "\n") + "\n}")
        for case .object(let type) in array(schema["types"]) {
            guard let name = string(type["name"]), !name.hasPrefix("__") else { continue }
            if ["String", "Int", "Float", "Boolean", "ID"].contains(name), string(type["kind"]) == "SCALAR" { continue }
            parts.append(definition(type, name: name))
        }
        for case .object(let directive) in array(schema["directives"]) {
            guard let name = string(directive["name"]), !["skip", "include", "deprecated", "specifiedBy", "oneOf"].contains(name) else { continue }
            let locations = array(directive["locations"]).compactMap(string).joined(separator: " | ")
            let repeatable = directive["isRepeatable"] == .bool(true) ? " repeatable" : ""
            parts.append(description(directive) + "directive @\(name)\(arguments(directive["args"]))\(repeatable) on \(locations)")
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    func definition(_ type: JSONObject, name: String) -> String {
        let head = description(type)
        switch string(type["kind"]) {
        case "SCALAR":
            let url = string(type["specifiedByURL"]).map { " @specifiedBy(url: \(quoted($0)))" } ?? ""
            return head + "scalar \(name)\(url)"
        case "OBJECT", "INTERFACE":
            let keyword = string(type["kind"]) == "OBJECT" ? "type" : "interface"
            let interfaces = array(type["interfaces"]).compactMap(name(of:))
            let implements = interfaces.isEmpty ? "" : " implements " + interfaces.joined(separator: " & ")
            let fields = array(type["fields"]).compactMap { value -> String? in
                guard case .object(let field) = value, let fieldName = string(field["name"]) else { return nil }
                return indented(description(field)) + "  \(fieldName)\(arguments(field["args"])): \(reference(field["type"]))\(deprecated(field))"
            }
            return head + "\(keyword) \(name)\(implements) {\n" + fields.joined(separator: "\n") + "\n}"
        case "UNION":
            return head + "union \(name) = " + array(type["possibleTypes"]).compactMap(name(of:)).joined(separator: " | ")
        case "ENUM":
            let values = array(type["enumValues"]).compactMap { value -> String? in
                guard case .object(let enumValue) = value, let valueName = string(enumValue["name"]) else { return nil }
                return indented(description(enumValue)) + "  \(valueName)\(deprecated(enumValue))"
            }
            return head + "enum \(name) {\n" + values.joined(separator: "\n") + "\n}"
        case "INPUT_OBJECT":
            let oneOf = type["isOneOf"] == .bool(true) ? " @oneOf" : ""
            let fields = array(type["inputFields"]).compactMap { value -> String? in
                guard case .object(let field) = value else { return nil }
                return indented(description(field)) + "  " + inputValue(field, describing: false)
            }
            return head + "input \(name)\(oneOf) {\n" + fields.joined(separator: "\n") + "\n}"
        default:
            return ""
        }
    }

    func arguments(_ value: JSON?) -> String {
        let values = array(value).compactMap { item -> String? in
            guard case .object(let argument) = item else { return nil }
            return inputValue(argument)
        }
        return values.isEmpty ? "" : "(" + values.joined(separator: ", ") + ")"
    }

    /// `"description" name: Type = default @deprecated(…)`; the default is already a GraphQL literal.
    func inputValue(_ value: JSONObject, describing: Bool = true) -> String {
        let defaultValue = string(value["defaultValue"]).map { " = \($0)" } ?? ""
        return "\(describing ? description(value, inline: true) : "")\(string(value["name"]) ?? ""): \(reference(value["type"]))\(defaultValue)\(deprecated(value))"
    }

    func reference(_ value: JSON?) -> String {
        guard case .object(let type)? = value else { return "" }
        switch string(type["kind"]) {
        case "NON_NULL": return reference(type["ofType"]) + "!"
        case "LIST": return "[" + reference(type["ofType"]) + "]"
        default: return string(type["name"]) ?? ""
        }
    }

    func deprecated(_ value: JSONObject) -> String {
        guard value["isDeprecated"] == .bool(true) else { return "" }
        return string(value["deprecationReason"]).map { " @deprecated(reason: \(quoted($0)))" } ?? " @deprecated"
    }

    func description(_ value: JSONObject, inline: Bool = false) -> String {
        guard let text = string(value["description"]) else { return "" }
        return quoted(text) + (inline ? " " : "\n")
    }

    func indented(_ text: String) -> String { text.isEmpty ? "" : "  " + text }

    func quoted(_ text: String) -> String { JSON.string(text).serialized() }
    func name(of value: JSON?) -> String? { if case .object(let object)? = value { return string(object["name"]) } else { return nil } }
    func string(_ value: JSON?) -> String? { if case .string(let text)? = value { return text } else { return nil } }
    func array(_ value: JSON?) -> [JSON] { if case .array(let items)? = value { return items } else { return [] } }
}
