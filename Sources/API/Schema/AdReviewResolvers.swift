import Campaigns
import Foundation
import GraphQL

/// A creative's review on its platform (`AdCreative.review`, bound with the creative's other fields).
enum AdReviewResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.object("AdReview", of: StoredAdReview.self) { object in
            object.field("status") { review, _ in review.status.apiName }
            object.field("platformStatus") { review, _ in review.platformStatus }
            object.field("reasons") { review, _ in review.reasons }
            object.field("checkedAt") { review, _ in review.checkedAt.graphQLDateTime }
        }
        return resolvers
    }
}

extension StoredAdReview: GraphQLObject { public var graphQLTypeName: String? { "AdReview" } }
extension AdReviewStatus: APIEnum {}
