import GraphQL

/// `campaignd graphql print-schema`: a schema file as canonical SDL.
enum PrintSchemaCommand {
    static let name = "campaignd graphql print-schema"
    static let defaultPath = "schema/schema.graphql"

    static let usage = """
        usage: campaignd graphql print-schema [--schema FILE | --from-introspection FILE]

        Builds the schema and prints it as canonical SDL (graphql-js printSchema).
        Without --schema, reads \(defaultPath) relative to the current directory.
        Exit status: 0 printed, 1 invalid schema (errors as JSON), 2 bad usage or missing file.

          --schema FILE               the schema, in SDL
          --from-introspection FILE   an introspection result ({"__schema": …}, or {"data": {"__schema": …}}), as
                                      `introspect` prints it or a server answers the introspection query

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: name, valued: ["schema", "from-introspection"])
        if options.wantsHelp {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        if let path = options.value("from-introspection") {
            guard options.value("schema") == nil else { throw UsageError(message: "\(name): give --schema or --from-introspection, not both") }
            let text = try ToolFiles.readText(path, what: "introspection result", command: name)
            let json: JSON
            do { json = try JSON.parse(text) } catch {
                throw UsageError(message: "\(name): \(path) is not valid JSON: \(error.description)")
            }
            do {
                FileHandleOutput.standardOutput(printSchema(try buildSchema(introspection: json)) + "\n")
            } catch {
                throw ReportedErrors(errors: error.errors)
            }
            return 0
        }
        let path = options.value("schema") ?? defaultPath
        if options.value("schema") == nil, !ToolFiles.exists(path) {
            throw UsageError(
                message: "\(name): no schema file \(path) in the current directory; pass --schema FILE")
        }
        let schema = try ToolInputs.schema(at: path, command: name)
        FileHandleOutput.standardOutput(printSchema(schema) + "\n")
        return 0
    }
}
