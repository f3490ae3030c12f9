/// Validates an executable document against a schema (spec §5), returning every error found,
/// in the order graphql-js reports them. An empty result means the document may be executed.
///
/// - Parameters:
///   - rules: which rules to run; `specifiedRules` by default, or a subset via
///     `ValidationRule.named(_:)`.
///   - maxErrors: after this many errors validation stops, adding one final
///     "Too many validation errors" error (as graphql-js does).
public func validate(
    schema: GraphQLSchema,
    document: Document,
    rules: [ValidationRule] = specifiedRules,
    maxErrors: Int = 100
) -> [GraphQLError] {
    let context = ValidationContext(schema: schema, document: document, maxErrors: maxErrors)
    let visitors = rules.map { $0.makeVisitor(context) }
    var walker = ValidationWalker(typeInfo: context.typeInfo, visitors: visitors, context: context)
    walker.walk(document)
    return context.errors
}
