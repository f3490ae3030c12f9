/// Parses a GraphQL document (executable definitions and/or the type-system language).
///
/// Throws a `GraphQLError` whose message starts with `Syntax Error:` and whose
/// `extensions.code` is `GRAPHQL_PARSE_FAILED`.
public func parse(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
    try withParser(source, options) { parser throws(GraphQLError) in try parser.parseDocument() }
}

/// Parses a document and tells how many tokens it read: a measure of the syntax tree's memory.
func parseCountingTokens(_ source: String, options: ParseOptions) throws(GraphQLError) -> (document: Document, tokens: Int) {
    try withParser(source, options) { parser throws(GraphQLError) in (try parser.parseDocument(), parser.tokenCount) }
}

/// Parses a `Source`; see `parse(_:options:)`.
public func parse(_ source: Source, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> Document {
    try parse(source.body, options: options)
}

/// Parses a single value literal such as `[1, {a: $b}]` (variables allowed).
public func parseValue(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> ValueNode {
    try withParser(source, options) { parser throws(GraphQLError) in
        try parser.expect(.sof)
        let value = try parser.parseValueLiteral(isConst: false)
        try parser.expect(.eof)
        return value
    }
}

/// Parses a single constant value literal (variables are a syntax error).
public func parseConstValue(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> ValueNode {
    try withParser(source, options) { parser throws(GraphQLError) in
        try parser.expect(.sof)
        let value = try parser.parseValueLiteral(isConst: true)
        try parser.expect(.eof)
        return value
    }
}

/// Parses a type reference such as `[String!]!`.
public func parseType(_ source: String, options: ParseOptions = ParseOptions()) throws(GraphQLError) -> TypeNode {
    try withParser(source, options) { parser throws(GraphQLError) in
        try parser.expect(.sof)
        let type = try parser.parseTypeReference()
        try parser.expect(.eof)
        return type
    }
}

/// Runs `body` with a parser over the source's UTF-8 bytes, without copying them when the
/// string is native.
private func withParser<T>(
    _ source: String,
    _ options: ParseOptions,
    _ body: (inout Parser) throws(GraphQLError) -> T
) throws(GraphQLError) -> T {
    var text = source
    let result: Result<T, GraphQLError> = text.withUTF8 { bytes in
        var parser = Parser(bytes: bytes, options: options)
        do throws(GraphQLError) {
            return .success(try body(&parser))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}
