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

    public init(depth: Int, aliases: Int, rootFields: Int, cost: Int) {
        self.depth = depth
        self.aliases = aliases
        self.rootFields = rootFields
        self.cost = cost
    }
}
