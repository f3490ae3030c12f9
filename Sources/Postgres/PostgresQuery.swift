/// A parameterized statement written as one string: every interpolated value becomes a bound parameter
/// (`$1`, `$2`, … numbered in the order they appear), so no call site numbers parameters or can splice a
/// value into the SQL text by mistake. SQL itself — a column list, a fragment chosen from fixed options — is
/// interpolated with `unescaped:`, and a fragment that carries its own parameters with `\(fragment)`.
///
///     let rows = try connection.query("SELECT name FROM campaigns WHERE organization_id = \(org) AND id = \(id)")
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL between parameters: one more piece than there are bindings.
    private var pieces: [String]
    public private(set) var bindings: [(any PostgresEncodable)?]

    public init(stringLiteral value: String) {
        pieces = [value]
        bindings = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.query
    }

    /// Plain SQL without parameters, from text built elsewhere (a column list, a migration).
    public init(unescaped sql: String) {
        self.init(stringLiteral: sql)
    }

    /// The statement's text with its placeholders numbered.
    public var sql: String {
        var text = pieces[0]
        for index in bindings.indices {
            text += "$"
            text += String(index + 1)
            text += pieces[index + 1]
        }
        return text
    }

    public var description: String { sql }

    /// Appends a fragment; its parameters are numbered after this query's own.
    public mutating func append(_ fragment: PostgresQuery) {
        pieces[pieces.count - 1] += fragment.pieces[0]
        pieces.append(contentsOf: fragment.pieces.dropFirst())
        bindings.append(contentsOf: fragment.bindings)
    }

    public static func + (lhs: PostgresQuery, rhs: PostgresQuery) -> PostgresQuery {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    public static func += (lhs: inout PostgresQuery, rhs: PostgresQuery) {
        lhs.append(rhs)
    }

    /// Joins fragments with a separator (`, `, ` AND `), numbering their parameters in order.
    public static func joined(_ fragments: some Sequence<PostgresQuery>, separator: String) -> PostgresQuery {
        var joined: PostgresQuery = ""
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { joined.append(PostgresQuery(unescaped: separator)) }
            joined.append(fragment)
        }
        return joined
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var query = PostgresQuery(stringLiteral: "")

        public init(literalCapacity: Int, interpolationCount: Int) {
            query.pieces.reserveCapacity(interpolationCount + 1)
            query.bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            query.pieces[query.pieces.count - 1] += literal
        }

        /// A value, sent as a parameter; `nil` is SQL NULL.
        public mutating func appendInterpolation(_ value: (any PostgresEncodable)?) {
            query.bindings.append(value)
            query.pieces.append("")
        }

        /// SQL text, spliced as is: only for text the program chose (never a caller's input).
        public mutating func appendInterpolation(unescaped sql: String) {
            appendLiteral(sql)
        }

        /// A fragment with parameters of its own.
        public mutating func appendInterpolation(_ fragment: PostgresQuery) {
            query.append(fragment)
        }
    }
}
