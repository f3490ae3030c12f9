import Campaigns
import GraphQL

/// `Query.organization`: the caller's organization.
enum OrganizationResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let organizations = OrganizationService()
        resolvers.query("organization") { context in
            let request = try context.request
            return try organizations.current(in: request.session)
        }
        resolvers.object("Organization", of: Organization.self) { object in
            object.field("id") { organization, _ in GlobalID.encode(.organization, organization.id) }
            object.field("name") { organization, _ in organization.name }
            object.field("createdAt") { organization, _ in organization.createdAt.graphQLDateTime }
        }
        return resolvers
    }
}

extension Organization: GraphQLObject {
    public var graphQLTypeName: String? { "Organization" }
}
