import Campaigns
import GraphQL

/// A domain refusal whose `extensions.field` names a field as the domain knows it (`name`, `budget.amount`),
/// which the API names by its path under the operation's input object.
protocol InputFieldRefusal: GraphQLErrorConvertible {}

extension CampaignError: InputFieldRefusal {}
extension AudienceError: InputFieldRefusal {}
extension AutomationRuleError: InputFieldRefusal {}
extension MediaError: InputFieldRefusal {}

/// Runs `body`, naming the fields of the domain refusals it throws by their path under the argument `argument`
/// (`name` → `input.name`). Other errors, the API's own with their full path among them, pass unchanged.
func withinInput<T>(_ argument: String = "input", _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as any InputFieldRefusal {
        guard case .string(let field)? = error.graphQLExtensions["field"] else { throw error }
        var extensions = error.graphQLExtensions
        extensions["field"] = .string("\(argument).\(field)")
        throw UserError(error.graphQLMessage, code: error.graphQLCode, extensions: extensions)
    }
}
