import Testing
@testable import GraphQL

/// graphql-js's optional rules, with its messages.
@Suite struct OptionalRulesTests {
    static let schema = try! buildSchema(sdl: """
        type Query {
          campaign(id: ID, legacyId: Int @deprecated(reason: "Use id.")): Campaign
          oldName: String @deprecated(reason: "Use name.")
          name: String
          byStatus(status: Status, filter: Filter): Int
        }
        type Campaign { id: ID }
        enum Status { LIVE ENDED @deprecated(reason: "Use COMPLETED.") COMPLETED }
        input Filter { status: Status, old: Int @deprecated(reason: "Gone soon.") }
        """)

    @Test func noDeprecatedReportsEveryUseOfADeprecatedElement() {
        let rules = ["NoDeprecatedCustomRule"]
        #expect(validationErrors("{ name campaign(id: 1) { id } byStatus(status: LIVE) }", rules: rules, schema: Self.schema) == [])
        #expect(validationErrors(
            "{ oldName campaign(legacyId: 1) { id } byStatus(status: ENDED, filter: { old: 1 }) }", rules: rules, schema: Self.schema) == [
            "The field Query.oldName is deprecated. Use name. (1:3)",
            "Field \"Query.campaign\" argument \"legacyId\" is deprecated. Use id. (1:20)",
            "The enum value \"Status.ENDED\" is deprecated. Use COMPLETED. (1:57)",
            "The input field Filter.old is deprecated. Gone soon. (1:74)",
        ])
    }

    @Test func noSchemaIntrospectionRefusesSchemaAndTypeButNotTypename() {
        let rules = ["NoSchemaIntrospectionCustomRule"]
        #expect(validationErrors("{ __typename name }", rules: rules, schema: Self.schema) == [])
        #expect(validationErrors("{ __schema { queryType { name } } __type(name: \"Query\") { name } }", rules: rules, schema: Self.schema) == [
            "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\". (1:3)",
            "GraphQL introspection has been disabled, but the requested query contained the field \"queryType\". (1:14)",
            "GraphQL introspection has been disabled, but the requested query contained the field \"__type\". (1:35)",
        ])
    }
}
