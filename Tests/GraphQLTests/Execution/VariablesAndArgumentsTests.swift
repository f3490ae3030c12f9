import Testing
@testable import GraphQL

@Suite struct VariablesAndArgumentsTests {
    let sdl = """
    type Query {
      echo(value: Int = 5): String
      list(values: [Int!]): String
      pick(by: Pick!): String
      color(c: Color = GREEN): Color
    }
    input Pick @oneOf { id: ID, name: String }
    enum Color { RED GREEN }
    """

    /// Every field echoes its coerced arguments as JSON text.
    func executable() throws -> ExecutableSchema {
        var resolvers = Resolvers()
        for field in ["echo", "list", "pick"] {
            resolvers.field("Query", field) { ctx in JSON.object(ctx.arguments).serialized() }
        }
        resolvers.field("Query", "color") { ctx in ctx.argument("c") ?? .null }
        return try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
    }

    @Test func variableDefaultsExplicitNullAndArgumentDefaults() throws {
        let query = """
        query ($a: Int = 7, $b: Int, $c: Int) { a: echo(value: $a) b: echo(value: $b) c: echo(value: $c) d: echo e: echo(value: null) color }
        """
        let result = try runSync(try executable(), query, variables: JSONObject([("b", .null)]))
        #expect(result == #"{"data":{"a":"{\"value\":7}","b":"{\"value\":null}","c":"{\"value\":5}","d":"{\"value\":5}","e":"{\"value\":null}","color":"GREEN"}}"#)
    }

    @Test func variableCoercionErrorsStopExecution() throws {
        let query = "query ($a: Int, $l: [Int!], $p: Pick!) { echo(value: $a) list(values: $l) pick(by: $p) }"
        let variables = JSONObject([
            ("a", .string("x")), ("l", .array([.int(1), .null])), ("p", .object(JSONObject([("id", .string("1")), ("name", .string("n"))]))),
        ])
        let result = try runSync(try executable(), query, variables: variables)
        #expect(result == #"{"errors":[{"message":"Variable \"$a\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":8}]},{"message":"Variable \"$l\" got invalid value null at \"l[1]\"; Expected non-nullable type \"Int!\" not to be null.","locations":[{"line":1,"column":17}]},{"message":"Variable \"$p\" got invalid value { id: \"1\", name: \"n\" }; Exactly one key must be specified for OneOf type \"Pick\".","locations":[{"line":1,"column":29}]}]}"#)
    }

    @Test func listInputCoercionWrapsSingleValues() throws {
        let result = try runSync(try executable(), "query ($v: [Int!]) { a: list(values: 3) b: list(values: $v) }", variables: JSONObject([("v", .int(4))]))
        #expect(result == #"{"data":{"a":"{\"values\":[3]}","b":"{\"values\":[4]}"}}"#)
    }

    @Test func oneOfArgumentsAcceptExactlyOneNonNullField() throws {
        let ok = try runSync(try executable(), #"{ pick(by: {name: "x"}) }"#)
        #expect(ok == #"{"data":{"pick":"{\"by\":{\"name\":\"x\"}}"}}"#)
        let viaVariable = try runSync(
            try executable(), "query ($id: ID) { pick(by: {id: $id}) }", variables: JSONObject([("id", .int(3))]))
        #expect(viaVariable == #"{"data":{"pick":"{\"by\":{\"id\":\"3\"}}"}}"#)
    }

    @Test func missingVariableForRequiredArgumentIsAFieldError() throws {
        let result = try executable().executeSynchronously(document: try parse("query ($p: Pick) { pick(by: $p) }"))
        #expect(result.errors.map(\.message) == [
            "Argument \"by\" of required type \"Pick!\" was provided the variable \"$p\" which was not provided a runtime value."
        ])
        #expect(result.errors.map(\.path) == [[.key("pick")]])
        #expect(result.data == .object(JSONObject([("pick", .null)])))
    }
}
