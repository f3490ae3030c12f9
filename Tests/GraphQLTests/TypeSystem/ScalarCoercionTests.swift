import Testing
@testable import GraphQL

/// The message a coercion hook throws, or nil if it succeeded.
private func failure(_ body: () throws -> JSON) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as GraphQLError {
        return error.message
    } catch {
        return "\(error)"
    }
}

private func literal(_ text: String) throws -> ValueNode { try parseValue(text) }

@Suite struct IntScalarTests {
    let int = ScalarCoercion.int

    @Test func parsesIntegers() throws {
        #expect(try int.parseValue(.int(1)) == .int(1))
        #expect(try int.parseValue(.double(3.0)) == .int(3))
        #expect(try int.parseValue(.int(2_147_483_647)) == .int(2_147_483_647))
        #expect(try int.parseValue(.int(-2_147_483_648)) == .int(-2_147_483_648))
    }

    @Test func rejectsOutOfRangeAndNonIntegers() {
        #expect(failure { try int.parseValue(.int(2_147_483_648)) }
            == "Int cannot represent non 32-bit signed integer value: 2147483648")
        #expect(failure { try int.parseValue(.int(-2_147_483_649)) }
            == "Int cannot represent non 32-bit signed integer value: -2147483649")
        #expect(failure { try int.parseValue(.double(1.5)) } == "Int cannot represent non-integer value: 1.5")
        #expect(failure { try int.parseValue(.string("abc")) } == "Int cannot represent non-integer value: \"abc\"")
        #expect(failure { try int.parseValue(.string("1")) } == "Int cannot represent non-integer value: \"1\"")
        #expect(failure { try int.parseValue(.bool(true)) } == "Int cannot represent non-integer value: true")
        #expect(failure { try int.parseValue(.array([.int(1)])) } == "Int cannot represent non-integer value: [1]")
        #expect(failure { try int.parseValue(.object(JSONObject([("a", .int(1))]))) }
            == "Int cannot represent non-integer value: { a: 1 }")
    }

    @Test func parsesLiterals() throws {
        #expect(try int.parseLiteral(literal("42"), nil) == .int(42))
        #expect(failure { try int.parseLiteral(literal("2147483648"), nil) }
            == "Int cannot represent non 32-bit signed integer value: 2147483648")
        #expect(failure { try int.parseLiteral(literal("1.5"), nil) } == "Int cannot represent non-integer value: 1.5")
        #expect(failure { try int.parseLiteral(literal("\"7\""), nil) } == "Int cannot represent non-integer value: \"7\"")
        #expect(failure { try int.parseLiteral(literal("ENUM"), nil) } == "Int cannot represent non-integer value: ENUM")
    }

    @Test func serializes() throws {
        #expect(try int.serialize(.int(5)) == .int(5))
        #expect(try int.serialize(.double(5.0)) == .int(5))
        #expect(try int.serialize(.bool(true)) == .int(1))
        #expect(try int.serialize(.string("12")) == .int(12))
        #expect(failure { try int.serialize(.double(0.1)) } == "Int cannot represent non-integer value: 0.1")
        #expect(failure { try int.serialize(.int(9_876_504_321)) }
            == "Int cannot represent non 32-bit signed integer value: 9876504321")
        #expect(failure { try int.serialize(.string("one")) } == "Int cannot represent non-integer value: \"one\"")
    }
}

@Suite struct FloatScalarTests {
    let float = ScalarCoercion.float

    @Test func coercesNumbers() throws {
        #expect(try float.parseValue(.int(1)) == .double(1))
        #expect(try float.parseValue(.double(-1.5)) == .double(-1.5))
        #expect(try float.parseLiteral(literal("1"), nil) == .double(1))
        #expect(try float.parseLiteral(literal("1.25e2"), nil) == .double(125))
        #expect(try float.serialize(.string("2.5")) == .double(2.5))
        #expect(try float.serialize(.bool(false)) == .double(0))
    }

    @Test func rejectsNonNumbers() {
        #expect(failure { try float.parseValue(.string("1.5")) } == "Float cannot represent non numeric value: \"1.5\"")
        #expect(failure { try float.parseValue(.bool(true)) } == "Float cannot represent non numeric value: true")
        #expect(failure { try float.parseLiteral(literal("\"1\""), nil) } == "Float cannot represent non numeric value: \"1\"")
        #expect(failure { try float.serialize(.string("x")) } == "Float cannot represent non numeric value: \"x\"")
        #expect(failure { try float.serialize(.double(.infinity)) } == "Float cannot represent non numeric value: Infinity")
    }
}

@Suite struct StringBooleanIDScalarTests {
    @Test func string() throws {
        let string = ScalarCoercion.string
        #expect(try string.parseValue(.string("hi")) == .string("hi"))
        #expect(failure { try string.parseValue(.int(1)) } == "String cannot represent a non string value: 1")
        #expect(failure { try string.parseLiteral(literal("1"), nil) } == "String cannot represent a non string value: 1")
        #expect(try string.serialize(.bool(true)) == .string("true"))
        #expect(try string.serialize(.int(-3)) == .string("-3"))
        #expect(try string.serialize(.double(2.5)) == .string("2.5"))
        #expect(failure { try string.serialize(.array([])) } == "String cannot represent value: []")
    }

    @Test func boolean() throws {
        let boolean = ScalarCoercion.boolean
        #expect(try boolean.parseValue(.bool(false)) == .bool(false))
        #expect(failure { try boolean.parseValue(.int(0)) } == "Boolean cannot represent a non boolean value: 0")
        #expect(failure { try boolean.parseLiteral(literal("\"true\""), nil) }
            == "Boolean cannot represent a non boolean value: \"true\"")
        #expect(try boolean.serialize(.int(0)) == .bool(false))
        #expect(failure { try boolean.serialize(.string("true")) } == "Boolean cannot represent a non boolean value: \"true\"")
    }

    @Test func id() throws {
        let id = ScalarCoercion.id
        #expect(try id.parseValue(.int(7)) == .string("7"))
        #expect(try id.parseValue(.string("a1")) == .string("a1"))
        #expect(failure { try id.parseValue(.double(1.5)) } == "ID cannot represent value: 1.5")
        #expect(failure { try id.parseValue(.bool(true)) } == "ID cannot represent value: true")
        #expect(try id.parseLiteral(literal("123"), nil) == .string("123"))
        #expect(failure { try id.parseLiteral(literal("1.5"), nil) }
            == "ID cannot represent a non-string and non-integer value: 1.5")
        #expect(try id.serialize(.int(9)) == .string("9"))
        #expect(failure { try id.serialize(.object(JSONObject())) } == "ID cannot represent value: {}")
    }

    @Test func customScalarPassesThroughByDefault() throws {
        let custom = ScalarCoercion.passThrough
        #expect(try custom.parseValue(.object(JSONObject([("x", .int(1))]))) == .object(JSONObject([("x", .int(1))])))
        #expect(try custom.parseLiteral(literal("{a: [1, \"b\", $v]}"), JSONObject([("v", .bool(true))]))
            == .object(JSONObject([("a", .array([.int(1), .string("b"), .bool(true)]))])))
    }
}

@Suite struct EnumCoercionTests {
    let schema: GraphQLSchema

    init() throws {
        schema = try buildSchema(sdl: "enum Color { RED GREEN BLUE } type Query { color(c: Color): Color }")
    }

    @Test func coercesNames() throws {
        let color = try #require(schema.type(named: "Color")?.asEnum)
        #expect(try color.parseValue(.string("RED")) == .string("RED"))
        #expect(try color.parseLiteral(literal("GREEN")) == .string("GREEN"))
        #expect(try color.serialize(.string("BLUE")) == .string("BLUE"))
        #expect(failure { try color.parseValue(.string("REDD")) }
            == "Value \"REDD\" does not exist in \"Color\" enum. Did you mean the enum value \"RED\"?")
        #expect(failure { try color.parseValue(.int(1)) } == "Enum \"Color\" cannot represent non-string value: 1.")
        #expect(failure { try color.parseLiteral(literal("\"RED\"")) }
            == "Enum \"Color\" cannot represent non-enum value: \"RED\". Did you mean the enum value \"RED\" or \"GREEN\"?")
        #expect(failure { try color.serialize(.string("PINK")) } == "Enum \"Color\" cannot represent value: \"PINK\"")
    }
}
