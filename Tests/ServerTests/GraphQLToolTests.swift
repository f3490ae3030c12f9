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

/// `introspect` prints what code generators read; `print-schema --from-introspection` reads it back, to the same SDL.
@Suite struct IntrospectionToolTests {
    func roundTrip(_ sdl: String) throws -> (direct: String, fromIntrospection: String, introspection: String) {
        let directory = try TestPaths.temporaryDirectory("introspect")
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("schema.graphql"), json = directory.appendingPathComponent("introspection.json")
        try sdl.write(to: schema, atomically: true, encoding: .utf8)
        let introspected = try runCommand(TestPaths.campaignd.path, ["graphql", "introspect", "--schema", schema.path])
        #expect(introspected.status == 0, "\(introspected.output)")
        try introspected.output.write(to: json, atomically: true, encoding: .utf8)
        let back = try runCommand(TestPaths.campaignd.path, ["graphql", "print-schema", "--from-introspection", json.path])
        #expect(back.status == 0, "\(back.output)")
        let direct = try runCommand(TestPaths.campaignd.path, ["graphql", "print-schema", "--schema", schema.path])
        return (direct.output, back.output, introspected.output)
    }

    @Test func theAPIsSchemaSurvivesIntrospectionUnchanged() throws {
        let sdl = try String(contentsOf: TestPaths.repository.appendingPathComponent("schema/schema.graphql"), encoding: .utf8)
        let result = try roundTrip(sdl)
        #expect(result.introspection.hasPrefix("{\n  \"__schema\": {"))
        #expect(result.fromIntrospection == result.direct)
        #expect(result.direct.contains("type Campaign implements Node"))
    }

    @Test func deprecationsDefaultsOneOfAndDirectivesSurviveToo() throws {
        let result = try roundTrip("""
            "A schema."
            schema { query: Root }
            "Where reads start."
            type Root { a(first: Int = 10 @deprecated(reason: "Use b."), "how" mode: Mode = FAST): [Item!]! @deprecated(reason: "Use b.") b: Int @tag(name: "x") }
            interface Item { id: ID! }
            type Thing implements Item { id: ID! }
            union Any = Thing
            enum Mode { FAST SLOW @deprecated }
            input By @oneOf { id: ID, name: String }
            scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
            "Tags a field."
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
            """)
        #expect(result.fromIntrospection == result.direct, "\(result.fromIntrospection)\n---\n\(result.direct)")
        #expect(result.direct.contains("@oneOf") && result.direct.contains("repeatable") && result.direct.contains("@specifiedBy"))
    }

    @Test func aFileWithoutSchemaIsRefused() throws {
        let directory = try TestPaths.temporaryDirectory("introspect-bad")
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("x.json")
        try #"{"data": {"nope": 1}}"#.write(to: json, atomically: true, encoding: .utf8)
        let result = try runCommand(TestPaths.campaignd.path, ["graphql", "print-schema", "--from-introspection", json.path])
        #expect(result.status == 1)
        #expect(result.output.contains("no \\\"__schema\\\" object"), "\(result.output)")
    }
}
