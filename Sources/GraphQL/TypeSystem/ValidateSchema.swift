extension SchemaBuilder {
    /// graphql-js `validateSchema` (spec §3 type validation): names, directives, fields,
    /// interfaces, unions, enums and input objects, with graphql-js's messages.
    mutating func validate(_ schema: GraphQLSchema) {
    }
}
