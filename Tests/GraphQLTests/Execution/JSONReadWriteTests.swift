import Testing
@testable import GraphQL

@Suite struct JSONReadWriteTests {
    @Test func parsesNestedDocumentKeepingKeyOrder() throws {
        let value = try JSON.parse(#" { "b": [1, -2, 3.5, 1e3, true, false, null], "a": {"x": "y"} } "#)
        #expect(value == .object(JSONObject([
            ("b", .array([.int(1), .int(-2), .double(3.5), .double(1000), .bool(true), .bool(false), .null])),
            ("a", .object(JSONObject([("x", .string("y"))]))),
        ])))
        if case .object(let object) = value { #expect(object.keys == ["b", "a"]) }
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSON.parse(#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00z""#)
        #expect(value == .string("a\"\\/\u{8}\u{c}\n\r\té😀z"))
    }

    @Test func integersTooLargeForIntBecomeDoubles() throws {
        #expect(try JSON.parse("9223372036854775807") == .int(Int.max))
        #expect(try JSON.parse("-9223372036854775808") == .int(Int.min))
        #expect(try JSON.parse("9223372036854775808") == .double(9223372036854775808))
    }

    @Test func reportsErrorsWithPosition() {
        #expect(throws: JSONParseError(message: "Unexpected '}', expected a string key", offset: 11, line: 2, column: 4)) {
            try JSON.parse("{\"a\":1,\n   }")
        }
        #expect(throws: JSONParseError(message: "Unexpected end of JSON input", offset: 5, line: 1, column: 6)) {
            try JSON.parse("[1, 2")
        }
        #expect(throws: JSONParseError(message: "Bad control character in string literal", offset: 2, line: 1, column: 3)) {
            try JSON.parse("\"a\n\"")
        }
        #expect(throws: JSONParseError(message: "Unexpected '0'", offset: 1, line: 1, column: 2)) {
            try JSON.parse("00")
        }
        #expect(throws: JSONParseError(message: "Unexpected 'x'", offset: 2, line: 1, column: 3)) {
            try JSON.parse("1 x")
        }
    }

    @Test func rejectsTooDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSON.parse(String(repeating: "[", count: 600)) }
    }

    @Test func writesStringsWithJavaScriptEscapes() {
        #expect(JSON.string("q\"b\\n\n\t\u{1}\u{1f}é😀/").serialized() == #""q\"b\\n\n\t\u0001\u001fé😀/""#)
    }

    @Test func writesDoublesLikeJavaScript() {
        let cases: [(Double, String)] = [
            (1, "1"), (-0.0, "0"), (0.1, "0.1"), (1.5, "1.5"), (-2.25, "-2.25"), (123456.789, "123456.789"),
            (1e21, "1e+21"), (1e20, "100000000000000000000"), (1.5e300, "1.5e+300"), (0.000001, "0.000001"),
            (1e-7, "1e-7"), (1.2345e-10, "1.2345e-10"), (Double.leastNonzeroMagnitude, "5e-324"), (.infinity, "null"), (.nan, "null"),
            (123e18, "123000000000000000000"), (0.1 + 0.2, "0.30000000000000004"),
            (2.5e-6, "0.0000025"), (0.000123, "0.000123"), (98765.4321, "98765.4321"), (-0.5, "-0.5"),
            (100000000000000.5, "100000000000000.5"), (1.0 / 3.0, "0.3333333333333333"), (123.456e-2, "1.23456"),
            (9.999999999999999e14, "999999999999999.9"), (4.35, "4.35"), (0.07, "0.07"),
        ]
        for (value, expected) in cases {
            #expect(JSON.double(value).serialized() == expected, "\(value)")
        }
    }

    @Test func roundTripsCompactAndPretty() throws {
        let text = #"{"a":[1,{"b":null}],"c":"d","e":{},"f":[]}"#
        #expect(try JSON.parse(text).serialized() == text)
        #expect(try JSON.parse(text).serialized(pretty: true) == """
        {
          "a": [
            1,
            {
              "b": null
            }
          ],
          "c": "d",
          "e": {},
          "f": []
        }
        """)
    }
}

@Suite struct JSONStringEscapeTests {
    /// Escapes at every offset of long strings, so the eight-bytes-at-a-time scan cannot skip one.
    @Test func escapesAtEveryOffsetOfLongStrings() {
        for length in 0..<40 {
            for offset in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1f}", "é"] {
                    var text = String(repeating: "a", count: length)
                    if length > 0 {
                        let start = text.index(text.startIndex, offsetBy: offset)
                        text.replaceSubrange(start...start, with: special)
                    }
                    let expected = "\"" + text.unicodeScalars.map { scalar -> String in
                        switch scalar {
                        case "\"": return "\\\""
                        case "\\": return "\\\\"
                        case "\n": return "\\n"
                        case "\u{1}": return "\\u0001"
                        case "\u{1f}": return "\\u001f"
                        default: return String(scalar)
                        }
                    }.joined() + "\""
                    #expect(JSON.string(text).serialized() == expected)
                }
            }
        }
    }
}

@Suite struct JSONDoubleFastPathTests {
    /// Wherever the short-decimal fast path applies, it must print exactly what the general path prints.
    @Test func fastPathAgreesWithTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for round in 0..<20_000 {
            let value: Double
            switch round % 3 {
            case 0: value = Double(Int.random(in: -10_000_000...10_000_000, using: &generator)) / [10.0, 100, 1000, 1e4, 1e6][round % 5]
            case 1: value = Double.random(in: -1e6...1e6, using: &generator)
            default: value = Double.random(in: 0.000001...0.01, using: &generator)
            }
            guard value != value.rounded() else { continue }
            var fast: [UInt8] = []
            guard JSONWriter.writeShortDecimal(value, into: &fast) else { continue }
            var general: [UInt8] = []
            JSONWriter.writeDoubleFromDescription(value, into: &general)
            #expect(fast == general, "\(value)")
            checked += 1
        }
        #expect(checked > 5_000)
    }
}
