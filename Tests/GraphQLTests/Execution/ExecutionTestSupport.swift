@testable import GraphQL
import Synchronization

/// Builds a schema from SDL for execution tests.
func executionTestSchema(_ sdl: String) throws -> GraphQLSchema {
    try buildSchema(sdl: sdl)
}

/// Executes `query` synchronously and returns the response text.
func runSync(
    _ executable: ExecutableSchema, _ query: String, variables: JSONObject = JSONObject(),
    operationName: String? = nil, root: ResolvedValue = .null, context: any Sendable = EmptyContext(),
    options: ExecutionOptions = ExecutionOptions()
) throws -> String {
    let document = try parse(query)
    return executable.executeSynchronously(
        document: document, operationName: operationName, variables: variables, context: context, rootValue: root,
        options: options
    ).serialized()
}

/// Executes `query` with the async executor and returns the response text.
func runAsync(
    _ executable: ExecutableSchema, _ query: String, variables: JSONObject = JSONObject(),
    operationName: String? = nil, root: ResolvedValue = .null, context: any Sendable = EmptyContext(),
    options: ExecutionOptions = ExecutionOptions()
) async throws -> String {
    let document = try parse(query)
    return await executable.execute(
        document: document, operationName: operationName, variables: variables, context: context, rootValue: root,
        options: options
    ).serialized()
}

/// A schema whose fields all read from a JSON root.
func jsonSchema(_ sdl: String) throws -> ExecutableSchema {
    ExecutableSchema.readingByName(try executionTestSchema(sdl))
}

/// Records calls from concurrently running resolvers.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

/// The string inside a JSON string value.
func stringArgument(_ value: JSON?) -> String? {
    if case .string(let string)? = value { return string }
    return nil
}
