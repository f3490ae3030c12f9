import Foundation
import Testing
import TestSupport

/// `campaignd graphql …` end to end: the script checks each subcommand's exact output and exit status.
@Suite struct GraphQLToolTests {
    @Test func everySubcommandAnswersAsDocumented() throws {
        let script = TestPaths.repository.appendingPathComponent("bench/graphql/check_cli.sh").path
        let result = try runCommand("/bin/bash", [script, TestPaths.campaignd.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" 0 failed"), "\(result.output)")
    }

    @Test func printSchemaPrintsTheAPISchemaCanonically() throws {
        let schemaFile = TestPaths.repository.appendingPathComponent("schema/schema.graphql").path
        let result = try runCommand(TestPaths.campaignd.path, ["graphql", "print-schema", "--schema", schemaFile])
        #expect(result.status == 0)
        #expect(result.output.contains("type Organization implements Node {\n  id: ID!\n  name: String!\n  createdAt: DateTime!\n}"))
    }
}
