import Testing
@testable import GraphQL

@Suite struct NullPropagationTests {
    let sdl = """
    type Query { a: A, matrix: [[Int!]], strict: A! }
    type A { items: [B!]!, maybe: [B] }
    type B { value: String!, optional: String }
    """

    @Test func nullInNonNullListItemNullsNearestNullableAncestor() throws {
        let root = try JSON.parse(#"{"a":{"items":[{"value":"x"},{"value":null}]}}"#)
        let result = try runSync(try jsonSchema(sdl), "{ a { items { value } } }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Cannot return null for non-nullable field B.value.","locations":[{"line":1,"column":15}],"path":["a","items",1,"value"]}],"data":{"a":null}}"#)
    }

    @Test func nullableListItemAbsorbsTheNull() throws {
        let root = try JSON.parse(#"{"a":{"maybe":[{"value":"x"},{"value":null},null]}}"#)
        let result = try runSync(try jsonSchema(sdl), "{ a { maybe { value optional } } }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Cannot return null for non-nullable field B.value.","locations":[{"line":1,"column":15}],"path":["a","maybe",1,"value"]}],"data":{"a":{"maybe":[{"value":"x","optional":null},null,null]}}}"#)
    }

    @Test func nestedListsPropagateToTheInnerNullableList() throws {
        let root = try JSON.parse(#"{"matrix":[[1,null],[2,3]]}"#)
        let result = try runSync(try jsonSchema(sdl), "{ matrix }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Cannot return null for non-nullable field Query.matrix.","locations":[{"line":1,"column":3}],"path":["matrix",0,1]}],"data":{"matrix":[null,[2,3]]}}"#)
    }

    @Test func nonNullRootFieldNullsData() throws {
        let root = try JSON.parse(#"{"strict":{"items":[{"value":null}]}}"#)
        let result = try runSync(try jsonSchema(sdl), "{ strict { items { value } } }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Cannot return null for non-nullable field B.value.","locations":[{"line":1,"column":20}],"path":["strict","items",0,"value"]}],"data":null}"#)
    }

    @Test func errorPathsCarryListIndices() throws {
        var resolvers = Resolvers()
        resolvers.field("Query", "a") { _ in JSON.object(JSONObject()) }
        resolvers.field("A", "items") { _ in [0, 1, 2].map { JSON.int($0) } }
        resolvers.field("A", "maybe") { _ in [JSON.int(0), JSON.int(1)] }
        resolvers.field("B", "value") { ctx -> String in
            guard case .int(let index) = ctx.parent.jsonValue, index != 1 else {
                throw UserError("no value", code: "NOT_FOUND")
            }
            return "v\(index)"
        }
        resolvers.field("B", "optional") { ctx -> String? in
            if case .int(let index) = ctx.parent.jsonValue, index == 0 { throw UserError("nope", code: "GONE") }
            return nil
        }
        resolvers.field("Query", "matrix") { _ in JSON.null }
        resolvers.field("Query", "strict") { _ in JSON.null }
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        let result = try runSync(executable, "{ a { maybe { optional value } } }")
        #expect(result == #"{"errors":[{"message":"nope","locations":[{"line":1,"column":15}],"path":["a","maybe",0,"optional"],"extensions":{"code":"GONE"}},{"message":"no value","locations":[{"line":1,"column":24}],"path":["a","maybe",1,"value"],"extensions":{"code":"NOT_FOUND"}}],"data":{"a":{"maybe":[{"optional":null,"value":"v0"},null]}}}"#)
    }

    /// The list fails after its first item's object was already scheduled: that object must be skipped
    /// safely (its parent list is no longer in the tree).
    @Test func nullItemAfterScheduledObjectsDropsTheWholeList() throws {
        let root = try JSON.parse(#"{"a":{"items":[{"value":"x"},null,{"value":"y"}],"maybe":[{"value":"z"}]}}"#)
        let result = try runSync(try jsonSchema(sdl), "{ a { maybe { value } items { value } } }", root: .json(root))
        #expect(result == #"{"errors":[{"message":"Cannot return null for non-nullable field A.items.","locations":[{"line":1,"column":23}],"path":["a","items",1]}],"data":{"a":null}}"#)
    }

    @Test func errorsAreListedInResponseOrderAlthoughExecutionIsBreadthFirst() throws {
        let sdl = """
        type Query { a: A, b: Int, c: [A] }
        type A { deep: A, fail: Int }
        """
        var resolvers = Resolvers()
        resolvers.field("Query", "a") { _ in JSON.object(JSONObject()) }
        resolvers.field("Query", "b") { _ -> Int in throw UserError("b failed", code: "B") }
        resolvers.field("Query", "c") { _ in [JSON.object(JSONObject()), JSON.object(JSONObject())] }
        resolvers.field("A", "deep") { _ in JSON.object(JSONObject()) }
        resolvers.field("A", "fail") { ctx -> Int in throw UserError("fail at \(ctx.info.path.count)", code: "F") }
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        let result = executable.executeSynchronously(document: try parse("{ a { deep { fail } fail } b c { fail } }"))
        #expect(result.errors.map(\.message) == ["fail at 3", "fail at 2", "b failed", "fail at 3", "fail at 3"])
        #expect(result.errors.map(\.path) == [
            [.key("a"), .key("deep"), .key("fail")], [.key("a"), .key("fail")], [.key("b")],
            [.key("c"), .index(0), .key("fail")], [.key("c"), .index(1), .key("fail")],
        ])
    }
}

@Suite struct ResultMemoryTests {
    /// Parent links must not form retain cycles with the slots that hold children.
    @Test func resultTreeIsReleasedWithTheResult() throws {
        let executable = try jsonSchema("type Query { a: [A!] } type A { b: Int! }")
        let root = try JSON.parse(#"{"a":[{"b":1},{"b":null}]}"#)
        weak var rootNode: ResultNode?
        weak var listNode: ResultNode?
        do {
            let result = executable.executeSynchronously(document: try parse("{ a { b } }"), rootValue: .json(root))
            #expect(result.serialized() == #"{"errors":[{"message":"Cannot return null for non-nullable field A.b.","locations":[{"line":1,"column":7}],"path":["a",1,"b"]}],"data":{"a":null}}"#)
            rootNode = result.rootNode
            if case .node(let list)? = result.rootNode.map({ $0[0] }) { listNode = list }
            #expect(rootNode != nil)
            #expect(listNode != nil)
        }
        #expect(rootNode == nil)
        #expect(listNode == nil)
    }
}
