import GraphQL

extension JSON {
    /// A coerced `String` or `ID` argument's text, for fields that read one scalar (the typed structs of
    /// `arguments(as:)` read the rest).
    var stringValue: String? { if case .string(let value) = self { value } else { nil } }
}
