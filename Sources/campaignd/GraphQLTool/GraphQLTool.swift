/// `campaignd graphql …`: schema and document tooling for users and their tools.
enum GraphQLTool {
    static func run(_ arguments: [String]) -> Int32 {
        FileHandleOutput.standardError("campaignd graphql: not built yet\n")
        return 2
    }
}
