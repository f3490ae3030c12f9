import Testing
@testable import GraphQL

@Suite struct LargeSchemaTests {
    /// Building stays linear enough for thousands of types (no quadratic name scans).
    @Test func buildsAndPrintsTwoThousandTypes() throws {
        var sdl = "type Query { t0: T0 }\n"
        for i in 0..<2000 {
            sdl += "type T\(i) { id: ID! next: T\((i + 1) % 2000) list(first: Int = 10, after: String): [T\(i)!]! }\n"
        }
        let clock = ContinuousClock()
        var schema: GraphQLSchema?
        let elapsed = try clock.measure { schema = try buildSchema(sdl: sdl) }
        let built = try #require(schema)
        #expect(built.types.count == 2001 + 4 + 8)
        #expect(built.type(named: "T1999")?.field(named: "next")?.type.printed == "T0")
        #expect(printSchema(built).hasSuffix("type T1999 {\n  id: ID!\n  next: T0\n  list(first: Int = 10, after: String): [T1999!]!\n}"))
        #expect(elapsed < .seconds(10))
    }
}
