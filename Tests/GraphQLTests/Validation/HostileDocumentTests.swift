import Testing
@testable import GraphQL

/// Documents a hostile client would send to make validation expensive: their verdicts stay exactly those of
/// graphql-js, and the ones that need more than linear work are refused by the document limits first.
@Suite struct HostileDocumentTests {
    static let schema = try! buildSchema(sdl: """
        type Query { organization: Organization, a: Int }
        type Organization { id: ID, name(locale: String): String }
        """)

    static func executableSchema() throws -> ExecutableSchema {
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        return try ExecutableSchema(schema: schema, resolvers: resolvers)
    }

    static func spreadDocument(fragments count: Int, extra: String = "") -> String {
        let spreads = (0..<count).map { "...F\($0)" }.joined(separator: " ")
        let definitions = (0..<count).map { "fragment F\($0) on Organization { id }" }.joined(separator: "\n")
        return "{ organization { \(spreads) } }\n\(definitions)\n\(extra)"
    }

    @Test func manySpreadFragmentsWithoutConflictsAreValid() throws {
        let document = try parse(Self.spreadDocument(fragments: 1_650))
        #expect(validate(schema: Self.schema, document: document).isEmpty)
    }

    @Test func aConflictAmongManySpreadFragmentsIsStillReportedAsGraphQLJSDoes() throws {
        // 40 harmless fragments and one whose `id` is another field: each pair of the culprit with another
        // fragment is a conflict, reported at both fields, as the pairwise comparison reports it.
        let text = Self.spreadDocument(fragments: 40).replacingOccurrences(of: "...F39 }", with: "...F39 ...G }")
            + "fragment G on Organization { id: name }\n"
        let errors = validate(schema: Self.schema, document: try parse(text))
        #expect(errors.count == 40)
        #expect(errors.first?.message
            == #"Fields "id" conflict because "id" and "name" are different fields. Use different aliases on the fields to fetch both if this was intentional."#)
        #expect(errors.allSatisfy { $0.locations.count == 2 })
    }

    @Test func sameKeyFieldsSpreadingManyFragmentsCompareInLinearTime() throws {
        let spreads = (0..<800).map { "...F\($0)" }.joined(separator: " ")
        let definitions = (0..<800).map { "fragment F\($0) on Organization { id }" }.joined(separator: "\n")
        let text = "{ organization { \(spreads) } again: organization { \(spreads) } }\n\(definitions)"
        #expect(validate(schema: Self.schema, document: try parse(text)).isEmpty)
        let conflicting = text.replacingOccurrences(of: "again: organization { ...F0 ", with: "organization { ...F0 ")
            .replacingOccurrences(of: "fragment F799 on Organization { id }", with: "fragment F799 on Organization { id: name }")
        let errors = validate(schema: Self.schema, document: try parse(conflicting))
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.message.hasPrefix(#"Fields "id" conflict"#) || $0.message.hasPrefix(#"Fields "organization" conflict"#) })
    }

    @Test func documentLimitsRefuseTooManyOperationsFragmentsAndLevels() throws {
        let limits = DocumentLimits(maxOperations: 3, maxFragments: 5, maxFragmentDepth: 4)
        let operations = (0..<4).map { "query Q\($0) { a }" }.joined(separator: "\n")
        #expect(limits.violations(in: try parse(operations)).map(\.code) == ["TOO_MANY_OPERATIONS"])
        let fragments = try parse(Self.spreadDocument(fragments: 6))
        let tooMany = limits.violations(in: fragments)
        #expect(tooMany.map(\.code) == ["TOO_MANY_FRAGMENTS"])
        #expect(tooMany.first?.message == "The document has 6 fragments; at most 5 are allowed.")
        #expect(tooMany.first?.extensions["limit"] == .int(5))
        func chain(_ length: Int) -> String {
            "{ ...C1 }\n" + (1..<length).map { "fragment C\($0) on Query { a ...C\($0 + 1) }" }.joined(separator: "\n")
                + "\nfragment C\(length) on Query { a }"
        }
        #expect(limits.violations(in: try parse(chain(4))).isEmpty)
        let deep = limits.violations(in: try parse(chain(5)))
        #expect(deep.map(\.code) == ["FRAGMENTS_TOO_DEEP"])
        #expect(deep.first?.message == "Fragments spread fragments 5 levels deep; at most 4 levels are allowed.")
    }

    @Test func aLongFragmentCycleIsMeasuredWithoutRecursion() throws {
        // 5,000 fragments in one cycle: an iterative walk, no stack overflow; counted once around.
        let text = "{ ...C0 }\n" + (0..<5_000).map { "fragment C\($0) on Query { ...C\(($0 + 1) % 5_000) }" }.joined(separator: "\n")
        let document = try parse(text, options: ParseOptions(maxTokens: .max))
        #expect(DocumentLimits.longestFragmentChain(document.fragments) == 5_000)
        #expect(DocumentLimits.standard.violations(in: document).map(\.code) == ["TOO_MANY_FRAGMENTS"])
    }

    @Test func thePipelineRefusesADeepChainBeforeValidating() async throws {
        let text = "{ ...C0 }\n" + (0..<1_500).map { "fragment C\($0) on Query { a ...C\($0 + 1) }" }.joined(separator: "\n")
            + "\nfragment C1500 on Query { a }"
        let pipeline = GraphQLPipeline(schema: try Self.executableSchema())
        let response = await pipeline.run(query: text)
        #expect(response.phase == .limits)
        #expect(response.result.errors.map(\.code) == ["FRAGMENTS_TOO_DEEP"])
        #expect(response.result.errors.first?.extensions["found"] == .int(1_501))
    }

    @Test func theDocumentCacheCountsTheSyntaxTreesItHolds() async throws {
        // Room for the text of many documents but not for their syntax trees at 256 bytes a token.
        let pipeline = GraphQLPipeline(
            schema: try Self.executableSchema(), configuration: GraphQLPipelineConfiguration(documentCacheMaxBytes: 1 << 20))
        for index in 0..<20 {
            _ = await pipeline.run(query: Self.spreadDocument(fragments: 50, extra: "# \(index)"))
        }
        let statistics = pipeline.documentCache.statistics
        #expect(statistics.count < 20)
        #expect(statistics.evictions > 0)
        #expect(pipeline.documentCache.cachedBytes <= 1 << 20)
    }

    @Test func longListArgumentsCountInTheCostAndAreCapped() throws {
        let schema = try buildSchema(sdl: "type Query { pick(keys: [String!], filter: F): Int } input F { ids: [ID!] }")
        let limits = QueryLimits(maxListArgumentLength: 3)
        let literal = try parse(#"{ pick(keys: ["a", "b", "c"]) }"#)
        #expect(limits.violations(in: literal, schema: schema).isEmpty)
        #expect(limits.measure(literal, schema: schema)?.cost == 4)
        let fromVariable = try parse("query($k: [String!]) { pick(keys: $k) }")
        let variables = JSONObject([("k", .array((0..<4).map { .string("k\($0)") }))])
        let errors = limits.violations(in: fromVariable, variables: variables, schema: schema)
        #expect(errors.map(\.code) == ["LIST_ARGUMENT_TOO_LONG"])
        #expect(errors.first?.message == #"Argument "keys" of field "pick" has 4 items; at most 3 are allowed."#)
        // A list inside an input object counts too.
        let nested = try parse(#"{ pick(filter: { ids: ["1", "2", "3", "4"] }) }"#)
        #expect(limits.violations(in: nested, schema: schema).map(\.code) == ["LIST_ARGUMENT_TOO_LONG"])
    }

    @Test func aResponsePastItsByteBudgetBecomesOneError() async throws {
        let schema = try buildSchema(sdl: "type Query { rows: [String!]! }")
        var resolvers = Resolvers()
        resolvers.field("Query", "rows") { _ -> JSON in .array((0..<1_000).map { _ in .string(String(repeating: "x", count: 1_000)) }) }
        let pipeline = GraphQLPipeline(
            schema: try ExecutableSchema(schema: schema, resolvers: resolvers),
            configuration: GraphQLPipelineConfiguration(maxResponseBytes: 100_000))
        let large = await pipeline.run(query: "{ rows }")
        let body = String(decoding: large.serializedBytes(), as: UTF8.self)
        #expect(body == #"{"errors":[{"message":"The response would be larger than 100000 bytes; ask for fewer fields or items at once.","extensions":{"code":"RESPONSE_TOO_LARGE","limit":100000}}],"data":null}"#)
        let roomy = GraphQLPipeline(
            schema: try ExecutableSchema(schema: schema, resolvers: resolvers),
            configuration: GraphQLPipelineConfiguration(maxResponseBytes: 2_000_000))
        #expect(await roomy.run(query: "{ rows }").serializedBytes().count == 1_000 * 1_002 + 999 + #"{"data":{"rows":[]}}"#.utf8.count)
    }
}
