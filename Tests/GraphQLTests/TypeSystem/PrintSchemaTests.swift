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
