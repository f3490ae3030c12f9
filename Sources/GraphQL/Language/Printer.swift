/// Prints an AST back to GraphQL text in graphql-js's canonical `print()` format: two-space
/// indentation, one selection or field per line, definitions separated by a blank line,
/// arguments wrapped onto separate lines when a field's line would exceed 80 characters.
public func print(_ document: Document) -> String {
    var writer = PrintWriter()
    writer.document(document)
    return writer.result
}

/// Prints one definition as `print(_: Document)` would.
public func print(_ definition: Definition) -> String {
    var writer = PrintWriter()
    writer.definition(definition)
    return writer.result
}

/// Prints a selection set as `print(_: Document)` would.
public func print(_ selectionSet: SelectionSet) -> String {
    var writer = PrintWriter()
    writer.selectionSet(selectionSet)
    return writer.result
}

/// Prints a value literal, e.g. `{a: [1, "x"]}`.
public func print(_ value: ValueNode) -> String {
    var writer = PrintWriter()
    writer.value(value)
    return writer.result
}

/// Prints a type reference, e.g. `[String!]!`.
public func print(_ type: TypeNode) -> String {
    var writer = PrintWriter()
    writer.type(type)
    return writer.result
}

/// Prints a directive application, e.g. `@include(if: $flag)`.
public func print(_ directive: Directive) -> String {
    var writer = PrintWriter()
    writer.directive(directive)
    return writer.result
}

/// Streams graphql-js's printer output into a byte buffer.
///
/// graphql-js builds strings bottom-up and indents a nested block by inserting two spaces after
/// every newline in it (block strings included). Writing with a current indentation that is
/// emitted after every newline produces exactly the same text without re-copying each level.
struct PrintWriter {
    static let maxLineLength = 80

    private(set) var bytes: [UInt8] = []
    private var level = 0

    init() { bytes.reserveCapacity(256) }

    var result: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Output primitives

    /// Writes text that contains no newline.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes a name or other text known to contain no newline.
    @inline(__always)
    mutating func plain(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A newline followed by the current indentation.
    mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<level * 2 { bytes.append(0x20) }
    }

    /// Writes text that may contain newlines, indenting after each.
    mutating func text(_ text: String) {
        for byte in text.utf8 {
            if byte == 0x0A { newline() } else { bytes.append(byte) }
        }
    }

    /// Re-emits bytes printed at level 0 at the current level.
    mutating func splice(_ printed: [UInt8]) {
        if level == 0 {
            bytes.append(contentsOf: printed)
            return
        }
        for byte in printed {
            if byte == 0x0A { newline() } else { bytes.append(byte) }
        }
    }

    /// `{`, each item on its own indented line, `}`; nothing at all for no items.
    mutating func block<T>(_ items: [T], _ write: (inout PrintWriter, T) -> Void) {
        guard !items.isEmpty else { return }
        raw("{")
        level += 1
        for item in items {
            newline()
            write(&self, item)
        }
        level -= 1
        newline()
        raw("}")
    }

    /// Items separated by `separator`, with no newlines added.
    mutating func list<T>(_ items: [T], _ separator: StaticString, _ write: (inout PrintWriter, T) -> Void) {
        var first = true
        for item in items {
            if !first { raw(separator) }
            write(&self, item)
            first = false
        }
    }

    /// Prints items separately at level 0 (to measure or inspect them).
    static func printed<T>(_ items: [T], _ write: (inout PrintWriter, T) -> Void) -> [[UInt8]] {
        items.map { item in
            var writer = PrintWriter()
            write(&writer, item)
            return writer.bytes
        }
    }

    // MARK: Document

    mutating func document(_ node: Document) {
        var first = true
        for definition in node.definitions {
            if !first {
                newline()
                newline()
            }
            self.definition(definition)
            first = false
        }
    }

    mutating func definition(_ node: Definition) {
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

    mutating func description(_ node: StringValue?) {
        guard let node else { return }
        string(node)
        newline()
    }

    // MARK: Executable definitions

    mutating func operation(_ node: OperationDefinition) {
        let isShorthand = node.description == nil && node.operation == .query && node.name == nil
            && node.variableDefinitions.isEmpty && node.directives.isEmpty
        if !isShorthand {
            description(node.description)
            plain(node.operation.rawValue)
            if node.name != nil || !node.variableDefinitions.isEmpty {
                raw(" ")
                if let name = node.name { plain(name.value) }
                variableDefinitions(node.variableDefinitions)
            }
            if !node.directives.isEmpty {
                raw(" ")
                directives(node.directives)
            }
            raw(" ")
        }
        selectionSet(node.selectionSet)
    }

    mutating func variableDefinitions(_ nodes: [VariableDefinition]) {
        guard !nodes.isEmpty else { return }
        let printed = PrintWriter.printed(nodes) { $0.variableDefinition($1) }
        if printed.contains(where: { $0.contains(0x0A) }) {
            raw("(")
            for item in printed {
                newline()
                splice(item)
            }
            newline()
            raw(")")
        } else {
            raw("(")
            list(printed, ", ") { $0.splice($1) }
            raw(")")
        }
    }

    mutating func variableDefinition(_ node: VariableDefinition) {
        description(node.description)
        raw("$")
        plain(node.variable.name.value)
        raw(": ")
        type(node.type)
        if let defaultValue = node.defaultValue {
            raw(" = ")
            value(defaultValue)
        }
        if !node.directives.isEmpty {
            raw(" ")
            directives(node.directives)
        }
    }

    mutating func selectionSet(_ node: SelectionSet) {
        block(node.selections) { $0.selection($1) }
    }

    mutating func selection(_ node: Selection) {
        switch node {
        case .field(let field): self.field(field)
        case .fragmentSpread(let spread):
            raw("...")
            plain(spread.name.value)
            if !spread.directives.isEmpty {
                raw(" ")
                directives(spread.directives)
            }
        case .inlineFragment(let fragment):
            raw("...")
            if let typeCondition = fragment.typeCondition {
                raw(" on ")
                plain(typeCondition.name.value)
            }
            if !fragment.directives.isEmpty {
                raw(" ")
                directives(fragment.directives)
            }
            raw(" ")
            selectionSet(fragment.selectionSet)
        }
    }

    mutating func field(_ node: Field) {
        var prefixLength = node.name.value.utf16.count
        if let alias = node.alias {
            plain(alias.value)
            raw(": ")
            prefixLength += alias.value.utf16.count + 2
        }
        plain(node.name.value)
        if !node.arguments.isEmpty {
            let printed = PrintWriter.printed(node.arguments) { $0.argument($1) }
            var length = prefixLength + 2 + (printed.count - 1) * 2
            for item in printed { length += utf16Count(item) }
            if length > PrintWriter.maxLineLength {
                raw("(")
                level += 1
                for item in printed {
                    newline()
                    splice(item)
                }
                level -= 1
                newline()
                raw(")")
            } else {
                raw("(")
                list(printed, ", ") { $0.splice($1) }
                raw(")")
            }
        }
        if !node.directives.isEmpty {
            raw(" ")
            directives(node.directives)
        }
        if let selectionSet = node.selectionSet, !selectionSet.selections.isEmpty {
            raw(" ")
            self.selectionSet(selectionSet)
        }
    }

    mutating func argument(_ node: Argument) {
        plain(node.name.value)
        raw(": ")
        value(node.value)
    }

    mutating func fragment(_ node: FragmentDefinition) {
        description(node.description)
        raw("fragment ")
        plain(node.name.value)
        if !node.variableDefinitions.isEmpty {
            raw("(")
            list(node.variableDefinitions, ", ") { $0.variableDefinition($1) }
            raw(")")
        }
        raw(" on ")
        plain(node.typeCondition.name.value)
        raw(" ")
        if !node.directives.isEmpty {
            directives(node.directives)
            raw(" ")
        }
        selectionSet(node.selectionSet)
    }

    // MARK: Values, directives, types

    mutating func value(_ node: ValueNode) {
        switch node {
        case .variable(let v):
            raw("$")
            plain(v.name.value)
        case .int(let v): plain(v.value)
        case .float(let v): plain(v.value)
        case .string(let v): string(v)
        case .boolean(let v): v.value ? raw("true") : raw("false")
        case .null: raw("null")
        case .enumValue(let v): plain(v.value)
        case .list(let v):
            raw("[")
            list(v.values, ", ") { $0.value($1) }
            raw("]")
        case .object(let v):
            raw("{")
            list(v.fields, ", ") { writer, field in
                writer.plain(field.name.value)
                writer.raw(": ")
                writer.value(field.value)
            }
            raw("}")
        }
    }

    mutating func string(_ node: StringValue) {
        text(node.block ? printBlockString(node.value) : printString(node.value))
    }

    mutating func directives(_ nodes: [Directive]) {
        list(nodes, " ") { $0.directive($1) }
    }

    mutating func directive(_ node: Directive) {
        raw("@")
        plain(node.name.value)
        if !node.arguments.isEmpty {
            raw("(")
            list(node.arguments, ", ") { $0.argument($1) }
            raw(")")
        }
    }

    mutating func type(_ node: TypeNode) {
        switch node {
        case .named(let t): plain(t.name.value)
        case .list(let t):
            raw("[")
            type(t.type)
            raw("]")
        case .nonNull(let t):
            type(t.type)
            raw("!")
        }
    }

    // MARK: Type system

    mutating func schema(_ node: SchemaDefinition) {
        description(node.description)
        raw("schema")
        directivesAndBlock(node.directives, node.operationTypes) { $0.operationType($1) }
    }

    mutating func operationType(_ node: OperationTypeDefinition) {
        plain(node.operation.rawValue)
        raw(": ")
        plain(node.type.name.value)
    }

    /// ` @a @b { items }`, each part only when present.
    mutating func directivesAndBlock<T>(
        _ directives: [Directive], _ items: [T], _ write: (inout PrintWriter, T) -> Void
    ) {
        if !directives.isEmpty {
            raw(" ")
            self.directives(directives)
        }
        if !items.isEmpty {
            raw(" ")
            block(items, write)
        }
    }

    mutating func typeDefinition(_ node: TypeDefinition) {
        description(node.description)
        switch node {
        case .scalar(let d):
            raw("scalar ")
            plain(d.name.value)
            directivesAndBlock(d.directives, [FieldDefinition]()) { $0.fieldDefinition($1) }
        case .object(let d):
            raw("type ")
            plain(d.name.value)
            implements(d.interfaces)
            directivesAndBlock(d.directives, d.fields) { $0.fieldDefinition($1) }
        case .interface(let d):
            raw("interface ")
            plain(d.name.value)
            implements(d.interfaces)
            directivesAndBlock(d.directives, d.fields) { $0.fieldDefinition($1) }
        case .union(let d):
            raw("union ")
            plain(d.name.value)
            directivesAndBlock(d.directives, [FieldDefinition]()) { $0.fieldDefinition($1) }
            members(d.types)
        case .enum(let d):
            raw("enum ")
            plain(d.name.value)
            directivesAndBlock(d.directives, d.values) { $0.enumValueDefinition($1) }
        case .inputObject(let d):
            raw("input ")
            plain(d.name.value)
            directivesAndBlock(d.directives, d.fields) { $0.inputValueDefinition($1) }
        }
    }

    mutating func implements(_ interfaces: [NamedType]) {
        guard !interfaces.isEmpty else { return }
        raw(" implements ")
        list(interfaces, " & ") { $0.plain($1.name.value) }
    }

    mutating func members(_ types: [NamedType]) {
        guard !types.isEmpty else { return }
        raw(" = ")
        list(types, " | ") { $0.plain($1.name.value) }
    }

    mutating func fieldDefinition(_ node: FieldDefinition) {
        description(node.description)
        plain(node.name.value)
        argumentDefinitions(node.arguments)
        raw(": ")
        type(node.type)
        if !node.directives.isEmpty {
            raw(" ")
            directives(node.directives)
        }
    }

    mutating func argumentDefinitions(_ nodes: [InputValueDefinition]) {
        guard !nodes.isEmpty else { return }
        let printed = PrintWriter.printed(nodes) { $0.inputValueDefinition($1) }
        raw("(")
        if printed.contains(where: { $0.contains(0x0A) }) {
            level += 1
            for item in printed {
                newline()
                splice(item)
            }
            level -= 1
            newline()
        } else {
            list(printed, ", ") { $0.splice($1) }
        }
        raw(")")
    }

    mutating func inputValueDefinition(_ node: InputValueDefinition) {
        description(node.description)
        plain(node.name.value)
        raw(": ")
        type(node.type)
        if let defaultValue = node.defaultValue {
            raw(" = ")
            value(defaultValue)
        }
        if !node.directives.isEmpty {
            raw(" ")
            directives(node.directives)
        }
    }

    mutating func enumValueDefinition(_ node: EnumValueDefinition) {
        description(node.description)
        plain(node.name.value)
        if !node.directives.isEmpty {
            raw(" ")
            directives(node.directives)
        }
    }

    mutating func directiveDefinition(_ node: DirectiveDefinition) {
        description(node.description)
        raw("directive @")
        plain(node.name.value)
        argumentDefinitions(node.arguments)
        if node.isRepeatable { raw(" repeatable") }
        raw(" on ")
        list(node.locations, " | ") { $0.plain($1.value) }
    }

    mutating func schemaExtension(_ node: SchemaExtension) {
        raw("extend schema")
        directivesAndBlock(node.directives, node.operationTypes) { $0.operationType($1) }
    }

    mutating func typeExtension(_ node: TypeExtension) {
        switch node {
        case .scalar(let d):
            raw("extend scalar ")
            plain(d.name.value)
            directivesAndBlock(d.directives, [FieldDefinition]()) { $0.fieldDefinition($1) }
        case .object(let d):
            raw("extend type ")
            plain(d.name.value)
            implements(d.interfaces)
            directivesAndBlock(d.directives, d.fields) { $0.fieldDefinition($1) }
        case .interface(let d):
            raw("extend interface ")
            plain(d.name.value)
            implements(d.interfaces)
            directivesAndBlock(d.directives, d.fields) { $0.fieldDefinition($1) }
        case .union(let d):
            raw("extend union ")
            plain(d.name.value)
            directivesAndBlock(d.directives, [FieldDefinition]()) { $0.fieldDefinition($1) }
            members(d.types)
        case .enum(let d):
            raw("extend enum ")
            plain(d.name.value)
            directivesAndBlock(d.directives, d.values) { $0.enumValueDefinition($1) }
        case .inputObject(let d):
            raw("extend input ")
            plain(d.name.value)
            directivesAndBlock(d.directives, d.fields) { $0.inputValueDefinition($1) }
        }
    }
}

/// The length JavaScript would report for UTF-8 text: UTF-16 code units.
private func utf16Count(_ utf8: [UInt8]) -> Int {
    var count = 0
    for byte in utf8 where byte & 0xC0 != 0x80 {
        count += byte >= 0xF0 ? 2 : 1
    }
    return count
}
