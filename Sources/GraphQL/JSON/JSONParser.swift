/// Why a JSON text could not be read: what was wrong and where (byte offset, 1-based line and column).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    public var line: Int
    public var column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

extension JSON {
    /// Reads a complete JSON text (RFC 8259) from UTF-8 bytes: request bodies, variables, root values.
    ///
    /// Integers that fit in `Int` become `.int`; every other number becomes `.double`. `maxValues` bounds how
    /// many values (each array element, object member and scalar) the text may hold, so a request body of
    /// hundreds of thousands of tiny values is refused part-way instead of built whole.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 512, maxValues: Int = .max) throws(JSONParseError) -> JSON {
        let result: Result<JSON, JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer, maxDepth: maxDepth, maxValues: maxValues)
            do throws(JSONParseError) { return .success(try parser.parseDocument()) } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a complete JSON text from a string.
    public static func parse(_ text: String, maxDepth: Int = 512) throws(JSONParseError) -> JSON {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }
}

/// A recursive-descent reader over raw UTF-8 bytes; it never walks `Character`s.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0
    private let maxDepth: Int
    private var valuesLeft: Int
    private let maxValues: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, maxValues: Int = .max) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        valuesLeft = maxValues
    }

    mutating func parseDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        if position < bytes.count { throw unexpected() }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> JSON {
        guard position < bytes.count else { throw error("Unexpected end of JSON input") }
        valuesLeft -= 1
        if valuesLeft < 0 { throw error("JSON holds more than \(maxValues) values") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw unexpected()
        }
    }

    private mutating func enterNested() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth { throw error("JSON nested deeper than \(maxDepth) levels") }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSON {
        try enterNested()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw error("Unexpected end of JSON input") }
            guard bytes[position] == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            guard position < bytes.count else { throw error("Unexpected end of JSON input") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; break }
            throw unexpected(expecting: "',' or '}'")
        }
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSON {
        try enterNested()
        position += 1
        var array: [JSON] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("Unexpected end of JSON input") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; break }
            throw unexpected(expecting: "',' or ']'")
        }
        depth -= 1
        return .array(array)
    }

    private mutating func expect(_ byte: UInt8) throws(JSONParseError) {
        guard position < bytes.count else { throw error("Unexpected end of JSON input") }
        guard bytes[position] == byte else { throw unexpected(expecting: "'\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<count {
            guard position < bytes.count else { throw error("Unexpected end of JSON input") }
            guard bytes[position] == start[offset] else { throw unexpected() }
            position += 1
        }
    }

    /// Reads a string starting at its opening quote; copies bytes straight through when there is no escape.
    private mutating func parseString() throws(JSONParseError) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let string = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self) else {
                    throw invalidUTF8(in: start..<position)
                }
                position += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("Bad control character in string literal") }
            position += 1
        }
        var scratch = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                guard let string = String(validating: scratch, as: UTF8.self) else { throw invalidUTF8(in: start..<position) }
                position += 1
                return string
            }
            if byte < 0x20 { throw error("Bad control character in string literal") }
            if byte != UInt8(ascii: "\\") {
                scratch.append(byte)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scratch.append(0x22)
            case UInt8(ascii: "\\"): scratch.append(0x5C)
            case UInt8(ascii: "/"): scratch.append(0x2F)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar), position + 1 < bytes.count,
                    bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                {
                    let saved = position
                    position += 2
                    let low = try parseHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        position = saved
                    }
                }
                guard let decoded = Unicode.Scalar(scalar) else {
                    position -= 6
                    throw error("Unpaired UTF-16 surrogate \\u\(String(scalar, radix: 16, uppercase: true)) in string")
                }
                appendUTF8(decoded, to: &scratch)
            default:
                position -= 1
                throw error("Bad escaped character in JSON")
            }
        }
        throw error("Unterminated string in JSON")
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw error("Unterminated string in JSON") }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("Bad Unicode escape in JSON")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        UTF8.encode(scalar) { buffer.append($0) }
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSON {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else { throw unexpected(expecting: "a digit") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) { throw unexpected() }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else { throw unexpected(expecting: "a digit") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count, isDigit(bytes[position]) else { throw unexpected(expecting: "a digit") }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if isInteger, let integer = Self.integer(digits) { return .int(integer) }
        let text = String(decoding: digits, as: UTF8.self)
        return .double(Double(text) ?? .nan)
    }

    /// Accumulates an optionally negative decimal integer; `nil` when it overflows `Int`.
    private static func integer(_ digits: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = digits[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var value = 0
        while index < digits.count {
            let digit = Int(digits[index] &- UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = negative
                ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
            index += 1
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Strings must be UTF-8 (RFC 8259 §8.1): bytes that are not are refused, never replaced by U+FFFD.
    private mutating func invalidUTF8(in range: Range<Int>) -> JSONParseError {
        var index = range.lowerBound
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = UTF8()
        decodeLoop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index += UTF8.width(scalar)
            case .emptyInput, .error: break decodeLoop
            }
        }
        position = index
        return error("Invalid UTF-8 in string (byte 0x\(String(bytes[min(index, bytes.count - 1)], radix: 16, uppercase: true)))")
    }

    private func unexpected(expecting expected: String? = nil) -> JSONParseError {
        guard position < bytes.count else { return error("Unexpected end of JSON input") }
        let byte = bytes[position]
        let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
        if let expected { return error("Unexpected \(shown), expected \(expected)") }
        return error("Unexpected \(shown)")
    }

    private func error(_ message: String) -> JSONParseError {
        var line = 1
        var lineStart = 0
        var index = 0
        let end = min(position, bytes.count)
        while index < end {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return JSONParseError(message: message, offset: position, line: line, column: position - lineStart + 1)
    }
}
