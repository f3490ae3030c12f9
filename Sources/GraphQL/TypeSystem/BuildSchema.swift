/// Builds a schema from SDL text (graphql-js `buildSchema`): type definitions and extensions,
/// a schema definition or the default root names `Query` / `Mutation` / `Subscription`,
/// descriptions, `@deprecated`, `@specifiedBy` and `@oneOf`; then validates it (spec §3, graphql-js
/// `validateSchema`).
///
/// - Parameter scalars: coercion hooks for custom scalars by name; others pass values through.
/// - Throws: every syntax, definition or validation error found, as `GraphQLErrorList`.
public func buildSchema(sdl: String, scalars: [String: ScalarCoercion] = [:]) throws(GraphQLErrorList) -> GraphQLSchema {
    let document: Document
    do {
        // SDL is the server's own trusted input: lift the token limit meant for hostile requests.
        document = try parse(sdl, options: ParseOptions(maxTokens: .max))
    } catch {
        throw GraphQLErrorList([error])
    }
    return try buildSchema(document: document, scalars: scalars)
}

/// Builds and validates a schema from an already parsed SDL document; see `buildSchema(sdl:scalars:)`.
public func buildSchema(document: Document, scalars: [String: ScalarCoercion] = [:]) throws(GraphQLErrorList) -> GraphQLSchema {
    var builder = SchemaBuilder(scalars: scalars)
    return try builder.build(document)
}
