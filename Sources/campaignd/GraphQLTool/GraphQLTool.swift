import GraphQL

/// `campaignd graphql …`: schema and document tooling for users and their tools.
///
/// Every subcommand prints JSON (or SDL) on standard output, exits 1 when the output reports
/// errors, and exits 2 with a one-line message on standard error when it was used wrongly.
enum GraphQLTool {
    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else {
            FileHandleOutput.standardError("campaignd graphql: missing subcommand (see campaignd graphql --help)\n")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "--help", "-h", "help":
                FileHandleOutput.standardOutput(usage)
                return 0
            case "validate": return try ValidateCommand.run(rest)
            case "execute": return try ExecuteCommand.run(rest)
            case "print-schema": return try PrintSchemaCommand.run(rest)
            case "diff": return try DiffCommand.run(rest)
            case "introspect": return try IntrospectCommand.run(rest)
            case "bench": return try BenchCommand.run(rest)
            default:
                throw UsageError(message: "campaignd graphql: unknown subcommand \(command) (see campaignd graphql --help)")
            }
        } catch let error as UsageError {
            FileHandleOutput.standardError(error.message + "\n")
            return 2
        } catch let error as ReportedErrors {
            FileHandleOutput.standardOutput(errorsJSON(error.errors))
            return 1
        } catch {
            FileHandleOutput.standardError("campaignd graphql: \(error)\n")
            return 1
        }
    }

    static let usage = """
        usage: campaignd graphql <subcommand> [options]

        subcommands:
          validate       check a document against a schema; prints {"errors":[…]}
          execute        run a document against a schema over a JSON root value; prints the response
          print-schema   print a schema as canonical SDL (also from an introspection result)
          introspect     print a schema's introspection JSON, {"__schema": …}
          diff           the breaking and dangerous changes between two schemas; exits 1 on breaking ones
          bench          measure parse, validate, execute and serialize in nanoseconds per operation

        Run `campaignd graphql <subcommand> --help` for a subcommand's options.

        """
}
