import Campaigns
import Foundation
import GraphQL
import Integrations

/// `Query.targetingSearch`, `TargetingEntry`, `Keyword`, the audiences' entries, the units' keywords and
/// `setCampaignUnitKeywords`.
enum TargetingResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let campaigns = CampaignService()

        resolvers.query("targetingSearch") { context in
            try ArgumentLimits.check(context)
            let request = try context.request
            guard case .string(let platformName)? = context.argument("platform"), let platform = Platform(apiName: platformName),
                  case .string(let kindName)? = context.argument("kind"), let kind = TargetingSearchKind(rawValue: kindName) else {
                throw UserError.badInput("platform and kind are required.", field: "platform")
            }
            let query = context.argument("query")?.stringValue ?? ""
            return try request.services.targetingSearch.search(platform: platform, kind: kind, query: query, in: request.session)
        }
        resolvers.object("TargetingEntry", of: TargetingEntry.self) { object in
            object.field("kind") { entry, _ in entry.kind.rawValue }
            object.field("name") { entry, _ in entry.name }
            object.field("countryCode") { entry, _ in entry.countryCode }
            object.field("googleId") { entry, _ in entry.googleID }
            object.field("metaId") { entry, _ in entry.metaID }
            object.field("detail") { entry, _ in entry.detail }
        }

        resolvers.object("Keyword", of: Keyword.self) { object in
            object.field("text") { keyword, _ in keyword.text }
            object.field("matchType") { keyword, _ in keyword.matchType.rawValue }
        }
        resolvers.mutation("setCampaignUnitKeywords") { context, session in
            let id = try context.id("id", of: .campaignUnit)
            let keywords = try context.arguments(as: KeywordArguments.self).keywords.compactMap(\.keyword)
            return try campaigns.setKeywords(unitID: id, keywords, in: session)
        }
        return resolvers
    }
}

/// `setCampaignUnitKeywords(id: ID!, keywords: [KeywordInput!]!)`.
private struct KeywordArguments: Decodable {
    var keywords: [KeywordInput]
}

extension TargetingEntry: GraphQLObject { public var graphQLTypeName: String? { "TargetingEntry" } }
extension Keyword: GraphQLObject { public var graphQLTypeName: String? { "Keyword" } }
