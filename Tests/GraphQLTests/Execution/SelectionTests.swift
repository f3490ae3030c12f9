import Testing
@testable import GraphQL

@Suite struct SelectionTests {
    let sdl = """
    type Query { hero: Character, search: [SearchResult!]!, n: Int }
    interface Character { name: String!, friends: [Character!]! }
    type Human implements Character { name: String!, friends: [Character!]!, height: Float }
    type Droid implements Character { name: String!, friends: [Character!]!, model: String }
    union SearchResult = Human | Droid
    """

    let root = try! JSON.parse(#"""
    {"hero":{"__typename":"Human","name":"Luke","height":1.72,"friends":[
        {"__typename":"Droid","name":"R2","model":"astromech","friends":[]},
        {"__typename":"Human","name":"Leia","height":1.5,"friends":[]}]},
     "search":[{"__typename":"Droid","name":"C3PO","model":"protocol","friends":[]}],
     "n": 7}
    """#)

    @Test func fragmentsInlineFragmentsAndTypename() throws {
        let query = """
        query Q {
          hero { ...Names friends { __typename ... on Droid { model } ...HumanBits } }
          search { __typename ... on Character { name } }
        }
        fragment Names on Character { name __typename }
        fragment HumanBits on Human { height name }
        """
        let result = try runSync(try jsonSchema(sdl), query, root: .json(root))
        #expect(result == #"{"data":{"hero":{"name":"Luke","__typename":"Human","friends":[{"__typename":"Droid","model":"astromech"},{"__typename":"Human","height":1.5,"name":"Leia"}]},"search":[{"__typename":"Droid","name":"C3PO"}]}}"#)
    }

    @Test func mergesFieldsWithTheSameResponseKeyInFirstSeenOrder() throws {
        let query = "{ n hero { name } alias: n hero { friends { name } } }"
        let result = try runSync(try jsonSchema(sdl), query, root: .json(root))
        #expect(result == #"{"data":{"n":7,"hero":{"name":"Luke","friends":[{"name":"R2"},{"name":"Leia"}]},"alias":7}}"#)
    }

    @Test func skipAndIncludeWithLiteralsAndVariables() throws {
        let query = """
        query ($yes: Boolean!, $no: Boolean!) {
          a: n @skip(if: true)
          b: n @include(if: false)
          c: n @skip(if: $no) @include(if: $yes)
          d: n @skip(if: $yes)
          hero { ... on Human @include(if: $no) { height } ...F @skip(if: $no) }
        }
        fragment F on Character { name }
        """
        let result = try runSync(
            try jsonSchema(sdl), query, variables: JSONObject([("yes", .bool(true)), ("no", .bool(false))]),
            root: .json(root))
        #expect(result == #"{"data":{"c":7,"hero":{"name":"Luke"}}}"#)
    }

    @Test func typenameOnRootAndAbstractResolutionErrors() throws {
        let bad = try JSON.parse(#"{"hero":{"name":"X","friends":[]},"search":[{"__typename":"Query"}]}"#)
        let result = try runSync(try jsonSchema(sdl), "{ __typename hero { name } search { __typename } }", root: .json(bad))
        #expect(result == #"{"errors":[{"message":"Abstract type \"Character\" must resolve to an Object type at runtime for field \"Query.hero\". Either the \"Character\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":14}],"path":["hero"]},{"message":"Runtime Object type \"Query\" is not a possible type for \"SearchResult\".","locations":[{"line":1,"column":28}],"path":["search",0]}],"data":null}"#)
    }

    @Test func resolveTypeHookAndTypedSwiftValues() throws {
        struct Robot: GraphQLObject { var name: String }
        struct Person: GraphQLObject, GraphQLFieldReadable {
            var name: String
            var graphQLTypeName: String? { "Human" }
            func graphQLField(_ field: String) -> ResolvedValue? {
                switch field {
                case "name": name.resolvedValue
                case "friends": [ResolvedValue]().resolvedValue
                default: nil
                }
            }
        }
        var resolvers = Resolvers()
        resolvers.field("Query", "hero") { _ in Person(name: "Han") }
        resolvers.field("Query", "search") { _ -> [ResolvedValue] in [Robot(name: "K2").resolvedValue, Person(name: "Rey").resolvedValue] }
        resolvers.field("Query", "n") { _ in Int?.none }
        resolvers.resolveType("SearchResult") { value, _ in value.value(as: Robot.self) != nil ? "Droid" : nil }
        resolvers.defaultResolvers(for: "Human")
        resolvers.field("Droid", "name") { ctx in try ctx.parent(as: Robot.self).name }
        resolvers.field("Droid", "friends") { _ in [ResolvedValue]() }
        resolvers.field("Droid", "model") { _ in "KX" }
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        let result = try runSync(
            executable, "{ n hero { __typename name } search { __typename ... on Character { name } ... on Droid { model } } }")
        #expect(result == #"{"data":{"n":null,"hero":{"__typename":"Human","name":"Han"},"search":[{"__typename":"Droid","name":"K2","model":"KX"},{"__typename":"Human","name":"Rey"}]}}"#)
    }
}
