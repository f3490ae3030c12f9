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

/// Every rule this module implements, in `specifiedRules` order.
public let allValidationRules: [ValidationRule] = specifiedRules
