import Testing
@testable import GraphQL

@Suite struct PrintSchemaTests {
    /// Canonical SDL with every kind of type prints back unchanged.
    static let canonicalSDL = #"""
        """A directive for tests."""
        directive @auth(
          """Roles allowed."""
          roles: [Role!] = [ADMIN]
        ) repeatable on FIELD_DEFINITION | OBJECT

        directive @tag(name: String!) on FIELD | QUERY

        """The root query."""
        type Query {
          """Look up a node."""
          node(id: ID!): Node
          search(term: String = "x", first: Int = 10, ratio: Float = 1.5, filter: Filter = {status: ACTIVE, tags: ["a"]}): [SearchResult!]!
          oldField: String @deprecated
          legacy(flag: Boolean = true @deprecated(reason: "Use other")): String @deprecated(reason: "Use `node`.")
          date: Date
        }

        """
        Multi-line description.
        Second line.
        """
        interface Node {
          id: ID!
        }

        interface Entity implements Node {
          id: ID!
          name: String
        }

        type User implements Node & Entity {
          id: ID!
          name: String
          role: Role!
        }

        type Post implements Node {
          id: ID!
          author: User
        }

        union SearchResult = User | Post

        enum Role {
          """Can do anything."""
          ADMIN
          USER
          GUEST @deprecated(reason: "Gone")
        }

        enum Status {
          ACTIVE
          ARCHIVED
        }

        input Filter {
          status: Status = ACTIVE
          tags: [String!]
          range: Range
        }

        input Range @oneOf {
          min: Int
          max: Int
        }

        scalar Date @specifiedBy(url: "https://example.com/date")

        type Mutation {
          addUser(name: String!): User
        }
        """#

    @Test func roundTripsCanonicalSDL() throws {
        let schema = try buildSchema(sdl: Self.canonicalSDL)
        #expect(printSchema(schema) == Self.canonicalSDL)
    }
}

@Suite struct PrintSchemaDetailTests {
    private func printed(_ sdl: String) throws -> String { printSchema(try buildSchema(sdl: sdl)) }

    @Test func defaultValuesAreReprintedFromCoercedValues() throws {
        let sdl = #"""
            type Query {
              f(a: String = "tes\t de\fault", b: [Int] = 1, c: Float = 2, d: ID = 12, e: ID = "x1", g: [E!] = [A, B], h: In = {l: null}, i: Int = null): String
            }

            enum E {
              A
              B
            }

            input In {
              l: [String]
              m: E = B
            }
            """#
        #expect(try printed(sdl) == #"""
            type Query {
              f(a: String = "tes\t de\fault", b: [Int] = [1], c: Float = 2, d: ID = 12, e: ID = "x1", g: [E!] = [A, B], h: In = {l: null, m: B}, i: Int = null): String
            }

            enum E {
              A
              B
            }

            input In {
              l: [String]
              m: E = B
            }
            """#)
    }

    @Test func argumentsWithDescriptionsGoOnSeparateLines() throws {
        let sdl = #"""
            type Query {
              f(
                """First"""
                a: Int

                """
                Second, long enough to need more than seventy characters on its single line.
                """
                b: Int
                c: Int
              ): String
            }
            """#
        #expect(try printed(sdl) == sdl)
    }

    @Test func descriptionsThatCannotBeBlockStringsAreQuoted() throws {
        let sdl = #"""
            type Query {
              "\nleading newline"
              a: Int
              "  indented"
              b: Int
              "Quote at the end: \""
              c: Int
            }
            """#
        #expect(try printed(sdl) == #"""
            type Query {
              "\nleading newline"
              a: Int

              """  indented"""
              b: Int

              """
              Quote at the end: "
              """
              c: Int
            }
            """#)
    }

    @Test func schemaDescriptionForcesSchemaDefinition() throws {
        let sdl = #"""
            """The schema"""
            schema {
              query: Query
            }

            type Query {
              a: Int
            }
            """#
        #expect(try printed(sdl) == sdl)
    }

    @Test func specifiedDirectiveDefinitionsCarryTheirDefaults() throws {
        let schema = try buildSchema(sdl: "type Query { a: Int }")
        let deprecated = try #require(schema.directive(named: "deprecated"))
        #expect(deprecated.argument(named: "reason")?.defaultValue == .string("No longer supported"))
        #expect(deprecated.locations == [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue])
        #expect(schema.directive(named: "include")?.argument(named: "if")?.type.printed == "Boolean!")
        #expect(schema.directive(named: "oneOf")?.arguments.isEmpty == true)
        let type = try #require(schema.type(named: "__Type"))
        #expect(type.fields.map(\.name) == [
            "kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues",
            "inputFields", "ofType", "isOneOf",
        ])
        #expect(type.field(named: "fields")?.argument(named: "includeDeprecated")?.defaultValue == .bool(false))
        #expect(printSchema(schema) == "type Query {\n  a: Int\n}")
    }
}

@Suite struct PrintIntrospectionSchemaTests {
    @Test func printsSpecifiedDirectivesAndIntrospectionTypes() throws {
        let printed = printIntrospectionSchema(try buildSchema(sdl: "type Query { a: Int }"))
        #expect(printed.hasPrefix(#"""
            """
            Directs the executor to include this field or fragment only when the `if` argument is true.
            """
            directive @include(
              """Included when true."""
              if: Boolean!
            ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT
            """#))
        #expect(printed.contains(#"""
            type __Field {
              name: String!
              description: String
              args(includeDeprecated: Boolean = false): [__InputValue!]!
              type: __Type!
              isDeprecated: Boolean!
              deprecationReason: String
            }
            """#))
        #expect(printed.contains("directive @oneOf on INPUT_OBJECT"))
        #expect(printed.hasSuffix("  \"\"\"Location adjacent to an input object field definition.\"\"\"\n  INPUT_FIELD_DEFINITION\n}"))
    }
}
