import GraphQL

/// `campaignd graphql introspect`: the introspection JSON code generators read, without a running server.
enum IntrospectCommand {
    static let name = "campaignd graphql introspect"

    static let usage = """
        usage: campaignd graphql introspect [--schema FILE]

        Runs the standard introspection query against the schema and prints its data, {"__schema": {…}}: what code
        generators (graphql-codegen, Apollo's) read. print-schema --from-introspection turns it back into SDL.
        Without --schema, reads \(PrintSchemaCommand.defaultPath) relative to the current directory.
        Exit status: 0 printed, 1 invalid schema (errors as JSON), 2 bad usage or missing file.

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: name, valued: ["schema"])
        if options.wantsHelp {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        let schema = try ToolInputs.schema(at: options.value("schema") ?? PrintSchemaCommand.defaultPath, command: name)
        let pipeline = GraphQLPipeline(
            schema: .readingByName(schema), configuration: GraphQLPipelineConfiguration(limits: .unlimited, documentCacheCapacity: 0))
        let result = pipeline.runSynchronously(query: introspectionQuery).result
        guard result.errors.isEmpty, let data = result.data else { throw ReportedErrors(errors: result.errors) }
        FileHandleOutput.standardOutput(data.serialized(pretty: true) + "\n")
        return 0
    }
}
