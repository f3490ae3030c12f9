import Synchronization
import Testing

@testable import GraphQL

/// Counts mutation resolver calls, to prove a refused mutation never runs.
final class PipelineMutationCounter: Sendable {
    let calls = Atomic<Int>(0)
}

@Suite struct GraphQLPipelineTests {
    static let sdl = """
        type Query {
          campaigns(first: Int): [Campaign!]!
          version: String!
        }
        type Mutation {
          renameCampaign(id: ID!, name: String!): Campaign
        }
        type Campaign {
          id: ID!
          name: String!
          units: [Unit!]!
        }
        type Unit {
          id: ID!
        }
        """

    static let root = ResolvedValue.json(
        .object(
            JSONObject([
                ("version", .string("1.0")),
                (
                    "campaigns",
                    .array([
                        .object(JSONObject([("id", .string("c1")), ("name", .string("Spring")), ("units", .array([]))]))
                    ])
                ),
            ])))

    func makePipeline(
        _ configuration: GraphQLPipelineConfiguration = GraphQLPipelineConfiguration(),
        counter: PipelineMutationCounter = PipelineMutationCounter()
    ) throws -> GraphQLPipeline {
        let schema = try buildSchema(sdl: Self.sdl)
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        resolvers.field("Mutation", "renameCampaign") { context -> JSON in
            counter.calls.add(1, ordering: .relaxed)
            return .object(
                JSONObject([("id", context.argument("id") ?? .null), ("name", context.argument("name") ?? .null)]))
        }
        return GraphQLPipeline(schema: try ExecutableSchema(schema: schema, resolvers: resolvers), configuration: configuration)
    }

    @Test func aRepeatedQuerySkipsParsingAndValidation() async throws {
        let pipeline = try makePipeline()
        let query = "{ version }"
        let first = await pipeline.run(query: query, rootValue: Self.root)
        let second = await pipeline.run(query: query, rootValue: Self.root)
        #expect(String(decoding: first.serializedBytes(), as: UTF8.self) == #"{"data":{"version":"1.0"}}"#)
        #expect(String(decoding: second.serializedBytes(), as: UTF8.self) == #"{"data":{"version":"1.0"}}"#)
        #expect(pipeline.documentsPrepared == 1)
        #expect(pipeline.documentCache.statistics == DocumentCacheStatistics(hits: 1, misses: 1, evictions: 0, count: 1))
        _ = await pipeline.run(query: "{ version }\n", rootValue: Self.root)
        #expect(pipeline.documentsPrepared == 2)
    }

    @Test func concurrentRequestsShareOneCachedDocument() async throws {
        let pipeline = try makePipeline()
        let query = "{ campaigns { id name } }"
        _ = pipeline.runSynchronously(query: query, rootValue: Self.root)
        let bodies = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask { String(decoding: await pipeline.run(query: query, rootValue: Self.root).serializedBytes(), as: UTF8.self) }
            }
            var bodies: Set<String> = []
            for await body in group { bodies.insert(body) }
            return bodies
        }
        #expect(bodies == [#"{"data":{"campaigns":[{"id":"c1","name":"Spring"}]}}"#])
        #expect(pipeline.documentsPrepared == 1)
        #expect(pipeline.documentCache.statistics.hits == 32)
    }

    @Test func aSyntaxErrorIsAParseFailureWithoutData() async throws {
        let pipeline = try makePipeline()
        let response = await pipeline.run(query: "{ version ")
        #expect(response.phase == .parse)
        #expect(response.isParseOrValidationFailure)
        #expect(response.isRequestError)
        #expect(response.operationType == nil)
        #expect(response.result.errors.map(\.message) == ["Syntax Error: Expected Name, found <EOF>."])
        #expect(response.result.errors.first?.locations == [SourceLocation(line: 1, column: 11)])
        #expect(!response.result.hasData)
    }

    @Test func anInvalidDocumentIsAValidationFailure() async throws {
        let pipeline = try makePipeline()
        let response = await pipeline.run(query: "{ version nope }")
        #expect(response.phase == .validation)
        #expect(response.isParseOrValidationFailure)
        #expect(response.result.errors.map(\.message) == [#"Cannot query field "nope" on type "Query"."#])
        #expect(response.result.errors.first?.locations == [SourceLocation(line: 1, column: 11)])
        #expect(
            String(decoding: response.serializedBytes(), as: UTF8.self)
                == #"{"errors":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":11}]}]}"#)
        // The failure is cached too: asking again does not parse again.
        _ = await pipeline.run(query: "{ version nope }")
        #expect(pipeline.documentsPrepared == 1)
    }

    @Test func anOperationOverTheLimitsIsRejectedBeforeExecution() async throws {
        let pipeline = try makePipeline(GraphQLPipelineConfiguration(limits: QueryLimits(maxDepth: 1)))
        let response = await pipeline.run(query: "query Deep { campaigns { id } }", rootValue: Self.root)
        #expect(response.phase == .limits)
        #expect(!response.isParseOrValidationFailure)
        #expect(response.isRequestError)
        #expect(response.operationType == .query)
        #expect(response.result.errors.map(\.code) == ["QUERY_TOO_DEEP"])
        #expect(response.result.errors.map(\.message) == ["Query is 2 levels deep; the maximum depth is 1."])
    }

    @Test func limitsUseTheSchemaToFindListFields() async throws {
        let limits = QueryLimits(maxCost: 10, defaultListSize: 10)
        let pipeline = try makePipeline(GraphQLPipelineConfiguration(limits: limits))
        // campaigns(first: 3): 1 + 3 × (id + units(1 + 10 × id)) = 1 + 3 × 12 = 37
        let response = await pipeline.run(query: "{ campaigns(first: 3) { id units { id } } }", rootValue: Self.root)
        #expect(response.result.errors.map(\.message) == ["Query costs 37; the maximum cost is 10."])
    }

    @Test func mutationsAreDetectedAndCanBeRefused() async throws {
        let counter = PipelineMutationCounter()
        let pipeline = try makePipeline(counter: counter)
        let mutation = #"mutation Rename { renameCampaign(id: "c1", name: "Summer") { id name } }"#

        let refused = await pipeline.run(query: mutation, allowMutations: false)
        #expect(refused.phase == .operationNotAllowed)
        #expect(refused.isMutation)
        #expect(refused.result.errors.map(\.message) == ["Can only perform a mutation operation from a POST request."])
        #expect(refused.result.errors.map(\.code) == ["MUTATION_NOT_ALLOWED"])
        #expect(counter.calls.load(ordering: .relaxed) == 0)

        let performed = await pipeline.run(query: mutation)
        #expect(performed.phase == .execution)
        #expect(performed.isMutation)
        #expect(counter.calls.load(ordering: .relaxed) == 1)
        #expect(
            String(decoding: performed.serializedBytes(), as: UTF8.self)
                == #"{"data":{"renameCampaign":{"id":"c1","name":"Summer"}}}"#)

        let query = await pipeline.run(query: "{ version }", rootValue: Self.root, allowMutations: false)
        #expect(query.phase == .execution)
        #expect(!query.isMutation)
        #expect(query.operationType == .query)
    }

    @Test func theNamedOperationDecidesWhetherItIsAMutation() async throws {
        let pipeline = try makePipeline()
        let document = #"query Read { version } mutation Write { renameCampaign(id: "c1", name: "X") { id } }"#
        let read = await pipeline.run(query: document, operationName: "Read", rootValue: Self.root, allowMutations: false)
        #expect(read.operationType == .query)
        #expect(read.phase == .execution)
        let write = await pipeline.run(query: document, operationName: "Write", allowMutations: false)
        #expect(write.operationType == .mutation)
        #expect(write.phase == .operationNotAllowed)
    }

    @Test func introspectionCanBeTurnedOff() async throws {
        let pipeline = try makePipeline(GraphQLPipelineConfiguration(allowIntrospection: false))
        let response = await pipeline.run(query: "{ __schema { queryType { name } } }")
        #expect(response.phase == .execution)
        #expect(response.result.errors.map(\.code) == ["INTROSPECTION_DISABLED"])
    }

    @Test func theStandardIntrospectionQueryRunsWithinTheDefaultLimits() async throws {
        let pipeline = try makePipeline()
        let response = await pipeline.run(query: fullIntrospectionQuery)
        #expect(response.phase == .execution)
        #expect(response.result.errors == [])
    }

    @Test func aFragmentExplosionIsRejectedQuicklyByTheLimits() async throws {
        var text = "{ ...F0 }\n"
        for level in 0..<50 {
            text += "fragment F\(level) on Query { ...F\(level + 1) ...F\(level + 1) }\n"
        }
        text += "fragment F50 on Query { campaigns { id units { id } } }\n"
        let pipeline = try makePipeline()
        let clock = ContinuousClock()
        var response: GraphQLResponse?
        let elapsed = await clock.measure {
            response = await pipeline.run(query: text, rootValue: Self.root)
        }
        #expect(response?.phase == .limits)
        #expect(response?.result.errors.map(\.code) == ["TOO_MANY_ROOT_FIELDS", "QUERY_TOO_COMPLEX"])
        #expect(elapsed < .seconds(1))
    }

    @Test func validationErrorsComeBeforeLimitErrors() async throws {
        let pipeline = try makePipeline(GraphQLPipelineConfiguration(limits: QueryLimits(maxDepth: 1)))
        let response = await pipeline.run(query: "{ campaigns { id zzz } }")
        #expect(response.phase == .validation)
        #expect(response.result.errors.map(\.message) == [#"Cannot query field "zzz" on type "Campaign"."#])
    }
}

/// A server that asks gets the codes clients switch on for request errors, and the deprecated elements each
/// document uses (found once, when the document is prepared).
@Suite struct PipelineReportingTests {
    static let schema = try! buildSchema(sdl: """
        type Query { name: String, oldName: String @deprecated(reason: "Use name."), count(n: Int!): Int }
        """)

    func pipeline(codes: Bool, deprecations: Bool) throws -> GraphQLPipeline {
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        var configuration = GraphQLPipelineConfiguration()
        configuration.requestErrorCodes = codes
        configuration.reportDeprecations = deprecations
        return GraphQLPipeline(schema: try ExecutableSchema(schema: Self.schema, resolvers: resolvers), configuration: configuration)
    }

    @Test func requestErrorsCarryCodesOnlyWhenAsked() throws {
        for codes in [true, false] {
            let pipeline = try pipeline(codes: codes, deprecations: false)
            let cases: [(String, JSONObject?, String?, String)] = [
                ("{ nope }", nil, nil, "GRAPHQL_VALIDATION_FAILED"),
                ("query($n: Int!) { count(n: $n) }", JSONObject([("n", .string("x"))]), nil, "BAD_USER_INPUT"),
                ("query A { name } query B { name }", nil, "C", "OPERATION_RESOLUTION_FAILURE"),
                ("{ name", nil, nil, "GRAPHQL_PARSE_FAILED"),
            ]
            for (query, variables, operationName, code) in cases {
                let response = pipeline.runSynchronously(query: query, variables: variables, operationName: operationName)
                let expected = codes || code == "GRAPHQL_PARSE_FAILED" ? code : nil
                #expect(response.result.errors.first?.code == expected, "\(query) codes: \(codes)")
            }
        }
    }

    @Test func deprecatedElementsAreReportedPerDocument() throws {
        let pipeline = try pipeline(codes: false, deprecations: true)
        for _ in 0..<2 {  // the second run comes from the document cache
            let response = pipeline.runSynchronously(query: "{ name oldName }")
            #expect(response.deprecations == ["The field Query.oldName is deprecated. Use name."])
        }
        #expect(pipeline.runSynchronously(query: "{ name }").deprecations.isEmpty)
        #expect(try self.pipeline(codes: false, deprecations: false).runSynchronously(query: "{ oldName }").deprecations.isEmpty)
    }
}

/// Operations that read only the schema are answered from memory after the first time, the same as when executed.
extension GraphQLPipelineTests {
    @Test func schemaOnlyOperationsAreCachedAndAnsweredAsExecuted() throws {
        let pipeline = try makePipeline()
        let first = pipeline.runSynchronously(query: introspectionQuery, rootValue: Self.root)
        let again = pipeline.runSynchronously(query: introspectionQuery, rootValue: Self.root)
        #expect(first.result.errors.isEmpty)
        #expect(first.serializedBytes() == again.serializedBytes())
        #expect(pipeline.introspectionResults.statistics.count == 1)
        // Equal to what a pipeline without the entry executes.
        let fresh = try makePipeline().runSynchronously(query: introspectionQuery, rootValue: Self.root)
        #expect(fresh.serializedBytes() == again.serializedBytes())

        // With variables, each set is its own entry; a root field of data is never cached.
        let typeQuery = "query($n: String!) { __type(name: $n) { name kind } }"
        let campaign = pipeline.runSynchronously(query: typeQuery, variables: JSONObject([("n", .string("Campaign"))]), rootValue: Self.root)
        let unit = pipeline.runSynchronously(query: typeQuery, variables: JSONObject([("n", .string("Unit"))]), rootValue: Self.root)
        #expect(String(decoding: campaign.serializedBytes(), as: UTF8.self).contains("\"Campaign\""))
        #expect(String(decoding: unit.serializedBytes(), as: UTF8.self).contains("\"Unit\""))
        #expect(pipeline.introspectionResults.statistics.count == 3)
        let mixed = pipeline.runSynchronously(query: "{ __typename version }", rootValue: Self.root)
        #expect(String(decoding: mixed.serializedBytes(), as: UTF8.self) == #"{"data":{"__typename":"Query","version":"1.0"}}"#)
        #expect(pipeline.introspectionResults.statistics.count == 3)
    }
}
