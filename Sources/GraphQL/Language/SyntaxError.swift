extension GraphQLError {
    /// The machine-readable code every syntax error carries.
    public static let parseFailedCode = ErrorCodes.parseFailed

    /// A `Syntax Error: …` as graphql-js words it, located at a byte offset of the source.
    static func syntax(_ description: String, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> GraphQLError {
        var extensions = JSONObject()
        extensions["code"] = .string(parseFailedCode)
        return GraphQLError(
            "Syntax Error: " + description,
            locations: [SourceText.location(in: bytes, at: offset)],
            extensions: extensions
        )
    }
}

/// Byte-level helpers over a source's UTF-8, shared by the lexer, errors and the printer.
enum SourceText {
    /// The 1-based line and column of a byte offset, counting `\n`, `\r\n` and `\r` as line breaks
    /// and columns in Unicode scalars. Only used for errors, so a scan from the start is fine.
    static func location(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        let limit = min(offset, bytes.count)
        while index < limit {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 < limit, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// Decodes the Unicode scalar starting at `offset` (the source is valid UTF-8) and its byte length.
    static func decodeScalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[offset])
        func continuation(_ i: Int) -> UInt32 {
            offset + i < bytes.count ? UInt32(bytes[offset + i] & 0x3F) : 0
        }
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// How graphql-js shows the character at an offset: `"a"`, `'"'`, `U+00E9`, or `<EOF>`.
    static func describeCharacter(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < bytes.count else { return "<EOF>" }
        let (scalar, _) = decodeScalar(in: bytes, at: offset)
        if scalar >= 0x20 && scalar <= 0x7E {
            let character = String(UnicodeScalar(UInt8(scalar)))
            return character == "\"" ? "'\"'" : "\"\(character)\""
        }
        return unicodeNotation(scalar)
    }

    /// `U+` followed by at least four upper-case hex digits.
    static func unicodeNotation(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The source text of `count` scalars starting at `offset` (fewer at the end), for error messages.
    static func text(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int, scalars count: Int) -> String {
        var end = offset
        var taken = 0
        while taken < count && end < bytes.count {
            end += decodeScalar(in: bytes, at: end).length
            taken += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<min(end, bytes.count)]), as: UTF8.self)
    }
}
