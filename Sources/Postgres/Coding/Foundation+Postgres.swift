import Foundation

extension Decimal: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { "\(self)" }

    public static func decode(postgresText text: String, type: PostgresType) -> Decimal? {
        guard type == .numeric || type.isInteger else { return nil }
        return Decimal(string: text, locale: posix)
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}

/// UUIDs are read and written by hand: on Linux, Foundation's `UUID(uuidString:)` and `uuidString` go through
/// sscanf and sprintf, a visible share of a page of rows.
extension UUID: PostgresEncodable, PostgresDecodable {
    public var postgresText: String {
        let digits = Self.hexDigits
        return withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var index = 0
                for (position, byte) in bytes.enumerated() {
                    if position == 4 || position == 6 || position == 8 || position == 10 {
                        text[index] = UInt8(ascii: "-")
                        index += 1
                    }
                    text[index] = digits[Int(byte >> 4)]
                    text[index + 1] = digits[Int(byte & 0x0f)]
                    index += 2
                }
                return 36
            }
        }
    }

    public static func decode(postgresText text: String, type: PostgresType) -> UUID? {
        type == .uuid ? UUID(canonical: text) : nil
    }

    /// Built once, not per UUID written.
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case; nil for anything else. Read straight into the
    /// 16 bytes, without an intermediate array: results hold a UUID in most rows.
    init?(canonical text: String) {
        var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var text = text
        let parsed = text.withUTF8 { utf8 -> Bool in
            guard utf8.count == 36 else { return false }
            return withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
                var input = 0
                for output in 0..<16 {
                    if input == 8 || input == 13 || input == 18 || input == 23 {
                        guard utf8[input] == UInt8(ascii: "-") else { return false }
                        input += 1
                    }
                    guard let high = Self.hexValue(utf8[input]), let low = Self.hexValue(utf8[input + 1]) else { return false }
                    bytes[output] = high << 4 | low
                    input += 2
                }
                return true
            }
        }
        guard parsed else { return nil }
        self.init(uuid: uuid)
    }

    private static func hexValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension Date: PostgresEncodable, PostgresDecodable {
    /// Sent with an explicit UTC offset, so the session time zone never changes its meaning.
    public var postgresText: String { PostgresTimestamp.format(self) }

    public static func decode(postgresText text: String, type: PostgresType) -> Date? {
        guard type == .timestamptz || type == .timestamp else { return nil }
        return PostgresTimestamp.parse(text)
    }
}
