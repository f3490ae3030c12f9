import Testing
@testable import GraphQL

/// The messages `buildSchema` throws for `sdl`, or an empty list when it succeeds.
func schemaErrors(_ sdl: String) -> [String] {
    do {
        _ = try buildSchema(sdl: sdl)
        return []
    } catch {
        return error.messages
    }
}

@Suite struct BuildSchemaTests {
    static let sdl = """
        interface Node { id: ID! }
        type Query { node(id: ID!): Node search: [Result] }
        type User implements Node { id: ID! name: String }
        type Post implements Node { id: ID! }
        union Result = User | Post
        extend type User { age: Int }
        extend union Result = Comment
        type Comment { text: String }
        enum Color { RED }
        extend enum Color { GREEN }
        input Point { x: Float = 0 }
        extend input Point { y: Float }
        """

    @Test func appliesExtensionsAndDefaultRoots() throws {
        let schema = try buildSchema(sdl: Self.sdl)
        #expect(schema.queryType.name == "Query")
        #expect(schema.mutationType == nil)
        #expect(schema.type(named: "User")?.fields.map(\.name) == ["id", "name", "age"])
        #expect(schema.type(named: "Result")?.asUnion?.types.map(\.name) == ["User", "Post", "Comment"])
        #expect(schema.type(named: "Color")?.asEnum?.values.map(\.name) == ["RED", "GREEN"])
        let point = try #require(schema.type(named: "Point")?.asInputObject)
        #expect(point.fields.map(\.name) == ["x", "y"])
        #expect(point.field(named: "x")?.defaultValue == .double(0))
        #expect(point.field(named: "y")?.defaultValue == nil)
    }

    @Test func ordersTypesLikeGraphQLJS() throws {
        let schema = try buildSchema(sdl: Self.sdl)
        #expect(schema.types.map(\.name) == [
            "Node", "ID", "Query", "User", "String", "Int", "Post", "Result", "Comment", "Color", "Point", "Float",
            "Boolean", "__Schema", "__Type", "__TypeKind", "__Field", "__InputValue", "__EnumValue", "__Directive",
            "__DirectiveLocation",
        ])
        for (index, type) in schema.types.enumerated() { #expect(type.id == index) }
        #expect(schema.directives.map(\.name) == ["include", "skip", "deprecated", "specifiedBy", "oneOf"])
    }

    @Test func answersAbstractTypeQuestions() throws {
        let schema = try buildSchema(sdl: Self.sdl)
        let node = try #require(schema.type(named: "Node"))
        let result = try #require(schema.type(named: "Result"))
        let user = try #require(schema.type(named: "User"))
        let comment = try #require(schema.type(named: "Comment"))
        #expect(schema.possibleTypes(of: node).map(\.name) == ["User", "Post"])
        #expect(schema.possibleTypes(of: result).map(\.name) == ["User", "Post", "Comment"])
        #expect(schema.isSubType(abstract: node, maybeSub: user))
        #expect(!schema.isSubType(abstract: node, maybeSub: comment))
        #expect(schema.isSubType(abstract: result, maybeSub: comment))
        #expect(schema.implementations(of: node.asInterface!).objects.map(\.name) == ["User", "Post"])
    }

    @Test func resolvesFieldsIncludingMetaFields() throws {
        let schema = try buildSchema(sdl: Self.sdl)
        let query = GraphQLNamedType.object(schema.queryType)
        let user = try #require(schema.type(named: "User"))
        #expect(schema.field(named: "__typename", in: user)?.type.printed == "String!")
        #expect(schema.field(named: "__schema", in: query)?.type.printed == "__Schema!")
        #expect(schema.field(named: "__type", in: query)?.arguments.map(\.name) == ["name"])
        #expect(schema.field(named: "__schema", in: user) == nil)
        let nodeField = try #require(schema.field(named: "node", in: query))
        #expect(nodeField.type.printed == "Node")
        #expect(nodeField.argument(named: "id")?.type.printed == "ID!")
        #expect(nodeField.index == 0)
        #expect(schema.field(named: "search", in: query)?.type.printed == "[Result]")
        #expect(schema.field(named: "search", in: query)?.type.listItemType?.namedType.name == "Result")
    }

    @Test func readsDescriptionsDeprecationsSpecifiedByAndOneOf() throws {
        let schema = try buildSchema(sdl: #"""
            """Root"""
            type Query {
              "Plain description"
              a(x: Int @deprecated(reason: "no")): String @deprecated
              b: E
              c(p: P): Url
            }
            enum E { ONE @deprecated(reason: "Use TWO") TWO }
            input P @oneOf { s: String i: Int }
            scalar Url @specifiedBy(url: "https://url.spec.whatwg.org/")
            """#)
        let query = GraphQLNamedType.object(schema.queryType)
        #expect(query.description == "Root")
        let a = try #require(query.field(named: "a"))
        #expect(a.description == "Plain description")
        #expect(a.deprecationReason == "No longer supported")
        #expect(a.argument(named: "x")?.deprecationReason == "no")
        #expect(schema.type(named: "E")?.asEnum?.value(named: "ONE")?.deprecationReason == "Use TWO")
        #expect(schema.type(named: "E")?.asEnum?.value(named: "TWO")?.isDeprecated == false)
        #expect(schema.type(named: "P")?.asInputObject?.isOneOf == true)
        #expect(schema.type(named: "Url")?.asScalar?.specifiedByURL == "https://url.spec.whatwg.org/")
    }

    @Test func usesSchemaDefinitionAndPrintsIt() throws {
        let sdl = """
            schema {
              query: Root
              mutation: Change
            }

            type Root {
              a: Int
            }

            type Change {
              b: Int
            }

            type Query {
              unused: Int
            }
            """
        let schema = try buildSchema(sdl: sdl)
        #expect(schema.queryType.name == "Root")
        #expect(schema.mutationType?.name == "Change")
        #expect(printSchema(schema) == sdl)
    }

    @Test func customScalarHooksAreUsed() throws {
        let upper = ScalarCoercion(
            serialize: { value in value },
            parseValue: { value in
                guard case .string(let s) = value else { throw GraphQLError("Upper must be a string") }
                return .string(s.uppercased())
            })
        let schema = try buildSchema(sdl: "scalar Upper type Query { f(u: Upper = \"x\"): Upper }", scalars: ["Upper": upper])
        let upperType = try #require(schema.type(named: "Upper"))
        #expect(try coerceInputValue(.string("abc"), type: .named(upperType)) == .string("ABC"))
        #expect(throws: GraphQLError("Invalid value 1: Upper must be a string")) {
            try coerceInputValue(.int(1), type: .named(upperType))
        }
        #expect(schema.queryType.field(named: "f")?.argument(named: "u")?.defaultValue == .string("x"))
    }

    @Test func reportsSyntaxErrors() {
        let messages = schemaErrors("type Query {")
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("Syntax Error:") == true)
    }

    @Test func reportsSDLDefinitionErrors() {
        #expect(schemaErrors("type Query { a: Foo }") == ["Unknown type \"Foo\"."])
        #expect(schemaErrors("type Query { a: Strin }") == ["Unknown type \"Strin\". Did you mean \"String\"?"])
        #expect(schemaErrors("type Query { a: Int } type Query { b: Int }") == ["There can be only one type named \"Query\"."])
        #expect(schemaErrors("type Query { a: Int a: String }") == ["Field \"Query.a\" can only be defined once."])
        #expect(schemaErrors("type Query { a(x: Int, x: Int): Int }") == ["Argument \"Query.a(x:)\" can only be defined once."])
        #expect(schemaErrors("type Query { a: Int } enum E { A A }") == ["Enum value \"E.A\" can only be defined once."])
        #expect(schemaErrors("type Query { a: Int } extend type Foo { b: Int }")
            == ["Cannot extend type \"Foo\" because it is not defined."])
        #expect(schemaErrors("type Query { a: Int } enum E { A } extend input E { b: Int }")
            == ["Cannot extend non-enum type \"E\"."])
        #expect(schemaErrors("type Query { a: Int } directive @d on FIELD directive @d on QUERY")
            == ["There can be only one directive named \"@d\"."])
        #expect(schemaErrors("schema { query: Query } schema { query: Query } type Query { a: Int }")
            == ["Must provide only one schema definition."])
    }

    @Test func reportsErrorLocations() throws {
        do {
            _ = try buildSchema(sdl: "type Query {\n  a: Foo\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors == [GraphQLError("Unknown type \"Foo\".", locations: [SourceLocation(line: 2, column: 6)])])
        }
    }
}

@Suite struct SDLDirectiveUsageTests {
    @Test func directiveUsagesAreChecked() {
        #expect(schemaErrors("type Query @foo { a: Int }") == ["Unknown directive \"@foo\"."])
        #expect(schemaErrors("type Query @deprecated { a: Int }") == ["Directive \"@deprecated\" may not be used on OBJECT."])
        #expect(schemaErrors("type Query { a: Int @deprecated @deprecated }")
            == ["The directive \"@deprecated\" can only be used once at this location."])
        #expect(schemaErrors("type Query { a: Int @deprecated(reasn: \"x\") }")
            == ["Unknown argument \"reasn\" on directive \"@deprecated\". Did you mean \"reason\"?"])
        #expect(schemaErrors("type Query { a: Int } scalar S @specifiedBy")
            == ["Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided."])
        #expect(schemaErrors("type Query { a: Int @deprecated(reason: \"x\", reason: \"y\") }")
            == ["There can be only one argument named \"reason\"."])
        #expect(schemaErrors("input I { a: Int } type Query { f(i: I = {a: 1, a: 2}): Int }")
            == ["There can be only one input field named \"a\"."])
        #expect(schemaErrors("directive @r repeatable on OBJECT type Query @r @r { a: Int }") == [])
        #expect(schemaErrors("directive @d on FIELD_DEFINITION type Query { a: Int @d } extend type Query { b: Int @d }") == [])
    }
}

@Suite struct TypePredicateTests {
    @Test func predicatesLookThroughWrappersWhereGraphQLJSDoes() throws {
        let schema = try buildSchema(sdl: "type Query { a: Int } input I { x: Int } interface N { id: ID } union U = Query enum E { A }")
        func type(_ text: String) throws -> GraphQLType { try #require(schema.type(from: parseType(text))) }
        #expect(try isInputType(type("[I!]")))
        #expect(try !isInputType(type("Query")))
        #expect(try isOutputType(type("[Query]!")))
        #expect(try !isOutputType(type("I")))
        #expect(try isLeafType(type("E")))
        #expect(try !isLeafType(type("[E]")))
        #expect(try isCompositeType(type("U")))
        #expect(try isAbstractType(type("N")))
        #expect(try !isAbstractType(type("Query")))
        #expect(try type("[Int!]!").printed == "[Int!]!")
        #expect(try type("[Int!]!").nullableType.printed == "[Int!]")
        #expect(try type("[Int!]!").namedType.name == "Int")
        #expect(try schema.isTypeSubType(type("Query!"), of: type("U")))
        #expect(try !schema.isTypeSubType(type("[Query]"), of: type("[Query!]")))
        #expect(schema.type(named: "__Type")?.isIntrospectionType == true)
        #expect(schema.type(named: "Int")?.isSpecifiedScalarType == true)
        #expect(schema.type(named: "E")?.isSpecifiedScalarType == false)
    }
}
