import GraphQL

/// `campaignd graphql diff OLD NEW`: the breaking and dangerous changes between two versions of a schema, as
/// graphql-js's `findBreakingChanges` and `findDangerousChanges` name them, so a breaking API change cannot slip
/// in unnoticed.
enum DiffCommand {
    static let name = "campaignd graphql diff"

    static let usage = """
        usage: campaignd graphql diff OLD NEW

        Compares two schemas (SDL files) and prints every change that breaks clients of OLD (a type, field,
        argument or enum value removed, a type changed, an argument or input field required) and every dangerous
        one (an enum value or union member added, an optional argument added, a default changed), one per line:
          breaking FIELD_REMOVED Campaign.name was removed.
        Added types and fields and changed descriptions are safe and not printed.
        Exit status: 0 no breaking change, 1 breaking changes (or an invalid schema), 2 bad usage or missing file.

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        if let option = arguments.first(where: { $0.hasPrefix("-") }) {
            throw UsageError(message: "\(name): unknown option \(option) (see --help)")
        }
        guard arguments.count == 2 else { throw UsageError(message: "\(name): give the OLD and NEW schema files (see --help)") }
        let old = try ToolInputs.schema(at: arguments[0], command: name)
        let new = try ToolInputs.schema(at: arguments[1], command: name)
        let changes = findSchemaChanges(from: old, to: new)
        FileHandleOutput.standardOutput(changes.map { "\($0.severity.rawValue) \($0.type) \($0.description)\n" }.joined())
        return changes.contains { $0.severity == .breaking } ? 1 : 0
    }
}
