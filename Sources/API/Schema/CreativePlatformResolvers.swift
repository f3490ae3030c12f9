import Campaigns
import Foundation
import GraphQL

/// What the platform knows of each creative: its ad's id (`AdCreative.externalId`) and review (`AdCreative.review`),
/// batched per level.
enum CreativePlatformResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.batch("AdCreative", "externalId", on: AdCreative.self) { creatives, session in
            let ids = try CampaignService().externalIDs(ofCreatives: creatives.map(\.id), in: session)
            return creatives.map { ids[$0.id] }
        }
        resolvers.batch("AdCreative", "review", on: AdCreative.self) { creatives, session in
            let reviews = try AdReviewService().reviews(ofCreatives: creatives.map(\.id), in: session)
            return creatives.map { reviews[$0.id] }
        }
        resolvers.field("AdReview", "status", on: StoredAdReview.self) { review, _ in review.status.apiName }
        resolvers.field("AdReview", "platformStatus", on: StoredAdReview.self) { review, _ in review.platformStatus }
        resolvers.field("AdReview", "reasons", on: StoredAdReview.self) { review, _ in review.reasons }
        resolvers.field("AdReview", "checkedAt", on: StoredAdReview.self) { review, _ in review.checkedAt.graphQLDateTime }
        return resolvers
    }
}

extension StoredAdReview: GraphQLObject { public var graphQLTypeName: String? { "AdReview" } }
extension AdReviewStatus: APIEnum {}
