import Campaigns
import Foundation
import GraphQL
import Integrations

/// `Query.targetingSearch`, `TargetingEntry`, `Keyword`, the audiences' entries, the units' keywords and
/// `setCampaignUnitKeywords`.
enum TargetingResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()

        resolvers.field("Query", "targetingSearch") { context in
            try ArgumentLimits.check(context)
            let request = try context.context(as: RequestContext.self)
            guard case .string(let platformName)? = context.argument("platform"), let platform = Platform(apiName: platformName),
                  case .string(let kindName)? = context.argument("kind"), let kind = TargetingSearchKind(rawValue: kindName) else {
                throw UserError.badInput("platform and kind are required.", field: "platform")
            }
            let query = context.argument("query")?.stringValue ?? ""
            let service = TargetingSearchService(
                providers: request.services.providers,
                tokens: TokenService(providers: request.services.providers, encryptionKey: request.services.tokenEncryptionKey))
            return try service.search(platform: platform, kind: kind, query: query, in: request.session)
        }
        resolvers.field("TargetingEntry", "kind", on: TargetingEntry.self) { entry, _ in entry.kind.rawValue }
        resolvers.field("TargetingEntry", "name", on: TargetingEntry.self) { entry, _ in entry.name }
        resolvers.field("TargetingEntry", "countryCode", on: TargetingEntry.self) { entry, _ in entry.countryCode }
        resolvers.field("TargetingEntry", "googleId", on: TargetingEntry.self) { entry, _ in entry.googleID }
        resolvers.field("TargetingEntry", "metaId", on: TargetingEntry.self) { entry, _ in entry.metaID }
        resolvers.field("TargetingEntry", "detail", on: TargetingEntry.self) { entry, _ in entry.detail }
        resolvers.field("Audience", "locationTargets", on: Audience.self) { audience, _ in audience.targetedLocations }
        resolvers.field("Audience", "interestTargets", on: Audience.self) { audience, _ in audience.targetedInterests }

        resolvers.field("Keyword", "text", on: Keyword.self) { keyword, _ in keyword.text }
        resolvers.field("Keyword", "matchType", on: Keyword.self) { keyword, _ in keyword.matchType.rawValue }
        resolvers.field("CampaignUnit", "keywords", on: CampaignUnit.self) { unit, _ in unit.keywords }
        resolvers.mutation("setCampaignUnitKeywords") { context, session in
            guard case .string(let text)? = context.argument("id"), let id = GlobalID.decode(text, as: "CampaignUnit") else {
                throw UserError.notFound("Campaign unit")
            }
            let keywords = keywords(context.argument("keywords"))
            return try CampaignService().setKeywords(unitID: id, keywords, in: session)
        }
        return resolvers
    }

    /// `[KeywordInput!]` as keywords (the schema has checked the fields and the match type).
    static func keywords(_ argument: JSON?) -> [Keyword] {
        guard case .array(let values)? = argument else { return [] }
        return values.compactMap { value in
            guard let object = value.objectValue, let text = object["text"]?.stringValue,
                  let matchType = object["matchType"]?.stringValue.flatMap(KeywordMatchType.init(rawValue:)) else { return nil }
            return Keyword(text: text, matchType: matchType)
        }
    }

    /// `[TargetingEntryInput!]` as entries, or nil when the argument is absent or null.
    static func entries(_ argument: JSON?) -> [TargetingEntry]? {
        guard case .array(let values)? = argument else { return nil }
        return values.compactMap { value in
            guard let object = value.objectValue, let kind = object["kind"]?.stringValue.flatMap(TargetingEntry.Kind.init(rawValue:)) else { return nil }
            return TargetingEntry(
                kind: kind, name: object["name"]?.stringValue ?? "", countryCode: object["countryCode"]?.stringValue,
                googleID: object["googleId"]?.stringValue, metaID: object["metaId"]?.stringValue, detail: object["detail"]?.stringValue)
        }
    }
}

extension TargetingEntry: GraphQLObject { public var graphQLTypeName: String? { "TargetingEntry" } }
extension Keyword: GraphQLObject { public var graphQLTypeName: String? { "Keyword" } }
