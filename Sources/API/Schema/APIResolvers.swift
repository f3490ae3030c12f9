import Campaigns
import GraphQL

/// Every resolver of the API, by type; each delegates to a domain service.
enum APIResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.merge(organization)
        resolvers.merge(node)
        resolvers.merge(AudienceResolvers.all)
        resolvers.merge(TargetingResolvers.all)
        resolvers.merge(ConnectionResolvers.all)
        resolvers.merge(MetaAssetResolvers.all)
        resolvers.merge(IntegrationResolvers.all)
        resolvers.merge(CampaignResolvers.all)
        resolvers.merge(MetricResolvers.all)
        resolvers.merge(PreviewResolvers.all)
        resolvers.merge(MediaResolvers.all)
        resolvers.merge(LifecycleResolvers.all)
        resolvers.merge(JobResolvers.all)
        resolvers.merge(CreativePlatformResolvers.all)
        resolvers.merge(ReportResolvers.all)
        resolvers.merge(AutomationRuleResolvers.all)
        return resolvers
    }

    static var organization: Resolvers {
        var resolvers = Resolvers()
        resolvers.field("Query", "organization") { context in
            let request = try context.context(as: RequestContext.self)
            return try OrganizationService().current(in: request.session)
        }
        resolvers.field("Organization", "id", on: Organization.self) { organization, _ in GlobalID.encode("Organization", organization.id) }
        resolvers.field("Organization", "name", on: Organization.self) { organization, _ in organization.name }
        resolvers.field("Organization", "createdAt", on: Organization.self) { organization, _ in organization.createdAt.graphQLDateTime }
        return resolvers
    }

    /// `Query.node`: any object by its global id. Malformed ids, unknown types and other
    /// organizations' objects are all NOT_FOUND, indistinguishable from missing ones.
    static var node: Resolvers {
        var resolvers = Resolvers()
        resolvers.field("Query", "node") { context -> ResolvedValue in
            let session = try context.context(as: RequestContext.self).session
            let notFound = UserError("Not found.", code: .notFound)
            guard case .string(let text)? = context.argument("id"), let global = GlobalID(text) else { throw notFound }
            switch global.typeName {
            case "Audience":
                do {
                    return try AudienceService().get(global.id, in: session).resolvedValue
                } catch AudienceError.notFound {
                    throw notFound
                }
            case "Campaign":
                guard let campaign = try CampaignService().find(global.id, in: session) else { throw notFound }
                return campaign.resolvedValue
            case "CampaignUnit":
                guard let unit = try CampaignService().unit(global.id, in: session) else { throw notFound }
                return unit.resolvedValue
            case "AdCreative":
                guard let creative = try CampaignService().creatives(ids: [global.id], in: session)[global.id] else { throw notFound }
                return creative.resolvedValue
            case "AdAccount":
                guard let account = try ConnectionService().adAccounts(ids: [global.id], in: session)[global.id] else { throw notFound }
                return account.resolvedValue
            case "Integration":
                guard let integration = try ConnectionService().integration(global.id, in: session) else { throw notFound }
                return integration.resolvedValue
            case "Job":
                guard let job = try JobResolvers.node(global.id, in: session) else { throw notFound }
                return job.resolvedValue
            case "Organization" where global.id == session.organizationID:
                return try OrganizationService().current(in: session).resolvedValue
            default:
                throw notFound
            }
        }
        return resolvers
    }
}

extension Organization: GraphQLObject {
    public var graphQLTypeName: String? { "Organization" }
}
