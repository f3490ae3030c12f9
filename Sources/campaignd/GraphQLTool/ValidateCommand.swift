import GraphQL

/// `campaignd graphql validate`: syntax and validation errors of a document against a schema.
enum ValidateCommand {
    static let name = "campaignd graphql validate"

    static let usage = """
        usage: campaignd graphql validate --schema FILE --query FILE [--rule NAME]...

        Checks the document in --query against the SDL schema in --schema and prints
        {"errors":[{"message":…,"locations":[{"line":…,"column":…}]},…]}, or {"errors":[]} when it is valid.
        Syntax errors are reported the same way. Exit status: 0 valid, 1 errors, 2 bad usage.

          --schema FILE   the schema, in SDL
          --query FILE    the executable document to check
          --rule NAME     run only this rule (graphql-js name, e.g. FieldsOnCorrectTypeRule); repeatable. Also the
                          optional NoDeprecatedCustomRule and NoSchemaIntrospectionCustomRule

        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: name, valued: ["schema", "query", "rule"], repeatable: ["rule"])
        if options.wantsHelp {
            FileHandleOutput.standardOutput(usage)
            return 0
        }
        let schemaPath = try options.required("schema", command: name)
        let queryPath = try options.required("query", command: name)
        var rules = specifiedRules
        let ruleNames = options.all("rule")
        if !ruleNames.isEmpty {
            rules = try ruleNames.map { ruleName throws(UsageError) in
                guard let rule = ValidationRule.named(ruleName) else {
                    throw UsageError(message: "\(name): unknown rule \(ruleName)")
                }
                return rule
            }
        }
        let schema = try ToolInputs.schema(at: schemaPath, command: name)
        let text = try ToolFiles.readText(queryPath, what: "query", command: name)
        let errors: [GraphQLError]
        do {
            errors = validate(schema: schema, document: try parse(text), rules: rules)
        } catch {
            errors = [error]
        }
        FileHandleOutput.standardOutput(GraphQLTool.errorsJSON(errors))
        return errors.isEmpty ? 0 : 1
    }
}
