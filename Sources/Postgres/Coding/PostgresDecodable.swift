/// A Swift type that a column's text-format value decodes into.
public protocol PostgresDecodable: Sendable {
    /// Decodes the text form of a non-NULL value of the given column type, or returns nil when the
    /// column type or the text does not fit this Swift type.
    static func decode(postgresText text: String, type: PostgresType) -> Self?
}

extension String: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> String? {
        (type.isTextual || type == .json || type == .jsonb) ? text : nil
    }
}

extension Int: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> Int? {
        type.isInteger ? Int(text) : nil
    }
}

extension Int32: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> Int32? {
        (type == .int2 || type == .int4) ? Int32(text) : nil
    }
}

extension Int64: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> Int64? {
        type.isInteger ? Int64(text) : nil
    }
}

extension Double: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> Double? {
        (type == .float4 || type == .float8 || type == .numeric || type.isInteger) ? Double(text) : nil
    }
}

extension Bool: PostgresDecodable {
    public static func decode(postgresText text: String, type: PostgresType) -> Bool? {
        guard type == .bool else { return nil }
        switch text {
        case "t": return true
        case "f": return false
        default: return nil
        }
    }
}
