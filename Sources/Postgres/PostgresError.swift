/// Everything that can go wrong talking to PostgreSQL, with enough context to act on it.
public enum PostgresError: Error, Sendable, CustomStringConvertible {
    /// The server could not be reached or the connection broke.
    case connection(String)
    /// The server refused a statement.
    case server(PostgresServerError)
    /// A column's value could not be decoded as the requested Swift type.
    case decoding(column: String, message: String)
    /// No connection became free within the pool's wait timeout.
    case poolTimeout(waited: Double)

    public var description: String {
        switch self {
        case .connection(let message): return "connection error: \(message)"
        case .server(let error): return error.description
        case .decoding(let column, let message): return "column \"\(column)\": \(message)"
        case .poolTimeout(let waited): return "no database connection became free within \(waited)s"
        }
    }

    /// The server error, when the server answered with one.
    public var serverError: PostgresServerError? {
        if case .server(let error) = self { return error }
        return nil
    }

    /// Errors after which the connection cannot be trusted and must be replaced.
    public var isConnectionFailure: Bool {
        if case .connection = self { return true }
        if case .server(let error) = self { return error.sqlState.hasPrefix("08") || error.sqlState == "57P01" }
        return false
    }
}

/// An error reported by the server, with the fields a service needs to turn it into a user error.
public struct PostgresServerError: Sendable, CustomStringConvertible {
    public var sqlState: String
    public var message: String
    public var detail: String?
    public var hint: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// Where the statement was run (`Campaigns/CampaignService.swift:42`), set by `PostgresConnection.query`.
    public var callSite: String?

    public var kind: Kind { Kind(sqlState: sqlState) }

    /// `character_not_in_repertoire`: what PostgreSQL answers for a NUL byte in text.
    public static let characterNotInRepertoire = "22021"

    /// Parameter `$number` holds a NUL byte, refused before it reaches libpq (which would truncate it there).
    static func nulInParameter(_ number: Int) -> PostgresServerError {
        PostgresServerError(
            sqlState: characterNotInRepertoire,
            message: "invalid byte sequence for encoding \"UTF8\": 0x00 in parameter $\(number)")
    }

    public var description: String {
        var text = "\(message) (SQLSTATE \(sqlState))"
        if let detail { text += ": \(detail)" }
        if let callSite { text += " [at \(callSite)]" }
        return text
    }

    /// The classes of errors that callers branch on.
    public enum Kind: Sendable, Equatable {
        case uniqueViolation
        case foreignKeyViolation
        case checkViolation
        case notNullViolation
        case exclusionViolation
        case serializationFailure
        case deadlock
        case other

        init(sqlState: String) {
            switch sqlState {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            case "23514": self = .checkViolation
            case "23502": self = .notNullViolation
            case "23P01": self = .exclusionViolation
            case "40001": self = .serializationFailure
            case "40P01": self = .deadlock
            default: self = .other
            }
        }
    }
}
