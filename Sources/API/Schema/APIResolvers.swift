import Campaigns
import GraphQL

/// Every resolver of the API, by type; each delegates to a domain service.
enum APIResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.merge(organization)
        return resolvers
    }

    static var organization: Resolvers {
        var resolvers = Resolvers()
        resolvers.field("Query", "organization") { context in
            let request = try context.context(as: RequestContext.self)
            return try OrganizationService().current(in: request.session)
        }
        resolvers.field("Organization", "id", on: Organization.self) { organization, _ in organization.id.uuidString.lowercased() }
        resolvers.field("Organization", "name", on: Organization.self) { organization, _ in organization.name }
        resolvers.field("Organization", "createdAt", on: Organization.self) { organization, _ in organization.createdAt.graphQLDateTime }
        return resolvers
    }
}

extension Organization: GraphQLObject {}
