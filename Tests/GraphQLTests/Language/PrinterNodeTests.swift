import Testing
@testable import GraphQL

@Suite struct PrinterNodeTests {
    @Test func printsSingleNodes() throws {
        #expect(print(try parseValue(#"{a: [1, 2.5, "x", """y""", true, null, E, $v], b: {}}"#))
            == #"{a: [1, 2.5, "x", """y""", true, null, E, $v], b: {}}"#)
        #expect(print(try parseType("[ [ Int ! ] ] !")) == "[[Int!]]!")
        let document = try parse("query Q @a(x: 1) @b { f }")
        #expect(print(document.operations[0].directives[0]) == "@a(x: 1)")
        #expect(print(document.operations[0].selectionSet) == "{\n  f\n}")
        #expect(print(document.definitions[0]) == "query Q @a(x: 1) @b {\n  f\n}")
    }

    @Test func indentsBlockStringDescriptionsWithTheirDefinition() throws {
        let source = """
            type T {
              \"\"\"
              Multi
                line
              \"\"\"
              f(
                \"\"\"Arg doc\"\"\"
                a: Int = 1
              ): Int
            }
            """
        let printed = print(try parse(source))
        #expect(printed == source)
        #expect(print(try parse(printed)) == printed)
    }

    @Test func printsEmptyAndMinimalDefinitions() throws {
        let source = "scalar S\n\ntype T\n\ninterface I\n\nunion U\n\nenum E\n\ninput In\n\nextend union U @d\n\nextend scalar S @d"
        #expect(print(try parse(source)) == source)
    }

    @Test func wrapsArgumentsByJavaScriptLength() throws {
        // Exactly 80 characters stays on one line; more wraps. Emoji count as two UTF-16 units, like graphql-js.
        let fits = "{\n  f(a: \"\(String(repeating: "x", count: 72))\")\n}"
        #expect(print(try parse(fits)) == fits)
        let emoji = "{ f(a: \"\(String(repeating: "😀", count: 37))\") }"
        #expect(print(try parse(emoji)) == "{\n  f(\n    a: \"\(String(repeating: "😀", count: 37))\"\n  )\n}")
    }

    @Test func printsFromSource() throws {
        let document = try parse(Source("{ a }", name: "Test"))
        #expect(print(document) == "{\n  a\n}")
    }
}

@Suite struct SourceTests {
    @Test func acceptsRawBytesAndReportsInvalidUTF8AsAnUnexpectedCharacter() throws {
        #expect(print(try parse(Source(utf8: Array("{ a }".utf8)))) == "{\n  a\n}")
        let invalid: [UInt8] = Array("{ a ".utf8) + [0xFF] + Array(" }".utf8)
        #expect(summary(errorOf { () throws(GraphQLError) in try parse(Source(utf8: invalid)) })
            == "Syntax Error: Unexpected character: U+FFFD. @1:5")
    }
}
