import GraphQL

/// Reading the schema, documents, variables and root values the subcommands take.
enum ToolInputs {
    /// Builds the schema in `path`; an invalid schema is reported as GraphQL errors.
    static func schema(at path: String, command: String) throws -> GraphQLSchema {
        let sdl = try ToolFiles.readText(path, what: "schema", command: command)
        do {
            return try buildSchema(sdl: sdl)
        } catch {
            throw ReportedErrors(errors: error.errors)
        }
    }

    /// The `--variables` option: a JSON object given inline.
    static func variables(_ text: String?, command: String) throws(UsageError) -> JSONObject? {
        guard let text else { return nil }
        let value: JSON
        do { value = try JSON.parse(text) } catch {
            throw UsageError(message: "\(command): --variables is not valid JSON: \(error.description)")
        }
        guard case .object(let object) = value else {
            throw UsageError(message: "\(command): --variables must be a JSON object")
        }
        return object
    }

    /// The `--root` option: a JSON file whose value is the parent of the root fields.
    static func rootValue(at path: String?, command: String) throws(UsageError) -> ResolvedValue {
        guard let path else { return .null }
        let text = try ToolFiles.readText(path, what: "root value", command: command)
        do { return .json(try JSON.parse(text)) } catch {
            throw UsageError(message: "\(command): root value file \(path) is not valid JSON: \(error.description)")
        }
    }
}
