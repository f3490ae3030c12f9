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
        resolvers.merge(AdReviewResolvers.all)
        resolvers.merge(ReportResolvers.all)
        resolvers.merge(AutomationRuleResolvers.all)
        return resolvers
    }

    static var organization: Resolvers {
        var resolvers = Resolvers()
        resolvers.query("organization") { context in
            let request = try context.request
            return try OrganizationService().current(in: request.session)
        }
        resolvers.object("Organization", of: Organization.self) { object in
            object.field("id") { organization, _ in GlobalID.encode(.organization, organization.id) }
            object.field("name") { organization, _ in organization.name }
            object.field("createdAt") { organization, _ in organization.createdAt.graphQLDateTime }
        }
        return resolvers
    }

    /// `Query.node`: any object by its global id. Malformed ids, unknown types and other
    /// organizations' objects are all NOT_FOUND, indistinguishable from missing ones.
    static var node: Resolvers {
        var resolvers = Resolvers()
        resolvers.query("node") { context -> ResolvedValue in
            let session = try context.session
            let notFound = UserError("Not found.", code: .notFound)
            guard case .string(let text)? = context.argument("id"), let global = GlobalID(text) else { throw notFound }
            switch global.type {
            case .audience:
                do {
                    return try AudienceService().get(global.id, in: session).resolvedValue
                } catch AudienceError.notFound {
                    throw notFound
                }
            case .campaign:
                guard let campaign = try CampaignService().find(global.id, in: session) else { throw notFound }
                return campaign.resolvedValue
            case .campaignUnit:
                guard let unit = try CampaignService().unit(global.id, in: session) else { throw notFound }
                return unit.resolvedValue
            case .adCreative:
                guard let creative = try CampaignService().creatives(ids: [global.id], in: session)[global.id] else { throw notFound }
                return creative.resolvedValue
            case .adAccount:
                guard let account = try ConnectionService().adAccounts(ids: [global.id], in: session)[global.id] else { throw notFound }
                return account.resolvedValue
            case .integration:
                guard let integration = try ConnectionService().integration(global.id, in: session) else { throw notFound }
                return integration.resolvedValue
            case .job:
                guard let job = try JobResolvers.node(global.id, in: session) else { throw notFound }
                return job.resolvedValue
            case .organization where global.id == session.organizationID:
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
