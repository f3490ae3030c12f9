import Foundation

extension Decimal: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { "\(self)" }

    public static func decode(postgresText text: String, type: PostgresType) -> Decimal? {
        guard type == .numeric || type.isInteger else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public var postgresText: String { uuidString.lowercased() }

    public static func decode(postgresText text: String, type: PostgresType) -> UUID? {
        type == .uuid ? UUID(uuidString: text) : nil
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
