/// A `$variable` written inside an operation or fragment, with the input type expected where
/// it appears (graphql-js `VariableUsage`).
struct VariableUsage {
    var node: Variable
    /// The expected type at the usage, nil when unknown (for example an unknown argument).
    var type: GraphQLType?
    /// Whether the argument or input field it is passed to declares a default value.
    var hasLocationDefaultValue: Bool
    /// The type of the enclosing value: the input object (or list) type the usage is inside.
    var parentType: GraphQLType?
}
