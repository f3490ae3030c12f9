import Campaigns
import GraphQL

/// Which of `InputLimits` bounds each string and list argument of the API, by field (`Mutation.createAudience`)
/// and argument path (`input.locations`). Strings and lists not listed get `InputLimits.otherText` and
/// `otherList`, so no argument is unbounded. Every string, listed or not, is refused when it holds NUL.
///
/// Mutations are checked by ``Resolvers/mutation(_:_:)`` and ``Resolvers/platformMutation(_:_:)`` before their
/// savepoint (nothing is read or written for a refused value); a query field with free text or lists calls
/// ``check(_:)`` first. A new input field with its own limit adds a line here (and in schema.graphql's
/// description and the README's table).
enum ArgumentLimits {
    enum Bound: Sendable {
        case text(TextLimit)
        case list(ListLimit)
        /// Bounded elsewhere: `uploadMedia`'s base64 by the configured media size (and the body limit); NUL is
        /// still refused.
        case checkedByService
    }

    static let byField: [String: [String: Bound]] = {
        let audience: [String: Bound] = [
            "input.name": .text(InputLimits.name), "input.locations": .list(InputLimits.locations),
            "input.interests": .list(InputLimits.interests),
        ]
        let creative: [String: Bound] = [
            "input.headline": .text(InputLimits.headline), "input.description": .text(InputLimits.description),
            "input.headlines": .list(InputLimits.headlines), "input.descriptions": .list(InputLimits.descriptions),
            "input.mediaUrl": .text(InputLimits.url), "input.landingUrl": .text(InputLimits.url),
        ]
        return [
            "Mutation.createAudience": audience,
            "Mutation.updateAudience": audience,
            "Mutation.createCampaign": ["input.name": .text(InputLimits.name)],
            "Mutation.updateCampaign": ["input.name": .text(InputLimits.name)],
            "Mutation.createCampaignUnit": ["input.name": .text(InputLimits.name)],
            "Mutation.createAdCreative": creative,
            "Mutation.reviseAdCreative": creative,
            "Mutation.setAdAccountEUTransparency": ["beneficiary": .text(InputLimits.name), "payor": .text(InputLimits.name)],
            "Mutation.uploadMedia": ["input.filename": .text(InputLimits.filename), "input.dataBase64": .checkedByService],
            "Mutation.startOAuth": ["redirectUri": .text(InputLimits.url)],
            "Mutation.completeOAuth": ["code": .text(InputLimits.oauthParameter), "state": .text(InputLimits.oauthParameter)],
            "Query.adPreview": creative.merging(["input.advertiserName": .text(InputLimits.name)]) { _, new in new },
            "Campaign.metrics": ["keys": .list(InputLimits.metricKeys)],
            "Mutation.createAutomationRule": ["input.name": .text(InputLimits.ruleName)],
            "Mutation.updateAutomationRule": ["input.name": .text(InputLimits.ruleName)],
        ]
    }()

    /// Refuses the first argument value past its bound, or holding NUL, as `BAD_USER_INPUT` naming its path.
    static func check(_ context: some ResolverContext) throws(InputLimitViolation) {
        try check(context.arguments, of: context.info.parentType.name + "." + context.info.fieldName)
    }

    static func check(_ arguments: JSONObject, of coordinate: String) throws(InputLimitViolation) {
        let bounds = byField[coordinate] ?? [:]
        for (name, value) in arguments.entries {
            try check(value, path: name, bounds: bounds)
        }
    }

    private static func check(_ value: JSON, path: String, bounds: [String: Bound]) throws(InputLimitViolation) {
        switch value {
        case .string(let text):
            switch bounds[path] {
            case .text(let limit)?: try limit.check(text, field: path)
            case .list(let limit)?: try limit.entry.check(text, field: path)
            case .checkedByService?: try refuseNUL(text, field: path)
            case nil: try InputLimits.otherText.check(text, field: path)
            }
        case .array(let values):
            let limit: ListLimit
            if case .list(let listed)? = bounds[path] { limit = listed } else { limit = InputLimits.otherList }
            if let violation = limit.countViolation(values.count, field: path) { throw violation }
            for (index, entry) in values.enumerated() {
                if case .string(let text) = entry {
                    if let violation = limit.entry.violation(of: text, field: path, entry: index) { throw violation }
                } else {
                    try check(entry, path: path, bounds: bounds)
                }
            }
        case .object(let fields):
            for (key, field) in fields.entries {
                try check(field, path: path + "." + key, bounds: bounds)
            }
        default:
            break
        }
    }

    private static func refuseNUL(_ text: String, field: String) throws(InputLimitViolation) {
        if text.utf8.contains(0) {
            throw InputLimitViolation(field: field, message: "\(field) must not contain the NUL character (U+0000).")
        }
    }
}

/// A refused value reaches the client as `BAD_USER_INPUT` with the input path in `extensions.field`.
extension InputLimitViolation: GraphQLErrorConvertible {
    public var graphQLMessage: String { message }
    public var graphQLCode: String { APIErrorCode.badUserInput.rawValue }
    public var graphQLExtensions: JSONObject { JSONObject([("field", .string(field))]) }
}
