@testable import GraphQL

/// One lexed token as tests compare it.
struct LexedToken: Equatable, CustomStringConvertible {
    var kind: TokenKind
    var start: Int
    var end: Int
    var line: Int
    var column: Int
    var value: String?

    var description: String { "\(kind)(\(value ?? "")) \(start)..<\(end) @\(line):\(column)" }
}

/// Lexes the whole source (without the `<SOF>`/`<EOF>` tokens).
func lexAll(_ source: String) throws(GraphQLError) -> [LexedToken] {
    var text = source
    let result: Result<[LexedToken], GraphQLError> = text.withUTF8 { bytes in
        var lexer = Lexer(bytes)
        var tokens: [LexedToken] = []
        do throws(GraphQLError) {
            while true {
                try lexer.advance()
                if lexer.kind == .eof { return .success(tokens) }
                let value: String? = switch lexer.kind {
                case .string, .blockString: lexer.stringValue
                case .name, .int, .float: lexer.text
                default: nil
                }
                tokens.append(
                    LexedToken(
                        kind: lexer.kind, start: lexer.start, end: lexer.end, line: lexer.tokenLine,
                        column: lexer.tokenColumn, value: value))
            }
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// The single token of a source.
func lexOne(_ source: String) throws(GraphQLError) -> LexedToken? {
    try lexAll(source).first
}

/// The error lexing a source produces, or nil.
func lexError(_ source: String) -> GraphQLError? {
    do {
        _ = try lexAll(source)
        return nil
    } catch {
        return error
    }
}

/// The error parsing a source produces, or nil.
func parseError(_ source: String, options: ParseOptions = ParseOptions()) -> GraphQLError? {
    do {
        _ = try parse(source, options: options)
        return nil
    } catch {
        return error
    }
}

/// A compact "message @line:column" rendering of an error for exact comparisons.
func summary(_ error: GraphQLError?) -> String {
    guard let error else { return "no error" }
    let locations = error.locations.map { "\($0.line):\($0.column)" }.joined(separator: ",")
    return "\(error.message) @\(locations)"
}

/// The error a parsing call throws, or nil.
func errorOf<T>(_ body: () throws(GraphQLError) -> T) -> GraphQLError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}
