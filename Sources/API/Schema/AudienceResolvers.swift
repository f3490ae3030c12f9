import Campaigns
import Foundation
import GraphQL

/// `Query.audiences`, `Audience`, its connection types and the audience mutations.
enum AudienceResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = AudienceService()

        resolvers.query("audiences") { context in
            let session = try context.session
            let first = try context.first(in: 1...100)
            let after = try context.after(PageCursor.decode)
            var search: String?
            if case .string(let text)? = context.argument("search") {
                try InputLimits.name.check(text, field: "search")
                search = text
            }
            let page = try service.list(first: first, after: after, nameContains: search, in: session)
            return Connection(edges: page.audiences.map { Edge(node: $0.audience, cursor: PageCursor.encode($0.cursor)) },
                              hasNextPage: page.hasNextPage, totalCount: { [search] in try service.count(nameContains: search, in: session) })
        }

        resolvers.object("Audience", of: Audience.self) { object in
            object.field("id") { audience, _ in GlobalID.encode(.audience, audience.id) }
            object.field("name") { audience, _ in audience.name }
            object.field("locations") { audience, _ in audience.locations }
            object.field("ageMin") { audience, _ in audience.ageMin }
            object.field("ageMax") { audience, _ in audience.ageMax }
            object.field("interests") { audience, _ in audience.interests }
            object.field("reachesEU") { audience, _ in EUTransparency.isRequired(for: audience.targetedLocations) }
            object.field("createdAt") { audience, _ in audience.createdAt.graphQLDateTime }
            object.field("locationTargets") { audience, _ in audience.targetedLocations }
            object.field("interestTargets") { audience, _ in audience.targetedInterests }
        }

        resolvers.mutation("createAudience") { context, session in
            let input = context.argument("input")?.objectValue ?? JSONObject()
            let draft = AudienceDraft(
                name: input["name"]?.stringValue ?? "", locations: input["locations"]?.stringList ?? [],
                ageMin: input["ageMin"]?.intValue ?? 0, ageMax: input["ageMax"]?.intValue ?? 0,
                interests: input["interests"]?.stringList ?? [],
                locationTargets: TargetingInput.entries(input["locationTargets"]) ?? [],
                interestTargets: TargetingInput.entries(input["interestTargets"]) ?? [])
            return try withinInput { try service.create(draft, in: session) }
        }
        resolvers.mutation("updateAudience") { context, session in
            let id = try context.id("id", of: .audience)
            let input = context.argument("input")?.objectValue ?? JSONObject()
            for key in ["name", "locations", "ageMin", "ageMax"] where input[key] == .null {
                throw UserError.badInput("\(key) cannot be null; leave it out to keep the current value.", field: "input.\(key)")
            }
            let changes = AudienceChanges(
                name: input["name"]?.stringValue, locations: input["locations"]?.stringList,
                ageMin: input["ageMin"]?.intValue, ageMax: input["ageMax"]?.intValue,
                interests: input["interests"] == .null ? [] : input["interests"]?.stringList,
                locationTargets: TargetingInput.entries(input["locationTargets"]),
                interestTargets: input["interestTargets"] == .null ? [] : TargetingInput.entries(input["interestTargets"]))
            return try withinInput { try service.update(id, with: changes, in: session) }
        }
        resolvers.mutation("deleteAudience") { context, session in
            let id = try context.id("id", of: .audience)
            try service.delete(id, in: session)
            return GlobalID.encode(.audience, id)
        }
        resolvers.connection("Audience", of: Audience.self, counted: true)
        return resolvers
    }

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
