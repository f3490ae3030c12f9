import Campaigns
import Foundation
import GraphQL

/// `AdCreative.review`: the platform's review of each creative's ad, batched per level.
enum ReviewResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
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
