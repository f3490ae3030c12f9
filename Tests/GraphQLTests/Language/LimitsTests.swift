import Testing
@testable import GraphQL

@Suite struct LimitsTests {
    @Test func tokenLimitCountsEveryTokenButEOF() throws {
        #expect(try parse("{ a b c }", options: ParseOptions(maxTokens: 5)).operations.count == 1)
        #expect(summary(parseError("{ a b c }", options: ParseOptions(maxTokens: 4)))
            == "Syntax Error: Document contains more than 4 tokens. Parsing aborted. @1:9")
    }

    @Test func defaultTokenLimitIs15000() throws {
        let fields = String(repeating: "a ", count: 14_998)
        #expect(try parse("{ \(fields)}").operations.count == 1)
        let tooMany = String(repeating: "a ", count: 14_999)
        let error = parseError("{ \(tooMany)}")
        #expect(error?.message == "Syntax Error: Document contains more than 15000 tokens. Parsing aborted.")
        #expect(error?.locations == [SourceLocation(line: 1, column: 30_001)])
        #expect(error?.code == "GRAPHQL_PARSE_FAILED")
    }

    @Test func depthLimitCoversSelectionsValuesAndTypes() throws {
        let options = ParseOptions(maxDepth: 3)
        #expect(try parse("{a{b{c}}}", options: options).operations.count == 1)
        #expect(summary(parseError("{a{b{c{d}}}}", options: options))
            == "Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted. @1:7")
        #expect(summary(parseError("{a(v: [[{x: 1}]])}", options: options))
            == "Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted. @1:9")
        #expect(summary(parseError("query($v: [[[[Int]]]]) {a}", options: options))
            == "Syntax Error: Document exceeds the maximum nesting depth of 3. Parsing aborted. @1:14")
        #expect(summary(parseError("{a(v: [1, [2]]) {b {c}}}", options: options)) == "no error")
    }

    @Test func defaultDepthLimitStopsPathologicalNesting() {
        let deep = String(repeating: "{a", count: 200) + String(repeating: "}", count: 200)
        #expect(parseError(deep)?.message
            == "Syntax Error: Document exceeds the maximum nesting depth of 128. Parsing aborted.")
        let deepValue = "{a(v: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + ")}"
        #expect(parseError(deepValue, options: ParseOptions(maxTokens: 100_000))?.message
            == "Syntax Error: Document exceeds the maximum nesting depth of 128. Parsing aborted.")
    }
}
