import Campaigns
import GraphQL
import Jobs

/// `Query.node`: any object by its global id. Malformed ids, unknown types and other
/// organizations' objects are all NOT_FOUND, indistinguishable from missing ones.
enum NodeResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let audiences = AudienceService(), campaigns = CampaignService(), connections = ConnectionService()
        let organizations = OrganizationService()
        resolvers.query("node") { context -> ResolvedValue in
            let session = try context.session
            let notFound = UserError("Not found.", code: .notFound)
            guard case .string(let text)? = context.argument("id"), let global = GlobalID(text) else { throw notFound }
            switch global.type {
            case .audience:
                do {
                    return try audiences.get(global.id, in: session).resolvedValue
                } catch AudienceError.notFound {
                    throw notFound
                }
            case .campaign:
                guard let campaign = try campaigns.find(global.id, in: session) else { throw notFound }
                return campaign.resolvedValue
            case .campaignUnit:
                guard let unit = try campaigns.unit(global.id, in: session) else { throw notFound }
                return unit.resolvedValue
            case .adCreative:
                guard let creative = try campaigns.creatives(ids: [global.id], in: session)[global.id] else { throw notFound }
                return creative.resolvedValue
            case .adAccount:
                guard let account = try connections.adAccounts(ids: [global.id], in: session)[global.id] else { throw notFound }
                return account.resolvedValue
            case .integration:
                guard let integration = try connections.integration(global.id, in: session) else { throw notFound }
                return integration.resolvedValue
            case .job:
                guard let job = try JobQueue().find(global.id, on: session.connection), job.organizationID == session.organizationID else {
                    throw notFound
                }
                return job.resolvedValue
            case .organization where global.id == session.organizationID:
                return try organizations.current(in: session).resolvedValue
            default:
                throw notFound
            }
        }
        return resolvers
    }
}
