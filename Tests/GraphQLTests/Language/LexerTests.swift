import Testing
@testable import GraphQL

@Suite struct LexerTests {
    @Test func punctuatorsAndNames() throws {
        let tokens = try lexAll("! $ & ( ) ... : = @ [ ] { | } _name9")
        #expect(tokens.map(\.kind) == [
            .bang, .dollar, .amp, .parenL, .parenR, .spread, .colon, .equals, .at, .bracketL, .bracketR,
            .braceL, .pipe, .braceR, .name,
        ])
        #expect(tokens.last == LexedToken(kind: .name, start: 30, end: 36, line: 1, column: 31, value: "_name9"))
    }

    @Test func ignoresWhitespaceCommasCommentsAndByteOrderMarks() throws {
        let tokens = try lexAll("\u{FEFF} ,,\t# comment é\n  # another\r\n\tfoo # trailing")
        #expect(tokens == [LexedToken(kind: .name, start: 34, end: 37, line: 3, column: 2, value: "foo")])
    }

    @Test func tracksLinesAcrossAllLineTerminators() throws {
        let tokens = try lexAll("a\r\nb\rc\nd")
        #expect(tokens.map { "\($0.value!)@\($0.line):\($0.column)" } == ["a@1:1", "b@2:1", "c@3:1", "d@4:1"])
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        let tokens = try lexAll("\"é😀\" x \"\u{1F600}\" y\nz")
        #expect(tokens.map { "\($0.line):\($0.column)" } == ["1:1", "1:6", "1:8", "1:12", "2:1"])
        #expect(tokens[0].value == "é😀")
        #expect(tokens[0].end == 8)
    }

    @Test func numbers() throws {
        let cases: [(String, TokenKind)] = [
            ("4", .int), ("-4", .int), ("0", .int), ("-0", .int), ("9", .int),
            ("4.123", .float), ("-4.123", .float), ("0.123", .float), ("123e4", .float), ("123E4", .float),
            ("123e-4", .float), ("123e+4", .float), ("-1.123e4", .float), ("-1.123E-4", .float),
            ("-1.123e4567", .float),
        ]
        for (source, kind) in cases {
            #expect(try lexOne(source) == LexedToken(
                kind: kind, start: 0, end: source.utf8.count, line: 1, column: 1, value: source))
        }
    }

    @Test func numberErrors() {
        let cases: [(String, String)] = [
            ("00", "Syntax Error: Invalid number, unexpected digit after 0: \"0\". @1:2"),
            ("01", "Syntax Error: Invalid number, unexpected digit after 0: \"1\". @1:2"),
            ("01.23", "Syntax Error: Invalid number, unexpected digit after 0: \"1\". @1:2"),
            ("+1", "Syntax Error: Unexpected character: \"+\". @1:1"),
            ("1.", "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:3"),
            ("1e", "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:3"),
            (".123", "Syntax Error: Unexpected character: \".\". @1:1"),
            ("1.A", "Syntax Error: Invalid number, expected digit but got: \"A\". @1:3"),
            ("-A", "Syntax Error: Invalid number, expected digit but got: \"A\". @1:2"),
            ("-", "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:2"),
            ("1.0e", "Syntax Error: Invalid number, expected digit but got: <EOF>. @1:5"),
            ("1.0eA", "Syntax Error: Invalid number, expected digit but got: \"A\". @1:5"),
            ("1.0e\"", "Syntax Error: Invalid number, expected digit but got: '\"'. @1:5"),
            ("1.2e3e", "Syntax Error: Invalid number, expected digit but got: \"e\". @1:6"),
            ("1.2e3.4", "Syntax Error: Invalid number, expected digit but got: \".\". @1:6"),
            ("1.23.4", "Syntax Error: Invalid number, expected digit but got: \".\". @1:5"),
            ("123abc", "Syntax Error: Invalid number, expected digit but got: \"a\". @1:4"),
            ("0xF1", "Syntax Error: Invalid number, expected digit but got: \"x\". @1:2"),
            ("0_1", "Syntax Error: Invalid number, expected digit but got: \"_\". @1:2"),
            ("1é", "Syntax Error: Unexpected character: U+00E9. @1:2"),
        ]
        for (source, expected) in cases {
            #expect(summary(lexError(source)) == expected, "\(source)")
        }
    }

    @Test func strings() throws {
        let cases: [(String, String)] = [
            ("\"\"", ""),
            ("\"simple\"", "simple"),
            ("\" white space \"", " white space "),
            ("\"quote \\\"\"", "quote \""),
            ("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\u{8}\t\u{C}"),
            ("\"slashes \\\\ \\/\"", "slashes \\ /"),
            ("\"unescaped unicode outside BMP 😀\"", "unescaped unicode outside BMP 😀"),
            ("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
            ("\"unicode \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "unicode \u{1234}\u{5678}\u{90AB}\u{CDEF}"),
            ("\"string with unicode escape outside BMP \\u{1F600}\"", "string with unicode escape outside BMP 😀"),
            ("\"string with minimal unicode escape \\u{0}\"", "string with minimal unicode escape \u{0}"),
            ("\"string with maximal unicode escape \\u{10FFFF}\"", "string with maximal unicode escape \u{10FFFF}"),
            ("\"string with maximal minimal unicode escape \\u{00000000}\"",
             "string with maximal minimal unicode escape \u{0}"),
            ("\"surrogate pair \\uD83D\\uDE00\"", "surrogate pair 😀"),
            ("\"lower surrogate pair \\ud83d\\ude00\"", "lower surrogate pair 😀"),
            ("\"control \u{7} allowed\"", "control \u{7} allowed"),
        ]
        for (source, value) in cases {
            let token = try lexOne(source)
            #expect(token?.kind == .string, "\(source)")
            #expect(token?.value == value, "\(source)")
            #expect(token?.end == source.utf8.count, "\(source)")
        }
    }

    @Test func stringErrors() {
        let cases: [(String, String)] = [
            ("\"", "Syntax Error: Unterminated string. @1:2"),
            ("\"\"\"", "Syntax Error: Unterminated string. @1:4"),
            ("\"\"\"\"", "Syntax Error: Unterminated string. @1:5"),
            ("\"no end quote", "Syntax Error: Unterminated string. @1:14"),
            ("'single quotes'",
             "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")? @1:1"),
            ("\"multi\nline\"", "Syntax Error: Unterminated string. @1:7"),
            ("\"multi\rline\"", "Syntax Error: Unterminated string. @1:7"),
            ("\"bad \\z esc\"", "Syntax Error: Invalid character escape sequence: \"\\z\". @1:6"),
            ("\"bad \\x esc\"", "Syntax Error: Invalid character escape sequence: \"\\x\". @1:6"),
            ("\"bad \\é esc\"", "Syntax Error: Invalid character escape sequence: \"\\é\". @1:6"),
            ("\"bad \\u1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u1 es\". @1:6"),
            ("\"bad \\u0XX1 esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u0XX1\". @1:6"),
            ("\"bad \\uXXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXX\". @1:6"),
            ("\"bad \\uFXXX esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uFXXX\". @1:6"),
            ("\"bad \\uXXXF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uXXXF\". @1:6"),
            ("\"bad \\u{} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{}\". @1:6"),
            ("\"bad \\u{FXXX} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FX\". @1:6"),
            ("\"bad \\u{FFFF esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF \". @1:6"),
            ("\"bad \\u{FFFF\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFF\"\". @1:6"),
            ("\"too high \\u{110000} esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\". @1:11"),
            ("\"way too high \\u{12345678} esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\u{12345678}\". @1:15"),
            ("\"too long \\u{000000000} esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\u{000000000\". @1:11"),
            ("\"bad surrogate \\uDEAD esc\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\". @1:16"),
            ("\"bad surrogate \\u{DEAD} esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\u{DEAD}\". @1:16"),
            ("\"cannot use braces for surrogate pair \\u{D83D}\\u{DE00} esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\u{D83D}\". @1:39"),
            ("\"bad high surrogate pair \\uDEAD\\uDEAD esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\uDEAD\". @1:26"),
            ("\"bad low surrogate pair \\uD800\\uD800 esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\uD800\". @1:25"),
            ("\"cannot escape half a pair \\uD83D\\u0041 esc\"",
             "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\". @1:28"),
            ("\"lone lead at end \\uD83D\"", "Syntax Error: Invalid Unicode escape sequence: \"\\uD83D\". @1:19"),
            ("\"é\\q\"", "Syntax Error: Invalid character escape sequence: \"\\q\". @1:3"),
        ]
        for (source, expected) in cases {
            #expect(summary(lexError(source)) == expected, "\(source)")
        }
    }

    @Test func blockStrings() throws {
        let cases: [(String, String)] = [
            ("\"\"\"\"\"\"", ""),
            ("\"\"\"simple\"\"\"", "simple"),
            ("\"\"\" white space \"\"\"", " white space "),
            ("\"\"\"contains \" quote\"\"\"", "contains \" quote"),
            ("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote"),
            ("\"\"\"multi\nline\"\"\"", "multi\nline"),
            ("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized"),
            ("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234"),
            ("\"\"\"unescaped unicode outside BMP \u{1F600}\"\"\"", "unescaped unicode outside BMP \u{1F600}"),
            ("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/"),
            ("\"\"\"\n\n        spans\n          multiple\n            lines\n\n        \"\"\"",
             "spans\n  multiple\n    lines"),
        ]
        for (source, value) in cases {
            let token = try lexOne(source)
            #expect(token?.kind == .blockString, "\(source)")
            #expect(token?.value == value, "\(source)")
        }
    }

    @Test func blockStringAdvancesLineNumbers() throws {
        let tokens = try lexAll("\"\"\"\n a\n b\"\"\"  c\n d")
        #expect(tokens.map { "\($0.line):\($0.column)" } == ["1:1", "3:8", "4:2"])
        #expect(summary(lexError("\"\"\"\nno end")) == "Syntax Error: Unterminated string. @2:7")
    }

    @Test func unexpectedCharacters() {
        let cases: [(String, String)] = [
            ("..", "Syntax Error: Unexpected character: \".\". @1:1"),
            ("~", "Syntax Error: Unexpected character: \"~\". @1:1"),
            ("?", "Syntax Error: Unexpected character: \"?\". @1:1"),
            ("\u{7}", "Syntax Error: Unexpected character: U+0007. @1:1"),
            ("\u{0}", "Syntax Error: Unexpected character: U+0000. @1:1"),
            ("\u{203B}", "Syntax Error: Unexpected character: U+203B. @1:1"),
            ("\u{200B}", "Syntax Error: Unexpected character: U+200B. @1:1"),
            ("a é", "Syntax Error: Unexpected character: U+00E9. @1:3"),
            ("\u{1F600}", "Syntax Error: Unexpected character: U+1F600. @1:1"),
            ("\"é\" \u{1F600}", "Syntax Error: Unexpected character: U+1F600. @1:5"),
            ("\n\n    ~\n", "Syntax Error: Unexpected character: \"~\". @3:5"),
        ]
        for (source, expected) in cases {
            #expect(summary(lexError(source)) == expected, "\(source)")
        }
    }

    @Test func hashInsideStringsIsNotAComment() throws {
        let tokens = try lexAll("\"a # b\" ...on#tail")
        #expect(tokens.map(\.kind) == [.string, .spread, .name])
        #expect(tokens[0].value == "a # b")
        #expect(tokens[2] == LexedToken(kind: .name, start: 11, end: 13, line: 1, column: 12, value: "on"))
    }

    @Test func syntaxErrorsCarryTheParseFailedCode() {
        let error = lexError("~")
        #expect(error?.code == "GRAPHQL_PARSE_FAILED")
        #expect(error?.path == nil)
    }
}
