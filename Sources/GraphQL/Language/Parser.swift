/// A recursive-descent parser for GraphQL documents (spec §2 and §3), following graphql-js's
/// grammar functions and error messages. It lives only inside `withUTF8` (see `Parse.swift`).
struct Parser {
    var lexer: Lexer
    let options: ParseOptions
    /// End offset of the last consumed token: the end of the node being built.
    private var previousEnd = 0
    private(set) var tokenCount = 0
    private var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) {
        lexer = Lexer(bytes)
        self.options = options
    }

    // MARK: Token helpers

    /// The start of the current token, remembered so a node's location can span to its last token.
    struct Mark {
        let start: Int
        let line: Int
        let column: Int
    }

    @inline(__always)
    func mark() -> Mark { Mark(start: lexer.start, line: lexer.tokenLine, column: lexer.tokenColumn) }

    @inline(__always)
    func location(from mark: Mark) -> Location? {
        options.noLocation
            ? nil : Location(start: mark.start, end: previousEnd, line: mark.line, column: mark.column)
    }

    mutating func advance() throws(GraphQLError) {
        previousEnd = lexer.end
        try lexer.advance()
        if lexer.kind != .eof {
            tokenCount += 1
            if tokenCount > options.maxTokens {
                throw lexer.error(
                    "Document contains more than \(options.maxTokens) tokens. Parsing aborted.", at: lexer.start)
            }
        }
    }

    @inline(__always)
    func peek(_ kind: TokenKind) -> Bool { lexer.kind == kind }

    /// Consumes a token of `kind` or fails with `Expected …, found …`.
    mutating func expect(_ kind: TokenKind) throws(GraphQLError) {
        guard lexer.kind == kind else {
            throw lexer.error("Expected \(kind.description), found \(lexer.tokenDescription).", at: lexer.start)
        }
        try advance()
    }

    /// Consumes a token of `kind` if it is next.
    @inline(__always)
    mutating func expectOptional(_ kind: TokenKind) throws(GraphQLError) -> Bool {
        guard lexer.kind == kind else { return false }
        try advance()
        return true
    }

    mutating func expectKeyword(_ keyword: StaticString) throws(GraphQLError) {
        guard lexer.isKeyword(keyword) else {
            throw lexer.error("Expected \"\(keyword)\", found \(lexer.tokenDescription).", at: lexer.start)
        }
        try advance()
    }

    mutating func expectOptionalKeyword(_ keyword: StaticString) throws(GraphQLError) -> Bool {
        guard lexer.isKeyword(keyword) else { return false }
        try advance()
        return true
    }

    /// `Unexpected <token>.` at the current token, or at the token a lookahead lexer is on.
    func unexpected(_ at: Lexer? = nil) -> GraphQLError {
        let token = at ?? lexer
        return token.error("Unexpected \(token.tokenDescription).", at: token.start)
    }

    /// A copy of the lexer moved one token ahead; the parser's own position does not change.
    func lookahead() throws(GraphQLError) -> Lexer {
        var copy = lexer
        try copy.advance()
        return copy
    }

    mutating func enterNesting() throws(GraphQLError) {
        depth += 1
        if depth > options.maxDepth {
            throw lexer.error(
                "Document exceeds the maximum nesting depth of \(options.maxDepth). Parsing aborted.",
                at: lexer.start)
        }
    }

    @inline(__always)
    mutating func leaveNesting() { depth -= 1 }

    // MARK: Document (§2.2)

    mutating func parseDocument() throws(GraphQLError) -> Document {
        let start = mark()
        try expect(.sof)
        var definitions: [Definition] = []
        repeat {
            definitions.append(try parseDefinition())
        } while !(try expectOptional(.eof))
        return Document(definitions: definitions, loc: location(from: start))
    }

    mutating func parseDefinition() throws(GraphQLError) -> Definition {
        if peek(.braceL) { return .operation(try parseOperationDefinition()) }
        let hasDescription = peekDescription()
        let keyword = hasDescription ? try lookahead() : lexer
        if hasDescription && keyword.kind == .braceL {
            throw lexer.error(
                "Unexpected description, descriptions are not supported on shorthand queries.", at: lexer.start)
        }
        if keyword.kind == .name {
            if keyword.isKeyword("schema") { return .schema(try parseSchemaDefinition()) }
            if keyword.isKeyword("scalar") { return .type(.scalar(try parseScalarTypeDefinition())) }
            if keyword.isKeyword("type") { return .type(.object(try parseObjectTypeDefinition())) }
            if keyword.isKeyword("interface") { return .type(.interface(try parseInterfaceTypeDefinition())) }
            if keyword.isKeyword("union") { return .type(.union(try parseUnionTypeDefinition())) }
            if keyword.isKeyword("enum") { return .type(.enum(try parseEnumTypeDefinition())) }
            if keyword.isKeyword("input") { return .type(.inputObject(try parseInputObjectTypeDefinition())) }
            if keyword.isKeyword("directive") { return .directive(try parseDirectiveDefinition()) }
            if keyword.isKeyword("query") || keyword.isKeyword("mutation") || keyword.isKeyword("subscription") {
                return .operation(try parseOperationDefinition())
            }
            if keyword.isKeyword("fragment") { return .fragment(try parseFragmentDefinition()) }
            if hasDescription {
                throw lexer.error(
                    "Unexpected description, only GraphQL definitions support descriptions.", at: lexer.start)
            }
            if keyword.isKeyword("extend") { return try parseTypeSystemExtension() }
        }
        throw unexpected(keyword)
    }

    // MARK: Operations (§2.3)

    mutating func parseOperationDefinition() throws(GraphQLError) -> OperationDefinition {
        let start = mark()
        if peek(.braceL) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(operation: .query, selectionSet: selectionSet, loc: location(from: start))
        }
        let description = try parseDescription()
        let operation = try parseOperationType()
        let name = peek(.name) ? try parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            operation: operation, name: name, variableDefinitions: variableDefinitions, directives: directives,
            selectionSet: selectionSet, description: description, loc: location(from: start))
    }

    mutating func parseOperationType() throws(GraphQLError) -> OperationType {
        let operation: OperationType
        if lexer.isKeyword("query") {
            operation = .query
        } else if lexer.isKeyword("mutation") {
            operation = .mutation
        } else if lexer.isKeyword("subscription") {
            operation = .subscription
        } else {
            throw unexpected()
        }
        try advance()
        return operation
    }

    mutating func parseVariableDefinitions() throws(GraphQLError) -> [VariableDefinition] {
        guard try expectOptional(.parenL) else { return [] }
        var definitions: [VariableDefinition] = []
        repeat {
            definitions.append(try parseVariableDefinition())
        } while !(try expectOptional(.parenR))
        return definitions
    }

    mutating func parseVariableDefinition() throws(GraphQLError) -> VariableDefinition {
        let start = mark()
        let description = try parseDescription()
        let variable = try parseVariable()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try expectOptional(.equals) ? try parseValueLiteral(isConst: true) : nil
        let directives = try parseDirectives(isConst: true)
        return VariableDefinition(
            variable: variable, type: type, defaultValue: defaultValue, directives: directives,
            description: description, loc: location(from: start))
    }

    mutating func parseVariable() throws(GraphQLError) -> Variable {
        let start = mark()
        try expect(.dollar)
        let name = try parseName()
        return Variable(name: name, loc: location(from: start))
    }

    // MARK: Selections (§2.4–§2.8)

    mutating func parseSelectionSet() throws(GraphQLError) -> SelectionSet {
        let start = mark()
        if peek(.braceL) { try enterNesting() }
        try expect(.braceL)
        var selections: [Selection] = []
        selections.reserveCapacity(8)
        repeat {
            if peek(.spread) {
                selections.append(try parseFragment())
            } else {
                selections.append(try parseFieldSelection())
            }
        } while !(try expectOptional(.braceR))
        leaveNesting()
        return SelectionSet(selections: selections, loc: location(from: start))
    }

    /// A field, built straight into its `Selection` case so the large struct is not copied.
    mutating func parseFieldSelection() throws(GraphQLError) -> Selection {
        let start = mark()
        let nameOrAlias = try parseName()
        let alias: Name?
        let name: Name
        if try expectOptional(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(isConst: false)
        let directives = try parseDirectives(isConst: false)
        let selectionSet = peek(.braceL) ? try parseSelectionSet() : nil
        let field = Field(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            loc: location(from: start))
        return .field(consume field)
    }

    mutating func parseArguments(isConst: Bool) throws(GraphQLError) -> [Argument] {
        guard try expectOptional(.parenL) else { return [] }
        var arguments: [Argument] = []
        repeat {
            let start = mark()
            let name = try parseName()
            try expect(.colon)
            let value = try parseValueLiteral(isConst: isConst)
            arguments.append(Argument(name: name, value: value, loc: location(from: start)))
        } while !(try expectOptional(.parenR))
        return arguments
    }

    /// `...Name` or `... on Type { }` / `... { }`.
    mutating func parseFragment() throws(GraphQLError) -> Selection {
        let start = mark()
        try expect(.spread)
        let hasTypeCondition = try expectOptionalKeyword("on")
        if !hasTypeCondition && peek(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(isConst: false)
            return .fragmentSpread(FragmentSpread(name: name, directives: directives, loc: location(from: start)))
        }
        let typeCondition = hasTypeCondition ? try parseNamedType() : nil
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragment(
                typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
                loc: location(from: start)))
    }

    mutating func parseFragmentDefinition() throws(GraphQLError) -> FragmentDefinition {
        let start = mark()
        let description = try parseDescription()
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        let variableDefinitions = options.allowLegacyFragmentVariables ? try parseVariableDefinitions() : []
        try expectKeyword("on")
        let typeCondition = try parseNamedType()
        let directives = try parseDirectives(isConst: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            name: name, variableDefinitions: variableDefinitions, typeCondition: typeCondition,
            directives: directives, selectionSet: selectionSet, description: description,
            loc: location(from: start))
    }

    /// A fragment's name: any name but `on`.
    mutating func parseFragmentName() throws(GraphQLError) -> Name {
        if lexer.isKeyword("on") { throw unexpected() }
        return try parseName()
    }

    // MARK: Values (§2.9)

    mutating func parseValueLiteral(isConst: Bool) throws(GraphQLError) -> ValueNode {
        let start = mark()
        switch lexer.kind {
        case .bracketL:
            try enterNesting()
            try advance()
            var values: [ValueNode] = []
            while !(try expectOptional(.bracketR)) {
                values.append(try parseValueLiteral(isConst: isConst))
            }
            leaveNesting()
            return .list(ListValue(values: values, loc: location(from: start)))
        case .braceL:
            try enterNesting()
            try advance()
            var fields: [ObjectField] = []
            while !(try expectOptional(.braceR)) {
                let fieldStart = mark()
                let name = try parseName()
                try expect(.colon)
                let value = try parseValueLiteral(isConst: isConst)
                fields.append(ObjectField(name: name, value: value, loc: location(from: fieldStart)))
            }
            leaveNesting()
            return .object(ObjectValue(fields: fields, loc: location(from: start)))
        case .int:
            let text = lexer.text
            try advance()
            return .int(IntValue(value: text, loc: location(from: start)))
        case .float:
            let text = lexer.text
            try advance()
            return .float(FloatValue(value: text, loc: location(from: start)))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            if lexer.isKeyword("true") || lexer.isKeyword("false") {
                let value = lexer.isKeyword("true")
                try advance()
                return .boolean(BooleanValue(value: value, loc: location(from: start)))
            }
            if lexer.isKeyword("null") {
                try advance()
                return .null(NullValue(loc: location(from: start)))
            }
            let text = lexer.text
            try advance()
            return .enumValue(EnumValue(value: text, loc: location(from: start)))
        case .dollar:
            if isConst {
                let dollar = lexer
                try advance()
                if peek(.name) {
                    throw lexer.error("Unexpected variable \"$\(lexer.text)\" in constant value.", at: dollar.start)
                }
                throw unexpected(dollar)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    mutating func parseStringLiteral() throws(GraphQLError) -> StringValue {
        let start = mark()
        let block = lexer.kind == .blockString
        let value = lexer.stringValue
        try advance()
        return StringValue(value: value, block: block, loc: location(from: start))
    }

    // MARK: Directives (§2.12)

    mutating func parseDirectives(isConst: Bool) throws(GraphQLError) -> [Directive] {
        guard peek(.at) else { return [] }
        var directives: [Directive] = []
        while peek(.at) {
            let start = mark()
            try advance()
            let name = try parseName()
            let arguments = try parseArguments(isConst: isConst)
            directives.append(Directive(name: name, arguments: arguments, loc: location(from: start)))
        }
        return directives
    }

    // MARK: Types (§2.11)

    mutating func parseTypeReference() throws(GraphQLError) -> TypeNode {
        let start = mark()
        let type: TypeNode
        if peek(.bracketL) {
            try enterNesting()
            try advance()
            let inner = try parseTypeReference()
            try expect(.bracketR)
            leaveNesting()
            type = .list(ListType(type: inner, loc: location(from: start)))
        } else {
            type = .named(try parseNamedType())
        }
        if try expectOptional(.bang) {
            return .nonNull(NonNullType(type: type, loc: location(from: start)))
        }
        return type
    }

    mutating func parseNamedType() throws(GraphQLError) -> NamedType {
        let start = mark()
        let name = try parseName()
        return NamedType(name: name, loc: location(from: start))
    }

    @inline(__always)
    mutating func parseName() throws(GraphQLError) -> Name {
        guard lexer.kind == .name else {
            throw lexer.error("Expected Name, found \(lexer.tokenDescription).", at: lexer.start)
        }
        let start = mark()
        let value = lexer.text
        try advance()
        return Name(value: value, loc: location(from: start))
    }

    // MARK: Descriptions (§3.2)

    func peekDescription() -> Bool { peek(.string) || peek(.blockString) }

    mutating func parseDescription() throws(GraphQLError) -> StringValue? {
        peekDescription() ? try parseStringLiteral() : nil
    }
}
