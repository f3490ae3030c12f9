/// A position in a source document, 1-based, as GraphQL responses report it.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One step of a response path: a field's response key or a list index.
public enum PathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// An error as the GraphQL specification reports it: syntax, validation and field errors alike.
public struct GraphQLError: Error, Sendable, Equatable {
    public var message: String
    public var locations: [SourceLocation]
    public var path: [PathComponent]?
    /// Machine-readable details; `code` is the one clients switch on.
    public var extensions: JSONObject

    public init(
        _ message: String,
        locations: [SourceLocation] = [],
        path: [PathComponent]? = nil,
        extensions: JSONObject = JSONObject()
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.extensions = extensions
    }

    /// Shorthand for `extensions.code`.
    public var code: String? {
        if case .string(let code)? = extensions["code"] { return code }
        return nil
    }
}
