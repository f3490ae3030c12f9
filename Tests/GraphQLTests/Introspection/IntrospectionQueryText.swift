import Foundation

/// The query graphql-js `getIntrospectionQuery({ descriptions: true, specifiedByUrl: true,
/// directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true })` produces,
/// kept once in the repository (bench/graphql/introspection.graphql) for the tests and the benchmark.
let fullIntrospectionQuery: String = {
    let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = repository.appendingPathComponent("bench/graphql/introspection.graphql")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { fatalError("cannot read \(file.path)") }
    return text
}()
