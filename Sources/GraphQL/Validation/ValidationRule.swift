/// A validation rule of the GraphQL specification, addressable by its graphql-js name so a
/// caller (for example a CLI) can run a chosen subset.
public struct ValidationRule: Sendable {
    /// The graphql-js name, e.g. `"FieldsOnCorrectTypeRule"`.
    public let name: String
    let makeVisitor: @Sendable (ValidationContext) -> any ValidationVisitor

    init(_ name: String, _ makeVisitor: @escaping @Sendable (ValidationContext) -> any ValidationVisitor) {
        self.name = name
        self.makeVisitor = makeVisitor
    }

    /// The rule with this graphql-js name, or nil if there is none.
    public static func named(_ name: String) -> ValidationRule? {
        allValidationRules.first { $0.name == name }
    }
}

/// graphql-js's optional rules, which a caller adds by name; not part of `specifiedRules`.
public let optionalValidationRules: [ValidationRule] = [
    ValidationRule("NoDeprecatedCustomRule") { NoDeprecatedRule(context: $0) },
    ValidationRule("NoSchemaIntrospectionCustomRule") { NoSchemaIntrospectionRule(context: $0) },
]

/// Every rule this module implements: `specifiedRules` in order, then the optional ones.
public let allValidationRules: [ValidationRule] = specifiedRules + optionalValidationRules
