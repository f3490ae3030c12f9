import Testing
@testable import GraphQL

/// The divergences from graphql-js (16) that comparison with graphql-core found, each with graphql-js's own
/// result for the same schema, root value, document and variables (graphql-core 3.2's results, which differ
/// only in quoting with ' where graphql-js writes ").
@Suite struct GraphQLJSConformanceTests {
    static func run(_ sdl: String, _ query: String, root: String, variables: String = "{}") throws -> String {
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        let executable = try ExecutableSchema(schema: try buildSchema(sdl: sdl), resolvers: resolvers)
        guard case .object(let values) = try JSON.parse(variables) else { throw GraphQLError("variables must be an object") }
        return try runSync(executable, query, variables: values, root: .json(try JSON.parse(root)))
    }

    @Test func aNullForANonNullArgumentIsAnErrorEvenForFieldsReadByName() throws {
        let result = try Self.run(
            "type Query { f(a: String!): String }", #"query($v: String = "d") { f(a: $v) }"#, root: #"{"f": "ok"}"#,
            variables: #"{"v": null}"#)
        #expect(result == #"{"errors":[{"message":"Argument \"a\" of non-null type \"String!\" must not be null.","locations":[{"line":1,"column":32}],"path":["f"]}],"data":{"f":null}}"#)
    }

    @Test func aNullIncludeConditionAtTheRootNullsData() throws {
        let result = try Self.run(
            "type Query { f: String }", "query($v: Boolean = true) { f @include(if: $v) }", root: #"{"f": "ok"}"#,
            variables: #"{"v": null}"#)
        #expect(result == #"{"errors":[{"message":"Argument \"if\" of non-null type \"Boolean!\" must not be null.","locations":[{"line":1,"column":44}]}],"data":null}"#)
    }

    @Test func aNullSkipConditionBelowTheRootIsAnErrorOfItsParentField() throws {
        let result = try Self.run(
            "type Query { o: O, f: String } type O { f: String, g: String }",
            "query($v: Boolean = true) { o { f @skip(if: $v) g } f }", root: #"{"o": {"f": "x", "g": "y"}, "f": "ok"}"#,
            variables: #"{"v": null}"#)
        #expect(result == #"{"errors":[{"message":"Argument \"if\" of non-null type \"Boolean!\" must not be null.","locations":[{"line":1,"column":45}],"path":["o"]}],"data":{"o":null,"f":"ok"}}"#)
    }

    @Test func errorsAfterANullThatReachedTheirSubtreeAreNotReported() throws {
        // `b` fails too, but `o`'s null reached `data` first in document order: graphql-js never ran `b`.
        let first = try Self.run(
            "type Query { o: O! b: Int } type O { x: String! }", "{ o { x } b }", root: #"{"o": {"x": null}, "b": "x"}"#)
        #expect(first == #"{"errors":[{"message":"Cannot return null for non-nullable field O.x.","locations":[{"line":1,"column":7}],"path":["o","x"]}],"data":null}"#)
        // The deeper error comes first in document order, and ends `c`'s subtree before `flat`.
        let second = try Self.run(
            "type Query { c: C! } type C { deep: D! flat: String! } type D { x: String! }", "{ c { deep { x } flat } }",
            root: #"{"c": {"deep": {"x": null}, "flat": null}}"#)
        #expect(second == #"{"errors":[{"message":"Cannot return null for non-nullable field D.x.","locations":[{"line":1,"column":14}],"path":["c","deep","x"]}],"data":null}"#)
        // An error whose null stays at its own nullable field does not hide its later siblings' errors.
        let siblings = try Self.run(
            "type Query { c: C } type C { a: Int b: String! }", "{ c { a b } }", root: #"{"c": {"a": "x", "b": null}}"#)
        #expect(siblings == #"{"errors":[{"message":"Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":7}],"path":["c","a"]},{"message":"Cannot return null for non-nullable field C.b.","locations":[{"line":1,"column":9}],"path":["c","b"]}],"data":{"c":null}}"#)
    }

    @Test func oneOfCoercionReportsOnlyTheFieldsOwnError() throws {
        let result = try Self.run(
            "type Query { f(by: L): String } input L @oneOf { id: ID name: String }", "query($by: L!) { f(by: $by) }",
            root: #"{"f": "ok"}"#, variables: #"{"by": {"id": true}}"#)
        #expect(result == #"{"errors":[{"message":"Variable \"$by\" got invalid value true at \"by.id\"; ID cannot represent value: true","locations":[{"line":1,"column":7}]}]}"#)
    }

    @Test func aMissingRequiredInputFieldIsNamedAsGraphQLJS16NamesIt() throws {
        let result = try Self.run(
            "type Query { f(i: I): String } input I { c: String! d: Int }", "query($i: I) { f(i: $i) }", root: #"{"f": "ok"}"#,
            variables: #"{"i": {"d": 1}}"#)
        #expect(result == #"{"errors":[{"message":"Variable \"$i\" got invalid value { d: 1 }; Field \"c\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":7}]}]}"#)
    }
}
