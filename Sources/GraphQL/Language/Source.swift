/// The text of a GraphQL document plus a name for it (shown nowhere in errors, kept for tooling).
///
/// The body is a Swift `String`, so its UTF-8 is always valid; the lexer works on those bytes.
public struct Source: Sendable, Hashable {
    public var body: String
    public var name: String

    public init(_ body: String, name: String = "GraphQL request") {
        self.body = body
        self.name = name
    }
}
