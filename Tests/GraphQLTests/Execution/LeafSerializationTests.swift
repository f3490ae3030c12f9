import Testing
@testable import GraphQL

@Suite struct LeafSerializationTests {
    let sdl = """
    type Query { int: Int, ints: [Int], float: Float, string: String, bool: Boolean, id: ID, color: Color, colors: [Color!], custom: Custom }
    enum Color { RED GREEN BLUE }
    scalar Custom
    """

    @Test func intOutsideThirtyTwoBitsIsAFieldError() throws {
        let root = try JSON.parse(#"{"int":3000000000,"ints":[1,-2147483648,2147483648,2.5]}"#)
        let result = try runSync(try jsonSchema(sdl), "{ int ints }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":3}],"path":["int"]},{"message":"Int cannot represent non 32-bit signed integer value: 2147483648","locations":[{"line":1,"column":7}],"path":["ints",2]},{"message":"Int cannot represent non-integer value: 2.5","locations":[{"line":1,"column":7}],"path":["ints",3]}],"data":{"int":null,"ints":[1,-2147483648,null,null]}}"#)
    }

    @Test func builtInScalarsCoerceLikeGraphQLJS() throws {
        let root = try JSON.parse(#"{"float":2,"string":12,"bool":true,"id":42,"custom":{"any":[1,"x"]}}"#)
        let result = try runSync(try jsonSchema(sdl), "{ float string bool id custom }", root: .json(root))
        #expect(result == #"{"data":{"float":2,"string":"12","bool":true,"id":"42","custom":{"any":[1,"x"]}}}"#)
    }

    @Test func enumsSerializeByNameAndRejectUnknownValues() throws {
        enum Shade: String, ResolvedValueConvertible { case red = "RED", purple = "PURPLE" }
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        resolvers.field("Query", "color") { _ in Shade.red }
        resolvers.field("Query", "colors") { _ in [Shade.red, Shade.purple] }
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        let result = try runSync(executable, "{ color colors }")
        #expect(result == #"{"errors":[{"message":"Enum \"Color\" cannot represent value: \"PURPLE\"","locations":[{"line":1,"column":9}],"path":["colors",1]}],"data":{"color":"RED","colors":null}}"#)
    }

    @Test func listExpectedButScalarGiven() throws {
        let root = try JSON.parse(#"{"ints":5}"#)
        let result = try runSync(try jsonSchema(sdl), "{ ints }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.ints\".","locations":[{"line":1,"column":3}],"path":["ints"]}],"data":{"ints":null}}"#)
    }
}
