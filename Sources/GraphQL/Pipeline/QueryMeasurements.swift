/// How big an operation is, by the measures `QueryLimits` bounds.
public struct QueryMeasurements: Sendable, Equatable {
    /// Levels of nested fields.
    public var depth: Int
    /// Aliased fields, with fragments expanded.
    public var aliases: Int
    /// Fields in the root selection set, with fragments expanded.
    public var rootFields: Int
    /// Estimated number of fields the response may contain; saturates at `Int.max`.
    public var cost: Int
    /// The longest list given to an argument (literal or variable, nested lists included), if any.
    public var longestList: ListArgumentMeasure?

    public init(depth: Int, aliases: Int, rootFields: Int, cost: Int, longestList: ListArgumentMeasure? = nil) {
        self.depth = depth
        self.aliases = aliases
        self.rootFields = rootFields
        self.cost = cost
        self.longestList = longestList
    }
}

/// Where an operation's longest list argument is, and its length.
public struct ListArgumentMeasure: Sendable, Equatable {
    public var field: String
    public var argument: String
    public var length: Int
}
