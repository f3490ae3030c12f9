/// Bounds on what one operation may ask for, checked before it runs.
///
/// A single small document can otherwise demand enormous work (deep nesting, fragments that
/// double at every level, aliases repeating an expensive field). Each limit is optional; `nil`
/// turns it off. The defaults let the standard introspection query through (depth 15, one root
/// field, no aliases, cost about 52,000) while rejecting documents that explode.
public struct QueryLimits: Sendable, Equatable {
    /// Most levels of nested fields; `{ a { b } }` has depth 2.
    public var maxDepth: Int?
    /// Most aliased fields, counted with fragments expanded.
    public var maxAliases: Int?
    /// Most fields in the operation's root selection set, counted with fragments expanded.
    public var maxRootFields: Int?
    /// Highest estimated cost: one per field, with a list field's children counted once per expected item.
    public var maxCost: Int?
    /// Items a list field is assumed to return when no size argument says otherwise.
    public var defaultListSize: Int
    /// Arguments whose integer value bounds the length of a list field (`first: 10`).
    public var listSizeArguments: [String]
    /// Most items in any one list given as an argument (`keys`, `ids`, …); every item also adds one to the cost.
    public var maxListArgumentLength: Int?

    public init(
        maxDepth: Int? = 20,
        maxAliases: Int? = 30,
        maxRootFields: Int? = 30,
        maxCost: Int? = 100_000,
        defaultListSize: Int = 10,
        listSizeArguments: [String] = ["first", "last", "limit"],
        maxListArgumentLength: Int? = 1_000
    ) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
        self.maxCost = maxCost
        self.defaultListSize = defaultListSize
        self.listSizeArguments = listSizeArguments
        self.maxListArgumentLength = maxListArgumentLength
    }

    /// The defaults: generous for real clients and tools, fatal for abusive documents.
    public static let standard = QueryLimits()

    /// No limits at all, for trusted callers such as tests and the command-line tool.
    public static let unlimited = QueryLimits(maxDepth: nil, maxAliases: nil, maxRootFields: nil, maxCost: nil, maxListArgumentLength: nil)
}

/// The `extensions.code` values a limit violation carries, so clients can tell them apart.
public enum QueryLimitCode: String, Sendable, CaseIterable {
    case tooDeep = "QUERY_TOO_DEEP"
    case tooManyAliases = "TOO_MANY_ALIASES"
    case tooManyRootFields = "TOO_MANY_ROOT_FIELDS"
    case tooComplex = "QUERY_TOO_COMPLEX"
    case listArgumentTooLong = "LIST_ARGUMENT_TOO_LONG"
    case tooManyOperations = "TOO_MANY_OPERATIONS"
    case tooManyFragments = "TOO_MANY_FRAGMENTS"
    case fragmentsTooDeep = "FRAGMENTS_TOO_DEEP"
}
