import Testing
@testable import GraphQL

/// JSON text must be UTF-8 (RFC 8259 §8.1): what is not is refused with its position, never replaced by U+FFFD.
@Suite struct JSONUnicodeTests {
    func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON { try JSON.parse(bytes) }

    @Test func invalidUTF8InAStringIsRefusedAtItsByte() {
        let cases: [([UInt8], Int, String)] = [
            ([0x22, 0x61, 0xFF, 0x22], 2, "FF"),  // never in UTF-8
            ([0x22, 0x61, 0xC3, 0x22], 2, "C3"),  // cut short by the quote
            ([0x22, 0xC0, 0xAF, 0x22], 1, "C0"),  // overlong "/"
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1, "ED"),  // an encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "F4"),  // past U+10FFFF
            // After an escape, through the copying path.
            [0x22, 0x5C, 0x6E, 0x61, 0x80, 0x22].withOffset(4, "80"),
        ]
        for (bytes, offset, byte) in cases {
            #expect(throws: JSONParseError(message: "Invalid UTF-8 in string (byte 0x\(byte))", offset: offset, line: 1, column: offset + 1),
                    "\(bytes)") { try parse(bytes) }
        }
        #expect(throws: JSONParseError.self) { try parse([0x7B, 0x22] + [0xFE] + Array(#"": 1}"#.utf8)) }  // in a key
    }

    @Test func aLoneSurrogateEscapeIsRefused() {
        #expect(throws: JSONParseError(message: #"Unpaired UTF-16 surrogate \uD800 in string"#, offset: 2, line: 1, column: 3)) {
            try JSON.parse(#""a\ud800b""#)
        }
        #expect(throws: JSONParseError(message: #"Unpaired UTF-16 surrogate \uDC00 in string"#, offset: 1, line: 1, column: 2)) {
            try JSON.parse(#""\udc00""#)
        }
        #expect(throws: JSONParseError(message: #"Unpaired UTF-16 surrogate \uD83D in string"#, offset: 1, line: 1, column: 2)) {
            try JSON.parse(#""\ud83d\u0041""#)
        }
    }

    @Test func validTextOfEveryWidthPasses() throws {
        let text = "a é € 😀 \u{10FFFF}"
        #expect(try parse([0x22] + Array(text.utf8) + [0x22]) == .string(text))
        #expect(try JSON.parse(#""\u0000""#) == .string("\u{0}"))  // NUL is valid JSON; the API refuses it per field
    }
}

private extension Array where Element == UInt8 {
    func withOffset(_ offset: Int, _ byte: String) -> ([UInt8], Int, String) { (self, offset, byte) }
}
