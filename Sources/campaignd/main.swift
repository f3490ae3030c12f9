import Foundation

let help = """
    usage: campaignd <command> [options]

    Commands:
      serve                       answer FastCGI requests from nginx
      migrate                     apply database migrations
      organizations create        create an organization and print its API key
      simulate                    serve the simulated Google Ads and Meta APIs (for local runs and tests)
      graphql                     validate, execute, print and benchmark GraphQL documents
      worker                      run background jobs (metrics sync, token refresh, ...) and the scheduler
      jobs                        show the job queue: counts by kind and state, latest failures

    Run `campaignd <command> --help` for a command's options.

    \(Configuration.environmentHelp)
    """

let arguments = Array(CommandLine.arguments.dropFirst())
let rest = Array(arguments.dropFirst())
do {
    let status: Int32
    switch arguments.first {
    case "serve": status = try ServeCommand.run(rest)
    case "migrate": status = try MigrateCommand.run(rest)
    case "organizations": status = try OrganizationsCommand.run(rest)
    case "simulate": status = try SimulateCommand.run(rest)
    case "graphql": status = GraphQLTool.run(rest)
    case "worker": status = try WorkerCommand.run(rest)
    case "jobs": status = try JobsCommand.run(rest)
    case "--help", "-h", "help":
        FileHandleOutput.standardOutput(help + "\n")
        status = 0
    case nil:
        FileHandleOutput.standardError(help + "\n")
        status = 2
    case let command?:
        throw UsageError("unknown command \"\(command)\"; see campaignd --help")
    }
    exit(status)
} catch let error as UsageError {
    FileHandleOutput.standardError("campaignd: \(error.description)\n")
    exit(2)
} catch {
    FileHandleOutput.standardError("campaignd: \(error)\n")
    exit(1)
}
