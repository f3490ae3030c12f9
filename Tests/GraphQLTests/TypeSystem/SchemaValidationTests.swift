import Testing
@testable import GraphQL

@Suite struct SchemaValidationTests {
    @Test func rootTypes() {
        #expect(schemaErrors("type Foo { a: Int }") == ["Query root type must be provided."])
        #expect(schemaErrors("schema { query: Q } input Q { a: Int }")
            == ["Query root type must be Object type, it cannot be Q."])
        #expect(schemaErrors("type Query { a: Int } scalar Mutation")
            == ["Mutation root type must be Object type if provided, it cannot be Mutation."])
    }

    @Test func reservedNames() {
        #expect(schemaErrors("type Query { __a: Int } type __T { b: Int }") == [
            "Name \"__a\" must not begin with \"__\", which is reserved by GraphQL introspection.",
            "Name \"__T\" must not begin with \"__\", which is reserved by GraphQL introspection.",
        ])
    }

    @Test func fieldsAndArguments() {
        #expect(schemaErrors("type Query { a: I } input I { x: Int }")
            == ["The type of Query.a must be Output Type but got: I."])
        #expect(schemaErrors("type Query { a(o: Query): Int }")
            == ["The type of Query.a(o:) must be Input Type but got: Query."])
        #expect(schemaErrors("type Query { a(o: Int! @deprecated): Int }")
            == ["Required argument Query.a(o:) cannot be deprecated."])
        #expect(schemaErrors("type Query { a: Int } type Empty")
            == ["Type Empty must define one or more fields."])
        #expect(schemaErrors("type Query { a: Int } directive @d(x: Query) on FIELD")
            == ["The type of @d(x:) must be Input Type but got: Query."])
    }

    @Test func interfaces() {
        #expect(schemaErrors("""
            type Query { a: I }
            interface I { id: ID! name(x: Int): String }
            type T implements I { id: ID }
            """) == [
            "Interface field I.id expects type ID! but T.id is type ID.",
            "Interface field I.name expected but T does not provide it.",
        ])
        #expect(schemaErrors("""
            type Query { a: I }
            interface I { f(x: Int): String }
            type T implements I { f(x: String, y: Int!): String }
            """) == [
            "Interface field argument I.f(x:) expects type Int but T.f(x:) is type String.",
            "Object field T.f includes required argument y that is missing from the Interface field I.f.",
        ])
        #expect(schemaErrors("""
            type Query { a: I }
            interface I { f: String }
            type T implements I { g: String }
            """) == ["Interface field I.f expected but T does not provide it."])
        #expect(schemaErrors("""
            type Query { a: I }
            interface I { f: I }
            type T implements I { f: T }
            type U implements I & I { f: U }
            """) == ["Type U can only implement I once."])
        #expect(schemaErrors("""
            type Query { a: J }
            interface I { f: String }
            interface J implements I { f: String }
            type T implements J { f: String }
            """) == ["Type T must implement I because it is implemented by J."])
        #expect(schemaErrors("type Query { a: Int } type T implements Query { a: Int }")
            == ["Type T must only implement Interface types, it cannot implement Query."])
        #expect(schemaErrors("type Query { a: I } interface I implements I { a: Int }")
            == ["Type I cannot implement itself because it would create a circular reference."])
    }

    @Test func unionsAndEnums() {
        #expect(schemaErrors("type Query { a: U } interface I { x: Int } union U = Query | I")
            == ["Union type U can only include Object types, it cannot include I."])
        #expect(schemaErrors("type Query { a: U } union U = Query | Query")
            == ["Union type U can only include type Query once."])
        #expect(schemaErrors("type Query { a: U } union U")
            == ["Union type U must define one or more member types."])
        #expect(schemaErrors("type Query { a: E } enum E")
            == ["Enum type E must define one or more values."])
    }

    @Test func inputObjects() {
        #expect(schemaErrors("type Query { a(i: I): Int } input I { o: Query }")
            == ["The type of I.o must be Input Type but got: Query."])
        #expect(schemaErrors("type Query { a(i: I): Int } input I { x: Int! @deprecated }")
            == ["Required input field I.x cannot be deprecated."])
        #expect(schemaErrors("type Query { a(i: I): Int } input I @oneOf { x: Int! y: Int = 1 }") == [
            "OneOf input field I.x must be nullable.",
            "OneOf input field I.y cannot have a default value.",
        ])
        #expect(schemaErrors("type Query { a(i: I): Int } input I")
            == ["Input Object type I must define one or more fields."])
    }

    @Test func inputObjectCycles() {
        #expect(schemaErrors("type Query { a(i: A): Int } input A { self: A! }")
            == ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"self\"."])
        #expect(schemaErrors("""
            type Query { a(i: A): Int }
            input A { b: B! }
            input B { c: C! }
            input C { a: A! }
            """) == ["Cannot reference Input Object \"A\" within itself through a series of non-null fields: \"b.c.a\"."])
        // Nullable and list links break cycles.
        #expect(schemaErrors("type Query { a(i: A): Int } input A { b: A c: [A!]! }") == [])
    }

    @Test func validSchemaHasNoErrors() {
        #expect(schemaErrors(PrintSchemaTests.canonicalSDL) == [])
    }
}

@Suite struct SchemaValidationLocationTests {
    private func errors(_ sdl: String) -> [GraphQLError] {
        do {
            _ = try buildSchema(sdl: sdl)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func interfaceFieldErrorsPointAtBothFields() {
        let found = errors("""
            type Query { a: I }
            interface I { id: ID! }
            type T implements I { id: ID }
            type U implements I { x: Int }
            """)
        #expect(found == [
            GraphQLError(
                "Interface field I.id expects type ID! but T.id is type ID.",
                locations: [SourceLocation(line: 2, column: 19), SourceLocation(line: 3, column: 27)]),
            GraphQLError(
                "Interface field I.id expected but U does not provide it.",
                locations: [SourceLocation(line: 2, column: 15), SourceLocation(line: 4, column: 1)]),
        ])
    }

    @Test func rootAndOneOfErrorsPointAtTypes() {
        #expect(errors("schema { query: Q }\ninput Q { a: Int }") == [
            GraphQLError(
                "Query root type must be Object type, it cannot be Q.", locations: [SourceLocation(line: 1, column: 17)]),
        ])
        #expect(errors("type Query { a(i: I): Int }\ninput I @oneOf { x: Int! }") == [
            GraphQLError("OneOf input field I.x must be nullable.", locations: [SourceLocation(line: 2, column: 21)]),
        ])
    }
}
