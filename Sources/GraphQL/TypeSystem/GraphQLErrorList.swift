/// Several errors reported together, as `Error`: schema building and variable coercion report
/// every problem they find, not just the first.
public struct GraphQLErrorList: Error, Sendable, Equatable {
    public var errors: [GraphQLError]

    public init(_ errors: [GraphQLError]) { self.errors = errors }

    /// The messages alone, handy in tests and logs.
    public var messages: [String] { errors.map(\.message) }
}
