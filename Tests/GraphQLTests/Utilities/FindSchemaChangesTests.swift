import Testing
@testable import GraphQL

/// Breaking and dangerous changes between two schemas, named as graphql-js names them.
@Suite struct FindSchemaChangesTests {
    static let old = """
        type Query { campaign(id: ID!, first: Int = 10): Campaign, node: Node, results: Result, count: Int!, tags: [String] }
        interface Node { id: ID! }
        type Campaign implements Node { id: ID! name: String! status: Status budget: Float }
        type Audience { id: ID! }
        union Result = Campaign | Audience
        enum Status { LIVE PAUSED DRAFT }
        input Filter { status: Status! name: String }
        type Gone { id: ID }
        directive @tag(name: String) repeatable on FIELD_DEFINITION
        """

    func changes(_ new: String) throws -> [String] {
        try findSchemaChanges(from: buildSchema(sdl: Self.old), to: buildSchema(sdl: new)).map { "\($0.severity.rawValue) \($0.type)" }
    }

    @Test func eachKindOfChangeIsClassified() throws {
        let new = """
            type Query { campaign(id: ID, first: Int = 20, mode: String!, extra: Int): Campaign, node: Node, results: Result, count: Int, tags: [String]! }
            interface Node { id: ID! }
            interface Named { name: String }
            type Campaign implements Node & Named { id: ID! name: String status: Status budget: Float! }
            type Audience { id: ID! }
            type Unit { id: ID! }
            union Result = Campaign | Unit
            enum Status { LIVE PAUSED COMPLETED }
            input Filter { status: Status name: String, owner: String!, note: String }
            directive @tag on FIELD_DEFINITION
            """
        #expect(try changes(new) == [
            "breaking REQUIRED_ARG_ADDED",              // campaign(mode: String!)
            "breaking FIELD_CHANGED_KIND",              // Query.count Int! to Int
            "breaking FIELD_CHANGED_KIND",              // Campaign.name String! to String
            "breaking TYPE_REMOVED_FROM_UNION",         // Audience
            "breaking VALUE_REMOVED_FROM_ENUM",         // DRAFT
            "breaking REQUIRED_INPUT_FIELD_ADDED",      // Filter.owner
            "breaking TYPE_REMOVED",                    // Gone
            "breaking DIRECTIVE_ARG_REMOVED",           // @tag(name:)
            "breaking DIRECTIVE_REPEATABLE_REMOVED",
            "dangerous ARG_DEFAULT_VALUE_CHANGE",       // first: 10 to 20
            "dangerous OPTIONAL_ARG_ADDED",             // extra
            "dangerous IMPLEMENTED_INTERFACE_ADDED",    // Named
            "dangerous TYPE_ADDED_TO_UNION",            // Unit
            "dangerous VALUE_ADDED_TO_ENUM",            // COMPLETED
            "dangerous OPTIONAL_INPUT_FIELD_ADDED",     // Filter.note
        ])
    }

    @Test func addingTypesAndFieldsAndWideningWhatIsSafeIsNotReported() throws {
        // A new type and field, an output made non-null, an argument and input field made nullable: all safe.
        let new = Self.old
            .replacingOccurrences(of: "budget: Float }", with: "budget: Float! spend: Float }")
            .replacingOccurrences(of: "campaign(id: ID!", with: "campaign(id: ID")
            .replacingOccurrences(of: "input Filter { status: Status!", with: "input Filter { status: Status")
            + "\ntype Extra { id: ID }"
        #expect(try changes(new) == [])
        #expect(try changes(Self.old) == [])
    }
}
