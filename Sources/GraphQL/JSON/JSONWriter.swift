/// Appends JSON text as UTF-8 bytes to a buffer, so responses are written once without intermediate strings.
public enum JSONWriter {
    /// Writes a string literal with the escapes `JSON.stringify` uses: `\"`, `\\`, short forms for
    /// backspace, form feed, newline, carriage return and tab, and `\u00XX` for other control characters.
    public static func writeString(_ string: String, into buffer: inout [UInt8]) {
        var string = string
        string.withUTF8 { writeString(utf8: $0, into: &buffer) }
    }

    public static func writeString(utf8: UnsafeBufferPointer<UInt8>, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        let base = UnsafeRawPointer(utf8.baseAddress)
        while index < count {
            // Skip eight bytes at a time while none of them needs escaping.
            if let base, count - index >= 8 {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if !needsEscape(word) {
                    index += 8
                    continue
                }
            }
            let byte = utf8[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index += 1
                continue
            }
            if runStart < index { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            buffer.append(UInt8(ascii: "\\"))
            switch byte {
            case 0x22: buffer.append(0x22)
            case 0x5C: buffer.append(0x5C)
            case 0x08: buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "f"))
            case 0x0A: buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "t"))
            default:
                buffer.append(UInt8(ascii: "u"))
                buffer.append(UInt8(ascii: "0"))
                buffer.append(UInt8(ascii: "0"))
                buffer.append(hexDigit(byte >> 4))
                buffer.append(hexDigit(byte & 0xF))
            }
            index += 1
            runStart = index
        }
        if runStart < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (may report true spuriously only
    /// when one really is, which the byte loop then handles).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quoteHit = (quote &- ones) & ~quote & highs
        let backslashHit = (backslash &- ones) & ~backslash & highs
        return (control | quoteHit | backslashHit) != 0
    }

    @inline(__always)
    static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes a decimal integer without going through `String`.
    public static func writeInt(_ value: Int, into buffer: inout [UInt8]) {
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while magnitude > 0 {
                digits[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            while count > 0 {
                count -= 1
                buffer.append(digits[count])
            }
        }
    }

    /// Writes a number the way JavaScript's `Number.prototype.toString` does (shortest round-trip digits,
    /// plain notation for exponents in [-7, 21), `1e+21` beyond); non-finite values become `null` as in
    /// `JSON.stringify`.
    public static func writeDouble(_ value: Double, into buffer: inout [UInt8]) {
        guard value.isFinite else {
            buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        if value == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            writeInt(Int(value), into: &buffer)
            return
        }
        if writeShortDecimal(value, into: &buffer) { return }
        writeDoubleFromDescription(value, into: &buffer)
    }

    /// The general case: Swift's `description` already produces the shortest round-trip digits; only the
    /// layout differs.
    static func writeDoubleFromDescription(_ value: Double, into buffer: inout [UInt8]) {
        let (negative, digits, pointPosition) = shortestDigits(value)
        if negative { buffer.append(UInt8(ascii: "-")) }
        let k = digits.count
        let n = pointPosition
        if k <= n && n <= 21 {
            buffer.append(contentsOf: digits)
            for _ in 0..<(n - k) { buffer.append(UInt8(ascii: "0")) }
        } else if 0 < n && n <= 21 {
            buffer.append(contentsOf: digits[0..<n])
            buffer.append(UInt8(ascii: "."))
            buffer.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            buffer.append(UInt8(ascii: "0"))
            buffer.append(UInt8(ascii: "."))
            for _ in 0..<(-n) { buffer.append(UInt8(ascii: "0")) }
            buffer.append(contentsOf: digits)
        } else {
            buffer.append(digits[0])
            if k > 1 {
                buffer.append(UInt8(ascii: "."))
                buffer.append(contentsOf: digits[1...])
            }
            buffer.append(UInt8(ascii: "e"))
            let exponent = n - 1
            buffer.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            writeInt(abs(exponent), into: &buffer)
        }
    }

    /// Fast path for values with at most 15 significant digits and a plain JavaScript layout (e.g. `1.5`,
    /// `0.000123`): the smallest `k` with `m / 10^k == value` gives the unique shortest digits `m`.
    static func writeShortDecimal(_ value: Double, into buffer: inout [UInt8]) -> Bool {
        let magnitude = abs(value)
        guard magnitude >= 1e-6, magnitude < 1e15 else { return false }
        var scale = 1.0
        for decimals in 1...15 {
            scale *= 10
            let scaled = magnitude * scale
            if scaled >= 1e15 { return false }
            let mantissa = scaled.rounded()
            guard mantissa / scale == magnitude else { continue }
            if value < 0 { buffer.append(UInt8(ascii: "-")) }
            var digits: [UInt8] = []
            var remaining = Int(mantissa)
            while remaining > 0 {
                digits.append(UInt8(ascii: "0") + UInt8(remaining % 10))
                remaining /= 10
            }
            digits.reverse()
            if digits.count <= decimals {
                buffer.append(UInt8(ascii: "0"))
                buffer.append(UInt8(ascii: "."))
                for _ in 0..<(decimals - digits.count) { buffer.append(UInt8(ascii: "0")) }
                buffer.append(contentsOf: digits)
            } else {
                let point = digits.count - decimals
                buffer.append(contentsOf: digits[0..<point])
                buffer.append(UInt8(ascii: "."))
                buffer.append(contentsOf: digits[point...])
            }
            return true
        }
        return false
    }

    /// Splits a finite non-zero double into sign, significant digits (no leading/trailing zeros) and the
    /// position of the decimal point relative to them (value = 0.d₁d₂… × 10ⁿ).
    static func shortestDigits(_ value: Double) -> (negative: Bool, digits: [UInt8], pointPosition: Int) {
        let text = Array(value.description.utf8)
        var index = 0
        let negative = text.first == UInt8(ascii: "-")
        if negative { index = 1 }
        var digits: [UInt8] = []
        var pointPosition: Int? = nil
        var exponent = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                digits.append(byte)
            }
            index += 1
        }
        var point = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
        return (negative, digits, point)
    }

    /// Writes any JSON value, compactly or indented by two spaces like `JSON.stringify(value, null, 2)`.
    public static func write(_ value: JSON, into buffer: inout [UInt8], pretty: Bool = false) {
        write(value, into: &buffer, indent: pretty ? 0 : -1)
    }

    private static func write(_ value: JSON, into buffer: inout [UInt8], indent: Int) {
        switch value {
        case .null: buffer.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let flag):
            if flag { buffer.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else {
                buffer.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
            }
        case .int(let integer): writeInt(integer, into: &buffer)
        case .double(let double): writeDouble(double, into: &buffer)
        case .string(let string): writeString(string, into: &buffer)
        case .array(let items):
            buffer.append(UInt8(ascii: "["))
            if items.isEmpty {
                buffer.append(UInt8(ascii: "]"))
                return
            }
            for (offset, item) in items.enumerated() {
                if offset > 0 { buffer.append(UInt8(ascii: ",")) }
                newline(indent: indent + 1, into: &buffer, pretty: indent >= 0)
                write(item, into: &buffer, indent: indent >= 0 ? indent + 1 : -1)
            }
            newline(indent: indent, into: &buffer, pretty: indent >= 0)
            buffer.append(UInt8(ascii: "]"))
        case .object(let object):
            buffer.append(UInt8(ascii: "{"))
            if object.isEmpty {
                buffer.append(UInt8(ascii: "}"))
                return
            }
            var first = true
            object.forEachEntry { key, value in
                if !first { buffer.append(UInt8(ascii: ",")) }
                first = false
                newline(indent: indent + 1, into: &buffer, pretty: indent >= 0)
                writeString(key, into: &buffer)
                buffer.append(UInt8(ascii: ":"))
                if indent >= 0 { buffer.append(UInt8(ascii: " ")) }
                write(value, into: &buffer, indent: indent >= 0 ? indent + 1 : -1)
            }
            newline(indent: indent, into: &buffer, pretty: indent >= 0)
            buffer.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(indent: Int, into buffer: inout [UInt8], pretty: Bool) {
        guard pretty else { return }
        buffer.append(0x0A)
        for _ in 0..<indent { buffer.append(contentsOf: [0x20, 0x20]) }
    }
}

extension JSON {
    /// This value as compact JSON text (or indented by two spaces when `pretty`).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// This value as UTF-8 JSON bytes.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        JSONWriter.write(self, into: &buffer, pretty: pretty)
        return buffer
    }
}
