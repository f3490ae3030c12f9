/// Prints an AST back to GraphQL text in graphql-js's canonical `print()` format: two-space
/// indentation, one selection or field per line, definitions separated by a blank line,
/// arguments wrapped onto separate lines when a field's line would exceed 80 characters.
public func print(_ document: Document) -> String { Printer.document(document) }

/// Prints one definition as `print(_: Document)` would.
public func print(_ definition: Definition) -> String { Printer.definition(definition) }

/// Prints a selection set as `print(_: Document)` would.
public func print(_ selectionSet: SelectionSet) -> String { Printer.selectionSet(selectionSet) }

/// Prints a value literal, e.g. `{a: [1, "x"]}`.
public func print(_ value: ValueNode) -> String { Printer.value(value) }

/// Prints a type reference, e.g. `[String!]!`.
public func print(_ type: TypeNode) -> String { Printer.type(type) }

/// Prints a directive application, e.g. `@include(if: $flag)`.
public func print(_ directive: Directive) -> String { Printer.directive(directive) }

/// The printing rules, one function per node kind, mirroring graphql-js's join/wrap/block helpers
/// so that edge cases (empty lists, multi-line arguments, descriptions) come out identically.
enum Printer {
    static let maxLineLength = 80

    static func document(_ node: Document) -> String {
        join(node.definitions.map(definition), "\n\n")
    }

    static func definition(_ node: Definition) -> String {
        switch node {
        case .operation(let d): operation(d)
        case .fragment(let d): fragment(d)
        case .schema(let d): schema(d)
        case .schemaExtension(let d): schemaExtension(d)
        case .type(let d): typeDefinition(d)
        case .typeExtension(let d): typeExtension(d)
        case .directive(let d): directiveDefinition(d)
        }
    }

    // MARK: Executable definitions

    static func operation(_ node: OperationDefinition) -> String {
        let variables = node.variableDefinitions.map(variableDefinition)
        let variableList = hasMultilineItems(variables)
            ? wrap("(\n", join(variables, "\n"), "\n)") : wrap("(", join(variables, ", "), ")")
        let prefix = wrap("", node.description.map(string), "\n") + join(
            [
                node.operation.rawValue,
                join([node.name?.value ?? "", variableList]),
                join(node.directives.map(directive), " "),
            ], " ")
        return (prefix == "query" ? "" : prefix + " ") + selectionSet(node.selectionSet)
    }

    static func variableDefinition(_ node: VariableDefinition) -> String {
        wrap("", node.description.map(string), "\n") + "$" + node.variable.name.value + ": " + type(node.type)
            + wrap(" = ", node.defaultValue.map(value)) + wrap(" ", join(node.directives.map(directive), " "))
    }

    static func selectionSet(_ node: SelectionSet) -> String {
        block(node.selections.map(selection))
    }

    static func selection(_ node: Selection) -> String {
        switch node {
        case .field(let field):
            let prefix = wrap("", field.alias?.value, ": ") + field.name.value
            let arguments = field.arguments.map(argument)
            var line = prefix + wrap("(", join(arguments, ", "), ")")
            if line.utf16.count > maxLineLength {
                line = prefix + wrap("(\n", indent(join(arguments, "\n")), "\n)")
            }
            return join(
                [line, join(field.directives.map(directive), " "), field.selectionSet.map(selectionSet) ?? ""], " ")
        case .fragmentSpread(let spread):
            return "..." + spread.name.value + wrap(" ", join(spread.directives.map(directive), " "))
        case .inlineFragment(let fragment):
            return join(
                [
                    "...",
                    wrap("on ", fragment.typeCondition?.name.value),
                    join(fragment.directives.map(directive), " "),
                    selectionSet(fragment.selectionSet),
                ], " ")
        }
    }

    static func argument(_ node: Argument) -> String {
        node.name.value + ": " + value(node.value)
    }

    static func fragment(_ node: FragmentDefinition) -> String {
        wrap("", node.description.map(string), "\n")
            + "fragment \(node.name.value)\(wrap("(", join(node.variableDefinitions.map(variableDefinition), ", "), ")")) "
            + "on \(node.typeCondition.name.value) \(wrap("", join(node.directives.map(directive), " "), " "))"
            + selectionSet(node.selectionSet)
    }

    // MARK: Values, directives, types

    static func value(_ node: ValueNode) -> String {
        switch node {
        case .variable(let v): "$" + v.name.value
        case .int(let v): v.value
        case .float(let v): v.value
        case .string(let v): string(v)
        case .boolean(let v): v.value ? "true" : "false"
        case .null: "null"
        case .enumValue(let v): v.value
        case .list(let v): "[" + join(v.values.map(value), ", ") + "]"
        case .object(let v): "{" + join(v.fields.map { $0.name.value + ": " + value($0.value) }, ", ") + "}"
        }
    }

    static func string(_ node: StringValue) -> String {
        node.block ? printBlockString(node.value) : printString(node.value)
    }

    static func directive(_ node: Directive) -> String {
        "@" + node.name.value + wrap("(", join(node.arguments.map(argument), ", "), ")")
    }

    static func type(_ node: TypeNode) -> String {
        switch node {
        case .named(let t): t.name.value
        case .list(let t): "[" + type(t.type) + "]"
        case .nonNull(let t): type(t.type) + "!"
        }
    }

    // MARK: Type system

    static func schema(_ node: SchemaDefinition) -> String {
        wrap("", node.description.map(string), "\n")
            + join(["schema", directives(node.directives), block(node.operationTypes.map(operationType))], " ")
    }

    static func operationType(_ node: OperationTypeDefinition) -> String {
        node.operation.rawValue + ": " + node.type.name.value
    }

    static func typeDefinition(_ node: TypeDefinition) -> String {
        let description = wrap("", node.description.map(string), "\n")
        switch node {
        case .scalar(let d):
            return description + join(["scalar", d.name.value, directives(d.directives)], " ")
        case .object(let d):
            return description + join(
                ["type", d.name.value, implements(d.interfaces), directives(d.directives), block(d.fields.map(field))],
                " ")
        case .interface(let d):
            return description + join(
                [
                    "interface", d.name.value, implements(d.interfaces), directives(d.directives),
                    block(d.fields.map(field)),
                ], " ")
        case .union(let d):
            return description + join(["union", d.name.value, directives(d.directives), members(d.types)], " ")
        case .enum(let d):
            return description + join(
                ["enum", d.name.value, directives(d.directives), block(d.values.map(enumValue))], " ")
        case .inputObject(let d):
            return description + join(
                ["input", d.name.value, directives(d.directives), block(d.fields.map(inputValue))], " ")
        }
    }

    static func field(_ node: FieldDefinition) -> String {
        wrap("", node.description.map(string), "\n") + node.name.value + argumentDefinitions(node.arguments) + ": "
            + type(node.type) + wrap(" ", directives(node.directives))
    }

    static func argumentDefinitions(_ nodes: [InputValueDefinition]) -> String {
        let arguments = nodes.map(inputValue)
        return hasMultilineItems(arguments)
            ? wrap("(\n", indent(join(arguments, "\n")), "\n)") : wrap("(", join(arguments, ", "), ")")
    }

    static func inputValue(_ node: InputValueDefinition) -> String {
        wrap("", node.description.map(string), "\n") + join(
            [
                node.name.value + ": " + type(node.type), wrap("= ", node.defaultValue.map(value)),
                directives(node.directives),
            ], " ")
    }

    static func enumValue(_ node: EnumValueDefinition) -> String {
        wrap("", node.description.map(string), "\n") + join([node.name.value, directives(node.directives)], " ")
    }

    static func directiveDefinition(_ node: DirectiveDefinition) -> String {
        wrap("", node.description.map(string), "\n") + "directive @" + node.name.value
            + argumentDefinitions(node.arguments) + (node.isRepeatable ? " repeatable" : "") + " on "
            + join(node.locations.map(\.value), " | ")
    }

    static func schemaExtension(_ node: SchemaExtension) -> String {
        join(["extend schema", directives(node.directives), block(node.operationTypes.map(operationType))], " ")
    }

    static func typeExtension(_ node: TypeExtension) -> String {
        switch node {
        case .scalar(let d):
            join(["extend scalar", d.name.value, directives(d.directives)], " ")
        case .object(let d):
            join(
                [
                    "extend type", d.name.value, implements(d.interfaces), directives(d.directives),
                    block(d.fields.map(field)),
                ], " ")
        case .interface(let d):
            join(
                [
                    "extend interface", d.name.value, implements(d.interfaces), directives(d.directives),
                    block(d.fields.map(field)),
                ], " ")
        case .union(let d):
            join(["extend union", d.name.value, directives(d.directives), members(d.types)], " ")
        case .enum(let d):
            join(["extend enum", d.name.value, directives(d.directives), block(d.values.map(enumValue))], " ")
        case .inputObject(let d):
            join(["extend input", d.name.value, directives(d.directives), block(d.fields.map(inputValue))], " ")
        }
    }

    static func directives(_ nodes: [Directive]) -> String { join(nodes.map(directive), " ") }

    static func implements(_ interfaces: [NamedType]) -> String {
        wrap("implements ", join(interfaces.map(\.name.value), " & "))
    }

    static func members(_ types: [NamedType]) -> String {
        wrap("= ", join(types.map(\.name.value), " | "))
    }

    // MARK: graphql-js's string helpers

    /// Joins the non-empty parts.
    static func join(_ parts: [String], _ separator: String = "") -> String {
        var result = ""
        var first = true
        for part in parts where !part.isEmpty {
            if !first { result += separator }
            result += part
            first = false
        }
        return result
    }

    /// `start + text + end`, or nothing when the text is missing or empty.
    static func wrap(_ start: String, _ text: String?, _ end: String = "") -> String {
        guard let text, !text.isEmpty else { return "" }
        return start + text + end
    }

    /// Each item on its own line inside an indented `{ }` block; nothing when there are no items.
    static func block(_ items: [String]) -> String {
        wrap("{\n", indent(join(items, "\n")), "\n}")
    }

    /// Two spaces before every line (including lines inside block strings, as graphql-js does).
    static func indent(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var output: [UInt8] = [0x20, 0x20]
        output.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            output.append(byte)
            if byte == 0x0A {
                output.append(0x20)
                output.append(0x20)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hasMultilineItems(_ items: [String]) -> Bool {
        items.contains { $0.utf8.contains(0x0A) }
    }
}
