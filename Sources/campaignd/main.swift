import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "graphql":
    exit(GraphQLTool.run(Array(arguments.dropFirst())))
default:
    FileHandleOutput.standardError("usage: campaignd <command>\n")
    exit(2)
}
