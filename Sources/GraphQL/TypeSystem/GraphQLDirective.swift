/// A directive definition (spec §3.13), built-in or declared in SDL.
public final class GraphQLDirective: @unchecked Sendable {
    public let name: String
    public let description: String?
    public let locations: [DirectiveLocation]
    /// Set once while the schema is built, never after.
    public internal(set) var arguments: [GraphQLArgument]
    public let isRepeatable: Bool

    public init(
        name: String,
        description: String? = nil,
        locations: [DirectiveLocation],
        arguments: [GraphQLArgument] = [],
        isRepeatable: Bool = false
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
    }

    public func argument(named name: String) -> GraphQLArgument? {
        for argument in arguments where argument.name == name { return argument }
        return nil
    }

    /// True for `@include`, `@skip`, `@deprecated`, `@specifiedBy` and `@oneOf`.
    public var isSpecified: Bool {
        switch name {
        case "include", "skip", "deprecated", "specifiedBy", "oneOf": true
        default: false
        }
    }
}
