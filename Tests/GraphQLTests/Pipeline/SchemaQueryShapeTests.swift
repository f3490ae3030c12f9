import Testing

@testable import GraphQL

@Suite struct SchemaQueryShapeTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try buildSchema(
            sdl: """
                schema { query: Root mutation: Change }
                type Root { grid: [[Int]] items: [Item!]! item: Item search: [Result] }
                type Change { touch: Item }
                type Item implements Named { name: String! tags: [String!] }
                interface Named { name: String! }
                union Result = Item
                """)
    }

    @Test func rootTypesComeFromTheSchemaDefinition() {
        #expect(schema.rootTypeName(for: .query) == "Root")
        #expect(schema.rootTypeName(for: .mutation) == "Change")
        #expect(schema.rootTypeName(for: .subscription) == nil)
    }

    @Test func anyListWrapperMakesAFieldAList() {
        #expect(schema.fieldShape(typeName: "Root", fieldName: "grid") == QueryFieldShape(typeName: "Int", isList: true))
        #expect(schema.fieldShape(typeName: "Root", fieldName: "items") == QueryFieldShape(typeName: "Item", isList: true))
        #expect(schema.fieldShape(typeName: "Root", fieldName: "item") == QueryFieldShape(typeName: "Item", isList: false))
        #expect(schema.fieldShape(typeName: "Root", fieldName: "search") == QueryFieldShape(typeName: "Result", isList: true))
        #expect(schema.fieldShape(typeName: "Named", fieldName: "name") == QueryFieldShape(typeName: "String", isList: false))
    }

    @Test func unknownTypesAndFieldsHaveNoShape() {
        #expect(schema.fieldShape(typeName: "Root", fieldName: "missing") == nil)
        #expect(schema.fieldShape(typeName: "Missing", fieldName: "items") == nil)
    }

    @Test func costFollowsTypeConditionsIntoAbstractTypes() throws {
        // search (list, default 10) × (__typename + Item's tags (list of leaves counts 1) + name) = 1 + 10 × 3
        let document = try PipelineTestParsing.parse("{ search { __typename ... on Item { tags name } } }")
        #expect(QueryLimits.standard.measure(document, schema: schema)?.cost == 31)
        // The mutation root is Change; a fragment on an interface measures its fields there.
        let mutation = try PipelineTestParsing.parse("mutation { touch { ...N } } fragment N on Named { name }")
        #expect(QueryLimits.standard.measure(mutation, schema: schema) == QueryMeasurements(depth: 2, aliases: 0, rootFields: 1, cost: 2))
    }
}
