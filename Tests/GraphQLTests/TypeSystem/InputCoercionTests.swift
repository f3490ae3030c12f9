import Testing
@testable import GraphQL

private let coercionSchema: GraphQLSchema = {
    do {
        return try buildSchema(sdl: """
            enum Color { RED GREEN }
            input Point { x: Int! y: Int = 0 label: String }
            input Pick @oneOf { id: ID name: String }
            input Outer { inner: [Point!] }
            type Query {
              f(id: ID!, n: Int = 5, list: [Int], color: Color, point: Point, pick: Pick, nested: Outer, s: String): String
            }
            """)
    } catch {
        fatalError("\(error)")
    }
}()

private func type(_ text: String) throws -> GraphQLType {
    try #require(coercionSchema.type(from: parseType(text)))
}

/// All messages `coerceInputValue` reports, with graphql-js's default prefix.
private func inputErrors(_ value: JSON, _ typeText: String) throws -> [String] {
    var messages: [String] = []
    _ = coerceInputValue(value, type: try type(typeText)) { path, invalid, error in
        var prefix = "Invalid value " + inspect(invalid)
        if !path.isEmpty { prefix += " at \"value\(printPath(path))\"" }
        messages.append(prefix + ": " + error.message)
    }
    return messages
}

private func variables(_ definitions: String, _ inputs: JSONObject) throws -> Result<JSONObject, GraphQLErrorList> {
    let document = try parse("query Q\(definitions) { f(id: 1) }")
    return coerceVariableValues(
        schema: coercionSchema, variableDefinitions: document.operations[0].variableDefinitions, inputs: inputs)
}

private func variableMessages(_ definitions: String, _ inputs: JSONObject) throws -> [String] {
    switch try variables(definitions, inputs) {
    case .success: return []
    case .failure(let list): return list.messages
    }
}

@Suite struct CoerceInputValueTests {
    @Test func scalarsListsAndNulls() throws {
        #expect(try coerceInputValue(.int(1), type: type("Int")) == .int(1))
        #expect(try coerceInputValue(.null, type: type("Int")) == .null)
        #expect(try coerceInputValue(.int(1), type: type("[Int]")) == .array([.int(1)]))
        #expect(try coerceInputValue(.array([.int(1), .null]), type: type("[Int]")) == .array([.int(1), .null]))
        #expect(try coerceInputValue(.int(1), type: type("[[Int]]")) == .array([.array([.int(1)])]))
        #expect(try inputErrors(.null, "Int!") == ["Invalid value null: Expected non-nullable type \"Int!\" not to be null."])
        #expect(try inputErrors(.array([.int(1), .string("b")]), "[Int]")
            == ["Invalid value \"b\" at \"value[1]\": Int cannot represent non-integer value: \"b\""])
        #expect(try inputErrors(.array([.null]), "[Int!]")
            == ["Invalid value null at \"value[0]\": Expected non-nullable type \"Int!\" not to be null."])
    }

    @Test func enums() throws {
        #expect(try coerceInputValue(.string("RED"), type: type("Color")) == .string("RED"))
        #expect(try inputErrors(.string("BLUE"), "Color") == ["Invalid value \"BLUE\": Value \"BLUE\" does not exist in \"Color\" enum."])
    }

    @Test func inputObjects() throws {
        #expect(try coerceInputValue(.object(JSONObject([("x", .int(1))])), type: type("Point"))
            == .object(JSONObject([("x", .int(1)), ("y", .int(0))])))
        #expect(try coerceInputValue(.object(JSONObject([("x", .int(1)), ("label", .null)])), type: type("Point"))
            == .object(JSONObject([("x", .int(1)), ("y", .int(0)), ("label", .null)])))
        #expect(try inputErrors(.object(JSONObject([("y", .int(1)), ("z", .int(2))])), "Point") == [
            "Invalid value { y: 1, z: 2 }: Field \"x\" of required type \"Int!\" was not provided.",
            "Invalid value { y: 1, z: 2 }: Field \"z\" is not defined by type \"Point\". Did you mean \"x\" or \"y\"?",
        ])
        #expect(try inputErrors(.int(1), "Point") == ["Invalid value 1: Expected type \"Point\" to be an object."])
        #expect(try inputErrors(.object(JSONObject([("inner", .object(JSONObject([("x", .string("a"))])))])), "Outer")
            == ["Invalid value \"a\" at \"value.inner.x\": Int cannot represent non-integer value: \"a\""])
    }

    @Test func oneOfInputObjects() throws {
        #expect(try coerceInputValue(.object(JSONObject([("id", .int(3))])), type: type("Pick"))
            == .object(JSONObject([("id", .string("3"))])))
        #expect(try inputErrors(.object(JSONObject([("id", .int(3)), ("name", .string("a"))])), "Pick")
            == ["Invalid value { id: 3, name: \"a\" }: Exactly one key must be specified for OneOf type \"Pick\"."])
        #expect(try inputErrors(.object(JSONObject()), "Pick")
            == ["Invalid value {}: Exactly one key must be specified for OneOf type \"Pick\"."])
        #expect(try inputErrors(.object(JSONObject([("name", .null)])), "Pick")
            == ["Invalid value null at \"value.name\": Field \"name\" must be non-null."])
    }

    @Test func throwingVariantUsesDefaultPrefix() throws {
        #expect(throws: GraphQLError("Invalid value \"x\" at \"value[0]\": Int cannot represent non-integer value: \"x\"")) {
            try coerceInputValue(.array([.string("x")]), type: try type("[Int]"))
        }
    }
}

@Suite struct ValueFromASTTests {
    private func value(_ literal: String, _ typeText: String, _ variables: JSONObject? = nil) throws -> JSON? {
        valueFromAST(try parseValue(literal), type: try type(typeText), variables: variables)
    }

    @Test func literals() throws {
        #expect(try value("1", "Int") == .int(1))
        #expect(try value("2147483648", "Int") == nil)
        #expect(try value("\"1\"", "Int") == nil)
        #expect(try value("null", "Int") == .null)
        #expect(try value("null", "Int!") == nil)
        #expect(try value("1", "[Int]") == .array([.int(1)]))
        #expect(try value("[1, null]", "[Int]") == .array([.int(1), .null]))
        #expect(try value("[1, null]", "[Int!]") == nil)
        #expect(try value("RED", "Color") == .string("RED"))
        #expect(try value("\"RED\"", "Color") == nil)
        #expect(try value("{x: 1}", "Point") == .object(JSONObject([("x", .int(1)), ("y", .int(0))])))
        #expect(try value("{y: 1}", "Point") == nil)
        #expect(try value("{id: 1}", "Pick") == .object(JSONObject([("id", .string("1"))])))
        #expect(try value("{id: 1, name: \"a\"}", "Pick") == nil)
        #expect(try value("{id: null}", "Pick") == nil)
    }

    @Test func variablesDistinguishUndefinedFromNull() throws {
        let vars = JSONObject([("a", .int(4)), ("n", .null)])
        #expect(try value("$a", "Int", vars) == .int(4))
        #expect(try value("$missing", "Int", vars) == nil)
        #expect(try value("$n", "Int", vars) == .null)
        #expect(try value("$n", "Int!", vars) == nil)
        #expect(try value("[$a, $missing]", "[Int]", vars) == .array([.int(4), .null]))
        #expect(try value("[$missing]", "[Int!]", vars) == nil)
        #expect(try value("{x: $a, y: $missing}", "Point", vars) == .object(JSONObject([("x", .int(4)), ("y", .int(0))])))
    }
}

@Suite struct CoerceVariableValuesTests {
    @Test func coercesProvidedAndDefaultValues() throws {
        let result = try variables(
            "($a: Int, $b: [Int] = [1], $c: Color = RED, $d: Point, $e: String)",
            JSONObject([("a", .int(1)), ("d", .object(JSONObject([("x", .int(2))]))), ("e", .null)]))
        #expect(try result.get() == JSONObject([
            ("a", .int(1)), ("b", .array([.int(1)])), ("c", .string("RED")),
            ("d", .object(JSONObject([("x", .int(2)), ("y", .int(0))]))), ("e", .null),
        ]))
    }

    @Test func requiredAndNonNullVariables() throws {
        #expect(try variableMessages("($x: Int!)", JSONObject()) == ["Variable \"$x\" of required type \"Int!\" was not provided."])
        #expect(try variableMessages("($x: Int!)", JSONObject([("x", .null)]))
            == ["Variable \"$x\" of non-null type \"Int!\" must not be null."])
        // A default satisfies a missing non-null variable.
        #expect(try variables("($x: Int! = 3)", JSONObject()).get() == JSONObject([("x", .int(3))]))
    }

    @Test func invalidValues() throws {
        #expect(try variableMessages("($x: Int)", JSONObject([("x", .string("abc"))]))
            == ["Variable \"$x\" got invalid value \"abc\"; Int cannot represent non-integer value: \"abc\""])
        #expect(try variableMessages("($x: Int)", JSONObject([("x", .int(2_147_483_648))]))
            == ["Variable \"$x\" got invalid value 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648"])
        #expect(try variableMessages("($p: Point)", JSONObject([("p", .object(JSONObject([("x", .string("a"))])))]))
            == ["Variable \"$p\" got invalid value \"a\" at \"p.x\"; Int cannot represent non-integer value: \"a\""])
        #expect(try variableMessages("($p: Pick)", JSONObject([("p", .object(JSONObject([("id", .int(1)), ("name", .string("n"))])))]))
            == ["Variable \"$p\" got invalid value { id: 1, name: \"n\" }; Exactly one key must be specified for OneOf type \"Pick\"."])
        #expect(try variableMessages("($x: Query)", JSONObject())
            == ["Variable \"$x\" expected value of type \"Query\" which cannot be used as an input type."])
        #expect(try variableMessages("($x: Nope)", JSONObject())
            == ["Variable \"$x\" expected value of type \"Nope\" which cannot be used as an input type."])
        // Every variable is checked; errors are collected.
        #expect(try variableMessages("($a: Int!, $b: Boolean)", JSONObject([("b", .int(1))])) == [
            "Variable \"$a\" of required type \"Int!\" was not provided.",
            "Variable \"$b\" got invalid value 1; Boolean cannot represent a non boolean value: 1",
        ])
    }

    @Test func enumsAndSingleValueLists() throws {
        #expect(try variables("($c: Color, $l: [Int], $m: [[Color!]])", JSONObject([("c", .string("GREEN")), ("l", .int(3)), ("m", .string("RED"))])).get()
            == JSONObject([("c", .string("GREEN")), ("l", .array([.int(3)])), ("m", .array([.array([.string("RED")])]))]))
        #expect(try variableMessages("($c: Color)", JSONObject([("c", .string("BLUE"))]))
            == ["Variable \"$c\" got invalid value \"BLUE\"; Value \"BLUE\" does not exist in \"Color\" enum."])
        #expect(try variableMessages("($c: [Color!])", JSONObject([("c", .array([.string("RED"), .null]))]))
            == ["Variable \"$c\" got invalid value null at \"c[1]\"; Expected non-nullable type \"Color!\" not to be null."])
    }

    @Test func errorLocationsPointAtTheDefinition() throws {
        guard case .failure(let list) = try variables("($x: Int!)", JSONObject()) else {
            Issue.record("expected failure")
            return
        }
        #expect(list.errors[0].locations == [SourceLocation(line: 1, column: 9)])
    }
}

@Suite struct CoerceArgumentValuesTests {
    private func arguments(_ selection: String, _ variableValues: JSONObject? = nil) throws -> JSONObject {
        let document = try parse("{ \(selection) }")
        guard case .field(let node) = document.operations[0].selectionSet.selections[0] else {
            throw GraphQLError("not a field")
        }
        let field = try #require(coercionSchema.queryType.field(named: "f"))
        return try coerceArgumentValues(field: field, node: node, variableValues: variableValues)
    }

    private func argumentError(_ selection: String, _ variableValues: JSONObject? = nil) -> GraphQLError? {
        do {
            _ = try arguments(selection, variableValues)
            return nil
        } catch let error as GraphQLError {
            return error
        } catch {
            return GraphQLError("\(error)")
        }
    }

    @Test func literalsDefaultsAndVariables() throws {
        #expect(try arguments("f(id: 4)") == JSONObject([("id", .string("4")), ("n", .int(5))]))
        #expect(try arguments("f(id: \"a\", n: null, list: 3, color: GREEN)")
            == JSONObject([("id", .string("a")), ("n", .null), ("list", .array([.int(3)])), ("color", .string("GREEN"))]))
        #expect(try arguments("f(id: $v, n: $missing, s: $s)", JSONObject([("v", .string("x")), ("s", .null)]))
            == JSONObject([("id", .string("x")), ("n", .int(5)), ("s", .null)]))
        #expect(try arguments("f(id: 1, point: {x: $v})", JSONObject([("v", .int(9))]))
            == JSONObject([("id", .string("1")), ("n", .int(5)), ("point", .object(JSONObject([("x", .int(9)), ("y", .int(0))])))]))
    }

    @Test func errors() throws {
        #expect(argumentError("f") == GraphQLError(
            "Argument \"id\" of required type \"ID!\" was not provided.", locations: [SourceLocation(line: 1, column: 3)]))
        #expect(argumentError("f(id: null)") == GraphQLError(
            "Argument \"id\" of non-null type \"ID!\" must not be null.", locations: [SourceLocation(line: 1, column: 9)]))
        #expect(argumentError("f(id: $v)", JSONObject([("v", .null)]))?.message
            == "Argument \"id\" of non-null type \"ID!\" must not be null.")
        #expect(argumentError("f(id: $v)", JSONObject())?.message
            == "Argument \"id\" of required type \"ID!\" was provided the variable \"$v\" which was not provided a runtime value.")
        #expect(argumentError("f(id: 1.5)")?.message == "Argument \"id\" has invalid value 1.5.")
        #expect(argumentError("f(id: 1, pick: {id: 1, name: \"x\"})")?.message
            == "Argument \"pick\" has invalid value {id: 1, name: \"x\"}.")
    }

    @Test func directiveValues() throws {
        let document = try parse("{ a @skip(if: $hide) b @include(if: true) }")
        let selections = document.operations[0].selectionSet.selections
        let skip = try #require(coercionSchema.directive(named: "skip"))
        #expect(try coerceDirectiveValues(directive: skip, nodes: selections[0].directives, variableValues: JSONObject([("hide", .bool(true))]))
            == JSONObject([("if", .bool(true))]))
        #expect(try coerceDirectiveValues(directive: skip, nodes: selections[1].directives, variableValues: nil) == nil)
    }
}
