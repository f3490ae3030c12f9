/// A Swift value that can be sent as a statement parameter.
///
/// Parameters travel in PostgreSQL's text format with an unspecified type, so the server infers
/// each parameter's type from the statement (`id = $1` makes `$1` a uuid).
public protocol PostgresEncodable: Sendable {
    var postgresText: String { get }
}

extension String: PostgresEncodable {
    public var postgresText: String { self }
}

extension Int: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int32: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Int64: PostgresEncodable {
    public var postgresText: String { String(self) }
}

extension Double: PostgresEncodable {
    public var postgresText: String { "\(self)" }
}

extension Bool: PostgresEncodable {
    public var postgresText: String { self ? "t" : "f" }
}
