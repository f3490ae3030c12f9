import GraphQL

/// `campaignd graphql execute`: runs a document against any SDL schema over a JSON root value.
enum ExecuteCommand {
    static let name = "campaignd graphql execute"

    static let usage = """
        usage: campaignd graphql execute --schema FILE --query FILE [--variables JSON] [--operation NAME] [--root FILE.json]

        Parses, validates and executes the document, every field read by name from the JSON root value
        (interfaces and unions resolve from each object's "__typename"), and prints the response.
        Exit status: 0 without errors, 1 when the response has errors, 2 bad usage.

          --schema FILE      the schema, in SDL
          --query FILE       the executable document
          --variables JSON   variable values, as a JSON object
          --operation NAME   the operation to run when the document has several
          --root FILE.json   the root value (default: null)

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(
            arguments, command: name, valued: ["schema", "query", "variables", "operation", "root"])
        if options.wantsHelp {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        let schemaPath = try options.required("schema", command: name)
        let queryPath = try options.required("query", command: name)
        let variables = try ToolInputs.variables(options.value("variables"), command: name)
        let rootValue = try ToolInputs.rootValue(at: options.value("root"), command: name)
        let schema = try ToolInputs.schema(at: schemaPath, command: name)
        let text = try ToolFiles.readText(queryPath, what: "query", command: name)

        let pipeline = GraphQLPipeline(
            schema: .readingByName(schema),
            configuration: GraphQLPipelineConfiguration(limits: .unlimited, documentCacheCapacity: 0))
        let response = pipeline.runSynchronously(
            query: text, variables: variables, operationName: options.value("operation"), rootValue: rootValue)
        FileHandleOutput.standardOutput(response.result.serialized() + "\n")
        return response.result.errors.isEmpty ? 0 : 1
    }
}
