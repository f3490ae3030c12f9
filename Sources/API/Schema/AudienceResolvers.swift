import Campaigns
import Foundation
import GraphQL

/// `Query.audiences`, `Audience`, its connection types and the audience mutations.
enum AudienceResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = AudienceService()

        resolvers.field("Query", "audiences") { context in
            let session = try context.context(as: RequestContext.self).session
            guard case .int(let first)? = context.argument("first"), (1...100).contains(first) else {
                throw UserError.badInput("first must be between 1 and 100.", field: "first")
            }
            var after: CreationCursor?
            if let argument = context.argument("after"), case .string(let text) = argument {
                guard let cursor = PageCursor.decode(text) else { throw UserError.badInput("after is not a valid cursor.", field: "after") }
                after = cursor
            }
            var search: String?
            if case .string(let text)? = context.argument("search") {
                try InputLimits.name.check(text, field: "search")
                search = text
            }
            return AudienceConnection(
                page: try service.list(first: first, after: after, nameContains: search, in: session), search: search, session: session)
        }
        resolvers.field("AudienceConnection", "edges", on: AudienceConnection.self) { connection, _ in
            connection.page.audiences.map { AudienceEdge(audience: $0.audience, cursor: PageCursor.encode($0.cursor)) }
        }
        resolvers.field("AudienceConnection", "pageInfo", on: AudienceConnection.self) { connection, _ in
            PageInfo(hasNextPage: connection.page.hasNextPage, endCursor: connection.page.audiences.last.map { PageCursor.encode($0.cursor) })
        }
        resolvers.field("AudienceConnection", "totalCount", on: AudienceConnection.self) { connection, _ in
            try service.count(nameContains: connection.search, in: connection.session)
        }
        resolvers.field("AudienceEdge", "cursor", on: AudienceEdge.self) { edge, _ in edge.cursor }
        resolvers.field("AudienceEdge", "node", on: AudienceEdge.self) { edge, _ in edge.audience }
        resolvers.field("PageInfo", "hasNextPage", on: PageInfo.self) { info, _ in info.hasNextPage }
        resolvers.field("PageInfo", "endCursor", on: PageInfo.self) { info, _ in info.endCursor }

        resolvers.field("Audience", "id", on: Audience.self) { audience, _ in GlobalID.encode("Audience", audience.id) }
        resolvers.field("Audience", "name", on: Audience.self) { audience, _ in audience.name }
        resolvers.field("Audience", "locations", on: Audience.self) { audience, _ in audience.locations }
        resolvers.field("Audience", "ageMin", on: Audience.self) { audience, _ in audience.ageMin }
        resolvers.field("Audience", "ageMax", on: Audience.self) { audience, _ in audience.ageMax }
        resolvers.field("Audience", "interests", on: Audience.self) { audience, _ in audience.interests }
        resolvers.field("Audience", "reachesEU", on: Audience.self) { audience, _ in EUTransparency.isRequired(for: audience.targetedLocations) }
        resolvers.field("Audience", "createdAt", on: Audience.self) { audience, _ in audience.createdAt.graphQLDateTime }

        resolvers.mutation("createAudience") { context, session in
            let input = context.argument("input")?.objectValue ?? JSONObject()
            let draft = AudienceDraft(
                name: input["name"]?.stringValue ?? "", locations: input["locations"]?.stringList ?? [],
                ageMin: input["ageMin"]?.intValue ?? 0, ageMax: input["ageMax"]?.intValue ?? 0,
                interests: input["interests"]?.stringList ?? [],
                locationTargets: TargetingResolvers.entries(input["locationTargets"]) ?? [],
                interestTargets: TargetingResolvers.entries(input["interestTargets"]) ?? [])
            return try withinInput { try service.create(draft, in: session) }
        }
        resolvers.mutation("updateAudience") { context, session in
            let id = try audienceID(context.argument("id"))
            let input = context.argument("input")?.objectValue ?? JSONObject()
            for key in ["name", "locations", "ageMin", "ageMax"] where input[key] == .null {
                throw UserError.badInput("\(key) cannot be null; leave it out to keep the current value.", field: "input.\(key)")
            }
            let changes = AudienceChanges(
                name: input["name"]?.stringValue, locations: input["locations"]?.stringList,
                ageMin: input["ageMin"]?.intValue, ageMax: input["ageMax"]?.intValue,
                interests: input["interests"] == .null ? [] : input["interests"]?.stringList,
                locationTargets: TargetingResolvers.entries(input["locationTargets"]),
                interestTargets: input["interestTargets"] == .null ? [] : TargetingResolvers.entries(input["interestTargets"]))
            return try withinInput { try service.update(id, with: changes, in: session) }
        }
        resolvers.mutation("deleteAudience") { context, session in
            let id = try audienceID(context.argument("id"))
            try service.delete(id, in: session)
            return GlobalID.encode("Audience", id)
        }
        return resolvers
    }

    static func audienceID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "Audience") else { throw notFound }
        return id
    }

    static let notFound = UserError.notFound("Audience")
}

/// A page plus the session, so `totalCount` is only counted when selected.
struct AudienceConnection: GraphQLObject {
    var page: AudiencePage
    var search: String?
    var session: TenantSession
}

struct AudienceEdge: GraphQLObject {
    var audience: Audience
    var cursor: String
}

struct PageInfo: GraphQLObject {
    var hasNextPage: Bool
    var endCursor: String?
}

extension Audience: GraphQLObject {
    public var graphQLTypeName: String? { "Audience" }
}

extension JSON {
    var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }
    var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    var intValue: Int? { if case .int(let value) = self { value } else { nil } }
    var stringList: [String]? {
        guard case .array(let values) = self else { return nil }
        return values.compactMap(\.stringValue)
    }
}
