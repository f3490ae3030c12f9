import Testing

@testable import GraphQL

/// A hand-written schema table, so these tests pin the limit arithmetic independently of SDL building.
struct PipelineCampaignShapes: QueryShapeSchema {
    let fields: [String: [String: QueryFieldShape]] = [
        "Query": [
            "campaigns": QueryFieldShape(typeName: "Campaign", isList: true),
            "campaign": QueryFieldShape(typeName: "Campaign", isList: false),
            "version": QueryFieldShape(typeName: "String", isList: false),
        ],
        "Mutation": ["createCampaign": QueryFieldShape(typeName: "Campaign", isList: false)],
        "Campaign": [
            "id": QueryFieldShape(typeName: "ID", isList: false),
            "name": QueryFieldShape(typeName: "String", isList: false),
            "tags": QueryFieldShape(typeName: "String", isList: true),
            "units": QueryFieldShape(typeName: "Unit", isList: true),
            "owner": QueryFieldShape(typeName: "User", isList: false),
        ],
        "Unit": [
            "id": QueryFieldShape(typeName: "ID", isList: false),
            "creatives": QueryFieldShape(typeName: "Creative", isList: true),
        ],
        "Creative": ["id": QueryFieldShape(typeName: "ID", isList: false)],
        "User": ["name": QueryFieldShape(typeName: "String", isList: false)],
    ]

    func rootTypeName(for operation: OperationType) -> String? {
        switch operation {
        case .query: "Query"
        case .mutation: "Mutation"
        case .subscription: nil
        }
    }

    func fieldShape(typeName: String, fieldName: String) -> QueryFieldShape? {
        fields[typeName]?[fieldName]
    }
}

@Suite struct QueryLimitsTests {
    let shapes = PipelineCampaignShapes()

    func measure(_ text: String, variables: JSONObject? = nil, limits: QueryLimits = .standard) throws -> QueryMeasurements? {
        limits.measure(try PipelineTestParsing.parse(text), variables: variables, schema: shapes)
    }

    func violations(_ text: String, _ limits: QueryLimits, variables: JSONObject? = nil) throws -> [GraphQLError] {
        limits.violations(in: try PipelineTestParsing.parse(text), variables: variables, schema: shapes)
    }

    // MARK: depth

    @Test func depthCountsNestedFieldLevelsThroughFragments() throws {
        let text = """
            { campaigns { units { ...U } } }
            fragment U on Unit { creatives { id } }
            """
        #expect(try measure(text)?.depth == 4)
    }

    @Test func depthAtTheLimitPassesAndBeyondFails() throws {
        let text = "{ campaign { owner { name } } }"
        #expect(try violations(text, QueryLimits(maxDepth: 3)) == [])
        let errors = try violations(text, QueryLimits(maxDepth: 2))
        #expect(errors.count == 1)
        #expect(errors.first?.message == "Query is 3 levels deep; the maximum depth is 2.")
        #expect(errors.first?.code == "QUERY_TOO_DEEP")
        #expect(errors.first?.locations == [SourceLocation(line: 1, column: 1)])
        #expect(errors.first?.extensions["limit"] == .int(2))
        #expect(errors.first?.extensions["found"] == .int(3))
    }

    // MARK: aliases

    @Test func aliasesAreCountedWithFragmentsExpanded() throws {
        let text = """
            query Q { a: campaign { ...C } b: campaign { ...C } version }
            fragment C on Campaign { first: name second: name id }
            """
        #expect(try measure(text)?.aliases == 6)
        #expect(try violations(text, QueryLimits(maxAliases: 6)) == [])
        let errors = try violations(text, QueryLimits(maxAliases: 5))
        #expect(errors.map(\.message) == ["Query uses 6 aliases; at most 5 are allowed."])
        #expect(errors.map(\.code) == ["TOO_MANY_ALIASES"])
        #expect(errors.first?.locations == [SourceLocation(line: 1, column: 1)])
    }

    // MARK: root fields

    @Test func rootFieldsIncludeFieldsFromRootFragments() throws {
        let text = """
            query Q { version ...Root ... on Query { c: campaign { id } } }
            fragment Root on Query { campaigns { id } campaign { id } }
            """
        #expect(try measure(text)?.rootFields == 4)
        #expect(try violations(text, QueryLimits(maxRootFields: 4)) == [])
        let errors = try violations(text, QueryLimits(maxRootFields: 3))
        #expect(errors.map(\.message) == ["Query selects 4 root fields; at most 3 are allowed."])
        #expect(errors.map(\.code) == ["TOO_MANY_ROOT_FIELDS"])
    }

    // MARK: cost

    @Test func listFieldsMultiplyTheirChildrenByTheirSizeArgument() throws {
        // campaigns: 1 + 5 × (id 1 + units (1 + 3 × id 1) + tags 1) = 1 + 5 × 6 = 31
        let text = "{ campaigns(first: 5) { id units { id } tags } }"
        #expect(try measure(text, limits: QueryLimits(defaultListSize: 3))?.cost == 31)
        #expect(try violations(text, QueryLimits(maxCost: 31, defaultListSize: 3)) == [])
        let errors = try violations(text, QueryLimits(maxCost: 30, defaultListSize: 3))
        #expect(errors.map(\.message) == ["Query costs 31; the maximum cost is 30."])
        #expect(errors.map(\.code) == ["QUERY_TOO_COMPLEX"])
    }

    @Test func sizeArgumentsMayComeFromVariablesOrTheirDefaults() throws {
        let text = "query Q($n: Int = 4) { campaigns(last: $n) { id } }"
        #expect(try measure(text)?.cost == 5)
        #expect(try measure(text, variables: JSONObject([("n", .int(100))]))?.cost == 101)
        // An explicit null is not a size: the default list size applies.
        #expect(try measure(text, variables: JSONObject([("n", .null)]), limits: QueryLimits(defaultListSize: 7))?.cost == 8)
    }

    @Test func withoutASchemaOnlyFieldsWithASizeArgumentCountAsLists() throws {
        let document = try PipelineTestParsing.parse("{ a(limit: 10) { b c } d { e } }")
        #expect(QueryLimits.standard.measure(document)?.cost == 1 + 10 * 2 + 2)
    }

    @Test func everyExceededLimitIsReportedInOrder() throws {
        let text = "{ a: campaigns(first: 50) { units { creatives { id } } } b: version }"
        let errors = try violations(text, QueryLimits(maxDepth: 3, maxAliases: 1, maxRootFields: 1, maxCost: 100))
        #expect(errors.map(\.code) == ["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_ROOT_FIELDS", "QUERY_TOO_COMPLEX"])
    }

    @Test func theOperationNamedIsTheOneMeasured() throws {
        let document = try PipelineTestParsing.parse("query A { version } query B { campaign { owner { name } } }")
        #expect(QueryLimits.standard.measure(document, operationName: "B", schema: shapes)?.depth == 3)
        #expect(QueryLimits.standard.measure(document, operationName: "A", schema: shapes)?.depth == 1)
        #expect(QueryLimits.standard.measure(document, schema: shapes) == nil)
        #expect(QueryLimits(maxDepth: 1).violations(in: document, schema: shapes) == [])
    }

    // MARK: the standard introspection query and abusive documents

    @Test func theStandardIntrospectionQueryPassesTheDefaultLimits() throws {
        let document = try PipelineTestParsing.parse(fullIntrospectionQuery)
        let measured = QueryLimits.standard.measure(document, schema: shapes)
        #expect(measured == QueryMeasurements(depth: 15, aliases: 0, rootFields: 1, cost: 51_863))
        #expect(QueryLimits.standard.violations(in: document, schema: shapes) == [])
    }

    @Test func aFragmentExplosionFailsFast() throws {
        // Each fragment spreads the next twice: the expansion has 2^60 fields, the text 60 lines.
        var text = "{ ...F0 }\n"
        for level in 0..<60 {
            text += "fragment F\(level) on Query { ...F\(level + 1) ...F\(level + 1) }\n"
        }
        text += "fragment F60 on Query { campaigns { id } }\n"
        let document = try PipelineTestParsing.parse(text)
        let clock = ContinuousClock()
        var errors: [GraphQLError] = []
        let elapsed = clock.measure {
            errors = QueryLimits.standard.violations(in: document, schema: shapes)
        }
        #expect(errors.map(\.code) == ["TOO_MANY_ROOT_FIELDS", "QUERY_TOO_COMPLEX"])
        #expect(errors.last?.message == "Query costs more than 9223372036854775806; the maximum cost is 100000.")
        #expect(errors.first?.message == "Query selects 1152921504606846976 root fields; at most 30 are allowed.")
        #expect(elapsed < .milliseconds(200))
    }

    @Test func aFragmentThatSpreadsItselfDoesNotLoop() throws {
        let document = try PipelineTestParsing.parse("{ ...A } fragment A on Query { version ...A }")
        #expect(QueryLimits.standard.measure(document, schema: shapes) == QueryMeasurements(depth: 1, aliases: 0, rootFields: 1, cost: 1))
    }
}
