import Campaigns
import GraphQL

/// Every resolver of the API, by type; each delegates to a domain service.
enum APIResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.merge(OrganizationResolvers.all)
        resolvers.merge(NodeResolvers.all)
        resolvers.merge(Resolvers.pageInfo)
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
}
