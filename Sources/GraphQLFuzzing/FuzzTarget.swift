import GraphQL

/// One fuzz input through the engine the way a request goes through it, checking what must hold for any input:
/// nothing crashes, hangs or grows without bound, and a document that parses prints to text that parses to the
/// same printed form. The first byte picks the entry point, so one corpus covers them all.
public enum FuzzTarget {
    /// The entry points, by the input's first byte modulo their count.
    enum Entry: UInt8, CaseIterable {
        /// A GraphQL-over-HTTP JSON body: parsed, then its `query`, `variables` and `operationName` run.
        case requestBody
        /// An executable document run against the fuzz schema.
        case document
        /// Type-system language, built into a schema and printed.
        case schemaDefinition
        /// A value literal and a type reference.
        case valueAndType
    }

    /// A schema with every kind of type, so validation and coercion have something to check.
    static let schemaSDL = """
        schema { query: Query mutation: Mutation }
        interface Node { id: ID! }
        type Query { node(id: ID!): Node, campaigns(first: Int = 10, after: String, filter: Filter): [Campaign!]!,
          search(text: String!, kinds: [Kind!]): [Result!], echo(value: Input): String, version: String }
        type Mutation { rename(id: ID!, name: String!): Campaign }
        type Campaign implements Node { id: ID!, name: String!, status: Kind, units(first: Int): [Unit!]!, budget: Float }
        type Unit implements Node { id: ID!, name: String, campaign: Campaign }
        union Result = Campaign | Unit
        enum Kind { DRAFT LIVE PAUSED }
        input Filter { status: Kind, ids: [ID!], nested: Filter }
        input Input @oneOf { text: String, number: Int, list: [Input] }
        """

    static let pipeline: GraphQLPipeline = {
        // The schema is fixed and valid: failing here is a bug in the target, not a finding.
        let schema = try! buildSchema(sdl: schemaSDL)
        var resolvers = Resolvers()
        resolvers.useDefaultResolversForAllTypes()
        resolvers.resolveType("Node") { _, _ in "Campaign" }
        resolvers.resolveType("Result") { _, _ in "Unit" }
        let executable = try! ExecutableSchema(schema: schema, resolvers: resolvers)
        return GraphQLPipeline(schema: executable, configuration: GraphQLPipelineConfiguration(documentCacheCapacity: 0))
    }()

    static let root = ResolvedValue.json(try! JSON.parse(#"""
        {"version": "1", "campaigns": [{"id": "c1", "name": "Spring", "status": "LIVE", "budget": 1.5,
          "units": [{"id": "u1", "name": "A"}, {"id": "u2", "name": null}]}],
         "node": {"id": "c1", "name": "Spring", "units": []}, "search": [{"id": "u1"}], "echo": "x"}
        """#))

    /// Runs one input; a violated invariant stops the process (the fuzzer records the input as a crash).
    public static func run(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let rest = Array(bytes.dropFirst())
        switch Entry(rawValue: first % UInt8(Entry.allCases.count))! {
        case .requestBody: runRequestBody(rest)
        case .document: runDocument(String(decoding: rest, as: UTF8.self), variables: nil, operationName: nil)
        case .schemaDefinition: runSchemaDefinition(String(decoding: rest, as: UTF8.self))
        case .valueAndType: runValueAndType(String(decoding: rest, as: UTF8.self))
        }
    }

    public static func run(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { run($0) }
    }

    static func runRequestBody(_ body: [UInt8]) {
        guard case .object(let fields)? = try? JSON.parse(body) else { return }
        guard case .string(let query)? = fields["query"] else { return }
        var variables: JSONObject?
        if case .object(let object)? = fields["variables"] { variables = object }
        var operationName: String?
        if case .string(let name)? = fields["operationName"] { operationName = name }
        runDocument(query, variables: variables, operationName: operationName)
    }

    static func runDocument(_ text: String, variables: JSONObject?, operationName: String?) {
        if let document = try? parse(text) { checkPrintRoundTrip(document) }
        let response = pipeline.runSynchronously(query: text, variables: variables, operationName: operationName, rootValue: root)
        let bytes = response.serializedBytes()
        precondition(bytes.first == UInt8(ascii: "{") && bytes.last == UInt8(ascii: "}"), "a response is a JSON object")
        precondition((try? JSON.parse(bytes)) != nil, "the response is valid JSON")
    }

    static func runSchemaDefinition(_ text: String) {
        guard let document = try? parse(text) else { return }
        checkPrintRoundTrip(document)
        guard let schema = try? buildSchema(document: document) else { return }
        let printed = printSchema(schema)
        precondition((try? buildSchema(sdl: printed)) != nil, "a built schema's SDL builds again")
    }

    static func runValueAndType(_ text: String) {
        if let value = try? parseValue(text) {
            let printed = print(value)
            precondition((try? parseValue(printed)).map(print) == printed, "a printed value parses to itself")
        }
        if let type = try? parseType(text) {
            let printed = print(type)
            precondition((try? parseType(printed)).map(print) == printed, "a printed type parses to itself")
        }
    }

    /// Printing is a fixed point after one round: print(parse(print(d))) == print(d).
    static func checkPrintRoundTrip(_ document: Document) {
        let printed = print(document)
        guard let reparsed = try? parse(printed, options: ParseOptions(maxTokens: .max)) else {
            preconditionFailure("the printed document parses: \(printed.prefix(200))")
        }
        precondition(print(reparsed) == printed, "printing is stable")
    }
}
