/// Enum coercion (spec §3.9 "Result Coercion" / "Input Coercion"): values are names, and
/// coerced values are those names as `JSON.string`. Messages follow graphql-js.
extension GraphQLEnumType {
    /// Result coercion: the resolver's value must be one of the value names.
    public func serialize(_ value: JSON) throws(GraphQLError) -> JSON {
        if case .string(let name) = value, valueIndexByName[name] != nil { return value }
        throw GraphQLError("Enum \"\(self.name)\" cannot represent value: \(inspect(value))")
    }

    /// Input coercion of a variable value: a string naming a value.
    public func parseValue(_ value: JSON) throws(GraphQLError) -> JSON {
        guard case .string(let name) = value else {
            throw GraphQLError(
                "Enum \"\(self.name)\" cannot represent non-string value: \(inspect(value))."
                    + didYouMeanValue(inspect(value)))
        }
        guard valueIndexByName[name] != nil else {
            throw GraphQLError("Value \"\(name)\" does not exist in \"\(self.name)\" enum." + didYouMeanValue(name))
        }
        return value
    }

    /// Input coercion of a literal: an enum literal naming a value (a string literal is rejected).
    public func parseLiteral(_ node: ValueNode) throws(GraphQLError) -> JSON {
        guard case .enumValue(let literal) = node else {
            let printed = literalDescription(node)
            throw GraphQLError(
                "Enum \"\(self.name)\" cannot represent non-enum value: \(printed)." + didYouMeanValue(printed))
        }
        guard valueIndexByName[literal.value] != nil else {
            throw GraphQLError(
                "Value \"\(literal.value)\" does not exist in \"\(self.name)\" enum." + didYouMeanValue(literal.value))
        }
        return .string(literal.value)
    }

    private func didYouMeanValue(_ unknown: String) -> String {
        Suggestions.didYouMean(Suggestions.list(unknown, options: values.map(\.name)), subMessage: "the enum value")
    }
}
