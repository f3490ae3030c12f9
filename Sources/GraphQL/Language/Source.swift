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

    /// A source from raw request bytes; invalid UTF-8 becomes U+FFFD, which the lexer then
    /// reports as an unexpected character rather than crashing.
    public init(utf8 bytes: some Collection<UInt8>, name: String = "GraphQL request") {
        self.init(String(decoding: bytes, as: UTF8.self), name: name)
    }
}
