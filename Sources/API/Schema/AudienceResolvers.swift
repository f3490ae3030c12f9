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
            let input = try context.arguments(as: CreateArguments.self).input
            let draft = AudienceDraft(
                name: input.name, locations: input.locations, ageMin: input.ageMin, ageMax: input.ageMax,
                interests: input.interests ?? [],
                locationTargets: input.locationTargets?.compactMap(\.entry) ?? [],
                interestTargets: input.interestTargets?.compactMap(\.entry) ?? [])
            return try withinInput { try service.create(draft, in: session) }
        }
        resolvers.mutation("updateAudience") { context, session in
            let id = try context.id("id", of: .audience)
            let input = try context.arguments(as: UpdateArguments.self).input
            try refuseNull(["name": input.name.isNull, "locations": input.locations.isNull, "ageMin": input.ageMin.isNull,
                            "ageMax": input.ageMax.isNull])
            // `null` interests clear them; left out, they stay.
            let changes = AudienceChanges(
                name: input.name.value, locations: input.locations.value, ageMin: input.ageMin.value, ageMax: input.ageMax.value,
                interests: input.interests.isNull ? [] : input.interests.value,
                locationTargets: input.locationTargets.value?.compactMap(\.entry),
                interestTargets: input.interestTargets.isNull ? [] : input.interestTargets.value?.compactMap(\.entry))
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

/// `createAudience(input: CreateAudienceInput!)`.
private struct CreateArguments: Decodable {
    struct Input: Decodable {
        var name: String
        var locations: [String]
        var ageMin: Int
        var ageMax: Int
        var interests: [String]?
        var locationTargets: [TargetingEntryInput]?
        var interestTargets: [TargetingEntryInput]?
    }
    var input: Input
}

/// `updateAudience(id: ID!, input: UpdateAudienceInput!)`: fields left out keep their values.
private struct UpdateArguments: Decodable {
    struct Input: Decodable {
        var name: Nullable<String>
        var locations: Nullable<[String]>
        var ageMin: Nullable<Int>
        var ageMax: Nullable<Int>
        var interests: Nullable<[String]>
        var locationTargets: Nullable<[TargetingEntryInput]>
        var interestTargets: Nullable<[TargetingEntryInput]>
    }
    var input: Input
}

extension Audience: GraphQLObject {
    public var graphQLTypeName: String? { "Audience" }
}
