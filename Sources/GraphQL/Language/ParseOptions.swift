/// Limits and switches for parsing. The limits protect the server from hostile documents
/// before any validation runs.
public struct ParseOptions: Sendable, Hashable {
    /// Parsing stops with a syntax error once the document has more than this many tokens
    /// (the `<EOF>` token is not counted).
    public var maxTokens: Int
    /// Maximum nesting of selection sets, list/object values and list types.
    public var maxDepth: Int
    /// Skip recording `loc` on nodes (slightly faster; errors from later phases lose locations).
    public var noLocation: Bool
    /// Accept graphql-js's legacy `fragment F($v: T) on …` syntax.
    public var allowLegacyFragmentVariables: Bool

    public init(
        maxTokens: Int = 15_000,
        maxDepth: Int = 128,
        noLocation: Bool = false,
        allowLegacyFragmentVariables: Bool = false
    ) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.noLocation = noLocation
        self.allowLegacyFragmentVariables = allowLegacyFragmentVariables
    }
}
