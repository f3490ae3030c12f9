import GraphQL

/// `campaignd graphql bench`: nanoseconds per operation for each step of serving a document.
enum BenchCommand {
    static let name = "campaignd graphql bench"

    static let usage = """
        usage: campaignd graphql bench --schema FILE --query FILE [--root FILE.json] [--variables JSON] [--seconds N]

        Measures, in nanoseconds per operation, each repeated for about N seconds after a warm-up:
          parse       text → document
          validate    document → errors, with the specified rules
          execute     execution over the JSON root (default resolvers) plus serializing the response
          serialize   serializing the already-executed response alone
          pipeline    a whole cached request: text → response bytes through GraphQLPipeline
        Prints one JSON object with these numbers, the response size in bytes and the document's
        measures as the default QueryLimits see them (depth, aliases, root fields, cost).
        Exit status: 0 measured, 1 the document fails to parse, validate or execute, 2 bad usage.

          --schema FILE      the schema, in SDL
          --query FILE       the executable document
          --root FILE.json   the root value (default: null)
          --variables JSON   variable values, as a JSON object
          --seconds N        time per measurement (default 1)

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(
            arguments, command: name, valued: ["schema", "query", "root", "variables", "seconds"])
        if options.wantsHelp {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        let schemaPath = try options.required("schema", command: name)
        let queryPath = try options.required("query", command: name)
        let variables = try ToolInputs.variables(options.value("variables"), command: name) ?? JSONObject()
        let rootValue = try ToolInputs.rootValue(at: options.value("root"), command: name)
        var seconds = 1.0
        if let text = options.value("seconds") {
            guard let value = Double(text), value > 0, value.isFinite else {
                throw UsageError(message: "\(name): --seconds must be a positive number")
            }
            seconds = value
        }
        let schema = try ToolInputs.schema(at: schemaPath, command: name)
        let text = try ToolFiles.readText(queryPath, what: "query", command: name)

        let document: Document
        do { document = try parse(text) } catch { throw ReportedErrors(errors: [error]) }
        let validationErrors = validate(schema: schema, document: document)
        if !validationErrors.isEmpty { throw ReportedErrors(errors: validationErrors) }
        let executable = ExecutableSchema.readingByName(schema)
        let result = executable.executeSynchronously(document: document, variables: variables, rootValue: rootValue)
        if !result.errors.isEmpty { throw ReportedErrors(errors: result.errors) }
        let pipeline = GraphQLPipeline(
            schema: executable, configuration: GraphQLPipelineConfiguration(limits: .unlimited, documentCacheCapacity: 16))

        let timer = BenchTimer(seconds: seconds)
        let parseTime = timer.nanosecondsPerOperation { blackHole(try? parse(text)) }
        let validateTime = timer.nanosecondsPerOperation { blackHole(validate(schema: schema, document: document)) }
        let executeTime = timer.nanosecondsPerOperation {
            blackHole(
                executable.executeSynchronously(document: document, variables: variables, rootValue: rootValue)
                    .serializedBytes())
        }
        let serializeTime = timer.nanosecondsPerOperation { blackHole(result.serializedBytes()) }
        let pipelineTime = timer.nanosecondsPerOperation {
            blackHole(pipeline.runSynchronously(query: text, variables: variables, rootValue: rootValue).serializedBytes())
        }

        let measured = QueryLimits.standard.measure(document, variables: variables, schema: schema)
        let shape: JSON = measured.map {
            .object(
                JSONObject([
                    ("depth", .int($0.depth)), ("aliases", .int($0.aliases)), ("rootFields", .int($0.rootFields)),
                    ("cost", .int($0.cost)),
                ]))
        } ?? .null
        let report = JSONObject([
            ("document", .string(queryPath.split(separator: "/").last.map(String.init) ?? queryPath)),
            ("parse", .double(parseTime.rounded())),
            ("validate", .double(validateTime.rounded())),
            ("execute", .double(executeTime.rounded())),
            ("serialize", .double(serializeTime.rounded())),
            ("pipeline", .double(pipelineTime.rounded())),
            ("responseBytes", .int(result.serializedBytes().count)),
            ("unit", .string("ns/op")),
            ("limitsMeasure", shape),
        ])
        FileHandleOutput.standardOutput(JSON.object(report).serialized() + "\n")
        return 0
    }
}
