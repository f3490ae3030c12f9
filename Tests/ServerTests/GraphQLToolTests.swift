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

/// `campaignd graphql diff` in `make test`: the API's schema against its last released copy, and a removed field.
@Suite struct SchemaDiffToolTests {
    @Test func theAPIsSchemaHasNoBreakingChangeSinceItsLastRelease() throws {
        let released = TestPaths.repository.appendingPathComponent("schema/released/schema.graphql").path
        let current = TestPaths.repository.appendingPathComponent("schema/schema.graphql").path
        let result = try runCommand(TestPaths.campaignd.path, ["graphql", "diff", released, current])
        #expect(result.status == 0, "breaking changes since the released schema (keep the old field with @deprecated, or release): \(result.output)")
        #expect(!result.output.contains("breaking"))
    }

    @Test func aRemovedFieldIsBreakingAndExitsOne() throws {
        let directory = try TestPaths.temporaryDirectory("schema-diff")
        defer { try? FileManager.default.removeItem(at: directory) }
        let old = directory.appendingPathComponent("old.graphql"), new = directory.appendingPathComponent("new.graphql")
        try "type Query { a: Int, b: String }\nenum E { X }".write(to: old, atomically: true, encoding: .utf8)
        try "type Query { a: Int }\nenum E { X Y }".write(to: new, atomically: true, encoding: .utf8)
        let result = try runCommand(TestPaths.campaignd.path, ["graphql", "diff", old.path, new.path])
        #expect(result.status == 1)
        #expect(result.output == "breaking FIELD_REMOVED Query.b was removed.\ndangerous VALUE_ADDED_TO_ENUM Y was added to enum type E.\n")
        let reversed = try runCommand(TestPaths.campaignd.path, ["graphql", "diff", new.path, new.path])
        #expect(reversed.status == 0 && reversed.output.isEmpty)
        let usage = try runCommand(TestPaths.campaignd.path, ["graphql", "diff", old.path])
        #expect(usage.status == 2)
    }
}
