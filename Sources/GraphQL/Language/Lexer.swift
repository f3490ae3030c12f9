/// A byte-level GraphQL lexer (spec §2.1) over the UTF-8 of a source.
///
/// It holds only the current token; the parser pulls tokens one by one with `advance()`, and
/// copies the lexer for the rare lookahead. Punctuators and names are never turned into
/// `String`s here: the parser asks for `text` only where it needs a value.
/// The buffer must outlive the lexer (the parser runs inside `withUTF8`).
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>

    /// Where scanning for the next token starts.
    private(set) var position = 0
    /// Line number and start offset of the line `position` is on.
    private var line = 1
    private var lineStart = 0
    /// Offset of the last non-ASCII byte seen; before `lineStart` means the line is pure ASCII
    /// so far and a column is a plain byte difference.
    private var lastNonASCII = -1
    private var columnAnchorOffset = 0
    private var columnAnchorColumn = 1

    // The current token.
    private(set) var kind: TokenKind = .sof
    private(set) var start = 0
    private(set) var end = 0
    /// `<SOF>` reports 1:1 so a document's location is a real position.
    private(set) var tokenLine = 1
    private(set) var tokenColumn = 1
    /// The decoded value of the current `.string` or `.blockString` token.
    private(set) var stringValue = ""

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The source text of the current token (names and numbers).
    var text: String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// True when the current token is the name `keyword`, compared byte by byte.
    func isKeyword(_ keyword: StaticString) -> Bool {
        guard kind == .name, end - start == keyword.utf8CodeUnitCount else { return false }
        let pointer = keyword.utf8Start
        for index in 0..<keyword.utf8CodeUnitCount where bytes[start + index] != pointer[index] {
            return false
        }
        return true
    }

    /// The current token as error messages show it: `Name "foo"`, `"}"`, `<EOF>`.
    var tokenDescription: String {
        guard kind.hasValue else { return kind.description }
        let value = (kind == .string || kind == .blockString) ? stringValue : text
        return "\(kind.description) \"\(value)\""
    }

    func error(_ description: String, at offset: Int) -> GraphQLError {
        .syntax(description, in: bytes, at: offset)
    }

    @inline(__always)
    private func byte(at index: Int) -> UInt8 {
        index < bytes.count ? bytes[index] : 0
    }

    /// Moves to the next token, skipping ignored tokens (whitespace, line terminators, commas,
    /// comments and byte order marks).
    mutating func advance() throws(GraphQLError) {
        let count = bytes.count
        var p = position
        while p < count {
            let c = bytes[p]
            switch c {
            case 0x20, 0x09, 0x2C:
                p += 1
                continue
            case 0x0A:
                p += 1
                newLine(at: p)
                continue
            case 0x0D:
                p += (byte(at: p + 1) == 0x0A) ? 2 : 1
                newLine(at: p)
                continue
            case 0xEF where byte(at: p + 1) == 0xBB && byte(at: p + 2) == 0xBF:
                lastNonASCII = p
                p += 3
                continue
            case 0x23:
                p += 1
                while p < count {
                    let b = bytes[p]
                    if b == 0x0A || b == 0x0D { break }
                    if b >= 0x80 { lastNonASCII = p }
                    p += 1
                }
                continue
            default:
                break
            }
            try readToken(startingWith: c, at: p)
            return
        }
        setToken(.eof, from: count, to: count)
    }

    @inline(__always)
    private mutating func newLine(at offset: Int) {
        line += 1
        lineStart = offset
    }

    @inline(__always)
    private mutating func setToken(_ kind: TokenKind, from start: Int, to end: Int) {
        self.kind = kind
        self.start = start
        self.end = end
        self.tokenLine = line
        self.tokenColumn = column(at: start)
        position = end
    }

    /// The 1-based column of an offset on the current line, in Unicode scalars.
    private mutating func column(at offset: Int) -> Int {
        if lastNonASCII < lineStart { return offset - lineStart + 1 }
        var from = lineStart
        var column = 1
        if columnAnchorOffset >= lineStart && columnAnchorOffset <= offset {
            from = columnAnchorOffset
            column = columnAnchorColumn
        }
        while from < offset {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnAnchorOffset = offset
        columnAnchorColumn = column
        return column
    }

    private mutating func readToken(startingWith c: UInt8, at p: Int) throws(GraphQLError) {
        switch c {
        case UInt8(ascii: "!"): setToken(.bang, from: p, to: p + 1)
        case UInt8(ascii: "$"): setToken(.dollar, from: p, to: p + 1)
        case UInt8(ascii: "&"): setToken(.amp, from: p, to: p + 1)
        case UInt8(ascii: "("): setToken(.parenL, from: p, to: p + 1)
        case UInt8(ascii: ")"): setToken(.parenR, from: p, to: p + 1)
        case UInt8(ascii: ":"): setToken(.colon, from: p, to: p + 1)
        case UInt8(ascii: "="): setToken(.equals, from: p, to: p + 1)
        case UInt8(ascii: "@"): setToken(.at, from: p, to: p + 1)
        case UInt8(ascii: "["): setToken(.bracketL, from: p, to: p + 1)
        case UInt8(ascii: "]"): setToken(.bracketR, from: p, to: p + 1)
        case UInt8(ascii: "{"): setToken(.braceL, from: p, to: p + 1)
        case UInt8(ascii: "|"): setToken(.pipe, from: p, to: p + 1)
        case UInt8(ascii: "}"): setToken(.braceR, from: p, to: p + 1)
        case UInt8(ascii: "."):
            guard byte(at: p + 1) == UInt8(ascii: "."), byte(at: p + 2) == UInt8(ascii: ".") else {
                throw unexpectedCharacter(at: p)
            }
            setToken(.spread, from: p, to: p + 3)
        case UInt8(ascii: "\""):
            if byte(at: p + 1) == UInt8(ascii: "\""), byte(at: p + 2) == UInt8(ascii: "\"") {
                try readBlockString(from: p)
            } else {
                try readString(from: p)
            }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try readNumber(from: p)
        default:
            guard isNameStart(c) else {
                if c == UInt8(ascii: "'") {
                    throw error(
                        "Unexpected single quote character ('), did you mean to use a double quote (\")?", at: p)
                }
                throw unexpectedCharacter(at: p)
            }
            var q = p + 1
            while isNameContinue(byte(at: q)) { q += 1 }
            setToken(.name, from: p, to: q)
        }
    }

    private func unexpectedCharacter(at p: Int) -> GraphQLError {
        error("Unexpected character: \(SourceText.describeCharacter(in: bytes, at: p)).", at: p)
    }

    // MARK: Numbers (spec §2.9.1, §2.9.2)

    private mutating func readNumber(from start: Int) throws(GraphQLError) {
        var p = start
        var c = byte(at: p)
        var isFloat = false
        if c == UInt8(ascii: "-") {
            p += 1
            c = byte(at: p)
        }
        if c == UInt8(ascii: "0") {
            p += 1
            c = byte(at: p)
            if p < bytes.count && isDigit(c) {
                throw error(
                    "Invalid number, unexpected digit after 0: \(SourceText.describeCharacter(in: bytes, at: p)).", at: p)
            }
        } else {
            p = try readDigits(from: p)
            c = byte(at: p)
        }
        if c == UInt8(ascii: ".") {
            isFloat = true
            p = try readDigits(from: p + 1)
            c = byte(at: p)
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            isFloat = true
            p += 1
            c = byte(at: p)
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { p += 1 }
            p = try readDigits(from: p)
            c = byte(at: p)
        }
        if p < bytes.count && (c == UInt8(ascii: ".") || isNameStart(c)) {
            throw error("Invalid number, expected digit but got: \(SourceText.describeCharacter(in: bytes, at: p)).", at: p)
        }
        setToken(isFloat ? .float : .int, from: start, to: p)
    }

    private func readDigits(from start: Int) throws(GraphQLError) -> Int {
        guard start < bytes.count, isDigit(bytes[start]) else {
            throw error(
                "Invalid number, expected digit but got: \(SourceText.describeCharacter(in: bytes, at: start)).", at: start)
        }
        var p = start + 1
        while p < bytes.count && isDigit(bytes[p]) { p += 1 }
        return p
    }

    // MARK: Strings (spec §2.9.4)

    private mutating func readString(from start: Int) throws(GraphQLError) {
        var p = start + 1
        var chunkStart = p
        var decoded: [UInt8] = []
        var hasEscapes = false
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\"") {
                if hasEscapes {
                    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]))
                    stringValue = String(decoding: decoded, as: UTF8.self)
                } else {
                    stringValue = String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]), as: UTF8.self)
                }
                setToken(.string, from: start, to: p + 1)
                return
            }
            if c == UInt8(ascii: "\\") {
                if !hasEscapes {
                    hasEscapes = true
                    decoded.reserveCapacity(p - chunkStart + 16)
                }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]))
                p = try readEscape(at: p, into: &decoded)
                chunkStart = p
                continue
            }
            if c == 0x0A || c == 0x0D { break }
            if c >= 0x80 { lastNonASCII = p }
            p += 1
        }
        throw error("Unterminated string.", at: p)
    }

    /// Decodes the escape sequence at `p` (a backslash) and returns the offset after it.
    private func readEscape(at p: Int, into decoded: inout [UInt8]) throws(GraphQLError) -> Int {
        let next = byte(at: p + 1)
        if next == UInt8(ascii: "u") && p + 1 < bytes.count {
            let (scalar, size) = byte(at: p + 2) == UInt8(ascii: "{")
                ? try readVariableWidthUnicodeEscape(at: p)
                : try readFixedWidthUnicodeEscape(at: p)
            SourceText.appendUTF8(scalar, to: &decoded)
            return p + size
        }
        let replacement: UInt8
        switch next {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        default:
            let sequence = SourceText.text(in: bytes, from: p, scalars: 2)
            throw error("Invalid character escape sequence: \"\(sequence)\".", at: p)
        }
        decoded.append(replacement)
        return p + 2
    }

    /// `\u{1F600}`: one to eight hex digits naming a Unicode scalar value.
    private func readVariableWidthUnicodeEscape(at p: Int) throws(GraphQLError) -> (UInt32, Int) {
        var point: Int32 = 0
        var size = 3
        while size < 12 {
            let c = byte(at: p + size)
            let atEnd = p + size >= bytes.count
            size += 1
            if c == UInt8(ascii: "}") && !atEnd {
                if size < 5 || !isUnicodeScalarValue(Int(point)) { break }
                return (UInt32(point), size)
            }
            let digit = atEnd ? -1 : hexValue(c)
            point = (point &<< 4) | Int32(digit)
            if point < 0 { break }
        }
        let sequence = SourceText.text(in: bytes, from: p, scalars: size)
        throw error("Invalid Unicode escape sequence: \"\(sequence)\".", at: p)
    }

    /// `\uXXXX`, where a leading surrogate must be followed by `\uXXXX` with a trailing one.
    private func readFixedWidthUnicodeEscape(at p: Int) throws(GraphQLError) -> (UInt32, Int) {
        let code = read16BitHex(at: p + 2)
        if isUnicodeScalarValue(code) { return (UInt32(code), 6) }
        if code >= 0xD800 && code <= 0xDBFF,
           byte(at: p + 6) == UInt8(ascii: "\\"), byte(at: p + 7) == UInt8(ascii: "u") {
            let trailing = read16BitHex(at: p + 8)
            if trailing >= 0xDC00 && trailing <= 0xDFFF {
                return (UInt32(0x10000 + ((code - 0xD800) << 10) + (trailing - 0xDC00)), 12)
            }
        }
        let sequence = SourceText.text(in: bytes, from: p, scalars: 6)
        throw error("Invalid Unicode escape sequence: \"\(sequence)\".", at: p)
    }

    /// Four hex digits as a number, or a negative number if any is not a hex digit.
    private func read16BitHex(at p: Int) -> Int {
        var value = 0
        for index in 0..<4 {
            guard p + index < bytes.count else { return -1 }
            let digit = hexValue(bytes[p + index])
            if digit < 0 { return -1 }
            value = value << 4 | digit
        }
        return value
    }

    // MARK: Block strings (spec §2.9.4, BlockStringValue)

    private mutating func readBlockString(from start: Int) throws(GraphQLError) {
        var p = start + 3
        var chunkStart = p
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var currentLine = line
        var currentLineStart = lineStart
        while p < bytes.count {
            let c = bytes[p]
            if c == UInt8(ascii: "\""), byte(at: p + 1) == UInt8(ascii: "\""), byte(at: p + 2) == UInt8(ascii: "\"") {
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]))
                lines.append(current)
                stringValue = blockStringValue(lines: lines)
                setToken(.blockString, from: start, to: p + 3)
                line = currentLine
                lineStart = currentLineStart
                return
            }
            if c == UInt8(ascii: "\\"), byte(at: p + 1) == UInt8(ascii: "\""), byte(at: p + 2) == UInt8(ascii: "\""),
               byte(at: p + 3) == UInt8(ascii: "\"") {
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]))
                chunkStart = p + 1
                p += 4
                continue
            }
            if c == 0x0A || c == 0x0D {
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<p]))
                lines.append(current)
                current = []
                p += (c == 0x0D && byte(at: p + 1) == 0x0A) ? 2 : 1
                currentLine += 1
                currentLineStart = p
                chunkStart = p
                continue
            }
            if c >= 0x80 { lastNonASCII = p }
            p += 1
        }
        throw error("Unterminated string.", at: p)
    }
}

// MARK: Character classes

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

@inline(__always) private func isNameStart(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 || c == 0x5F }

@inline(__always) private func isNameContinue(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }

@inline(__always) private func isUnicodeScalarValue(_ code: Int) -> Bool {
    (code >= 0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0x10FFFF)
}

@inline(__always) private func hexValue(_ c: UInt8) -> Int {
    switch c {
    case 0x30...0x39: Int(c - 0x30)
    case 0x41...0x46: Int(c - 0x37)
    case 0x61...0x66: Int(c - 0x57)
    default: -1
    }
}

extension SourceText {
    /// Appends a Unicode scalar as UTF-8.
    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        if scalar < 0x80 {
            bytes.append(UInt8(scalar))
        } else if scalar < 0x800 {
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        } else if scalar < 0x10000 {
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | scalar >> 18))
            bytes.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            bytes.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
