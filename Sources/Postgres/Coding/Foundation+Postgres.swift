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

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case; nil for anything else.
    init?(canonical text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        var high: UInt8?
        var count = 0
        for character in text.utf8 {
            count += 1
            if count == 9 || count == 14 || count == 19 || count == 24 {
                guard character == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        guard count == 36, bytes.count == 16 else { return nil }
        self.init(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                         bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
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
