import Synchronization
import Testing
@testable import GraphQL

@Suite struct ResolverAPITests {
    struct Org: Sendable { var name: String }
    struct Boom: Error {}

    let sdl = """
    type Query { org: String!, masked: String, typed: String, nested: Inner }
    type Inner { value: String }
    type Mutation { append(value: String!): [String!]! }
    """

    @Test func missingResolversAreReportedAtStartUp() throws {
        var resolvers = Resolvers()
        resolvers.field("Query", "org") { _ in "x" }
        resolvers.field("Query", "nope") { _ in "x" }
        resolvers.field("Ghost", "field") { _ in "x" }
        #expect(throws: ExecutableSchemaError(
            missingResolvers: ["Inner.value", "Mutation.append", "Query.masked", "Query.nested", "Query.typed"],
            unknownBindings: ["Ghost.field", "Query.nope"]
        )) {
            try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        }
    }

    func makeExecutable(log: CallLog) throws -> ExecutableSchema {
        var resolvers = Resolvers()
        resolvers.field("Query", "org") { ctx in try ctx.context(as: Org.self).name }
        resolvers.field("Query", "masked") { _ -> String in throw Boom() }
        resolvers.field("Query", "typed") { _ -> String in
            throw UserError("Not allowed", code: "FORBIDDEN", extensions: JSONObject([("reason", .string("plan"))]))
        }
        resolvers.field("Query", "nested") { _ in JSON.object(JSONObject([("value", .string("v"))])) }
        resolvers.defaultResolvers(for: "Inner")
        resolvers.field("Mutation", "append") { ctx async throws -> [String] in
            let value = stringArgument(ctx.argument("value")) ?? ""
            if value == "slow" { try await Task.sleep(nanoseconds: 30_000_000) }
            log.record(value)
            return log.all
        }
        return try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
    }

    @Test func contextReachesResolversAndErrorsAreMaskedOrReported() async throws {
        let log = CallLog()
        let options = ExecutionOptions(logInternalError: { error, path in log.record("\(error) at \(path.count)") })
        let result = try await runAsync(
            try makeExecutable(log: CallLog()), "{ org masked typed nested { value } }", context: Org(name: "Acme"),
            options: options)
        #expect(result == #"{"errors":[{"message":"Internal server error","locations":[{"line":1,"column":7}],"path":["masked"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}},{"message":"Not allowed","locations":[{"line":1,"column":14}],"path":["typed"],"extensions":{"code":"FORBIDDEN","reason":"plan"}}],"data":{"org":"Acme","masked":null,"typed":null,"nested":{"value":"v"}}}"#)
        #expect(log.all == ["Boom() at 1"])
    }

    @Test func mutationRootFieldsRunSerially() async throws {
        let log = CallLog()
        let result = try await runAsync(
            try makeExecutable(log: log), #"mutation { a: append(value: "slow") b: append(value: "fast") }"#)
        #expect(result == #"{"data":{"a":["slow"],"b":["slow","fast"]}}"#)
    }

    @Test func asyncResolverInSynchronousExecutionIsAnInternalError() throws {
        let result = try runSync(try makeExecutable(log: CallLog()), #"mutation { append(value: "x") }"#)
        #expect(result == #"{"errors":[{"message":"Internal server error","locations":[{"line":1,"column":12}],"path":["append"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#)
    }

    @Test func operationSelectionErrors() throws {
        let executable = try makeExecutable(log: CallLog())
        #expect(try runSync(executable, "query A { org } query B { org }") == #"{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}"#)
        #expect(try runSync(executable, "query A { org }", operationName: "x") == #"{"errors":[{"message":"Unknown operation named \"x\"."}]}"#)
        #expect(try runSync(executable, "fragment F on Query { org }") == #"{"errors":[{"message":"Must provide an operation."}]}"#)
        #expect(try runSync(executable, "query A { org } query B { typed }", operationName: "A", context: Org(name: "O")) == #"{"data":{"org":"O"}}"#)
    }

    @Test func subscriptionWithoutRootTypeIsRejected() throws {
        let result = try runSync(try makeExecutable(log: CallLog()), "subscription { org }")
        #expect(result == #"{"errors":[{"message":"Schema is not configured to execute subscription operation.","locations":[{"line":1,"column":1}]}]}"#)
    }
}

@Suite struct AsyncConcurrencyTests {
    /// `waiter` only finishes early if `signaller` runs while it waits: proof that resolvers of one level run
    /// concurrently instead of one after the other.
    @Test func asyncResolversOfALevelRunConcurrently() async throws {
        let flag = Mutex(false)
        var resolvers = Resolvers()
        resolvers.field("Query", "waiter") { _ async throws -> String in
            for _ in 0..<300 {
                if flag.withLock({ $0 }) { return "saw signal" }
                try await Task.sleep(nanoseconds: 10_000_000)
            }
            return "timed out"
        }
        resolvers.field("Query", "signaller") { _ async -> String in
            flag.withLock { $0 = true }
            return "signalled"
        }
        let executable = try ExecutableSchema(
            schema: try buildSchema(sdl: "type Query { waiter: String, signaller: String }"), resolvers: resolvers)
        let result = try await runAsync(executable, "{ waiter signaller }")
        #expect(result == #"{"data":{"waiter":"saw signal","signaller":"signalled"}}"#)
    }
}

@Suite struct ResolverBindingTests {
    struct Thing: GraphQLObject { var id: Int; var graphQLTypeName: String? { id == 1 ? "A" : "B" } }

    @Test func interfaceResolversServeImplementationsAndModulesMerge() throws {
        let sdl = """
        type Query { things: [Node!]! }
        interface Node { id: ID! }
        type A implements Node { id: ID!, a: Int }
        type B implements Node { id: ID!, b: Int }
        """
        var core = Resolvers()
        core.field("Query", "things") { _ in [Thing(id: 1), Thing(id: 2)] }
        core.field("Node", "id") { ctx in "node-\(try ctx.parent(as: Thing.self).id)" }
        var extra = Resolvers()
        extra.field("A", "a") { _ in 10 }
        extra.field("B", "b") { _ in 20 }
        extra.field("B", "id") { _ in "own" }
        core.merge(extra)
        let executable = try ExecutableSchema(schema: try buildSchema(sdl: sdl), resolvers: core)
        let result = try runSync(executable, "{ things { id ... on A { a } ... on B { b } } }")
        #expect(result == #"{"data":{"things":[{"id":"node-1","a":10},{"id":"own","b":20}]}}"#)
    }
}
