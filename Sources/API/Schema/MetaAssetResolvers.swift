import Campaigns
import Foundation
import GraphQL
import Integrations

/// What Meta ads need besides the campaign: `AdAccount.page`, `metaPages` and `setAdAccountPage` (the Facebook Page
/// ads run as), `Campaign.metaPixelId`'s `metaPixels` and `setCampaignMetaPixel` (what Sales ad sets optimize for).
enum MetaAssetResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let audiences = AudienceService()
        /// `metaPages`, `metaPixels`, `metaEUTransparencySuggestions`: what the account `adAccountId` has on Meta.
        func accountQuery<Assets: ResolvedValueConvertible>(
            _ fieldName: String, _ read: @escaping @Sendable (MetaAssetService, UUID, TenantSession) throws -> Assets
        ) {
            resolvers.query(fieldName) { context in
                let request = try context.request
                return try read(request.services.metaAssets, try context.id("adAccountId", of: .adAccount), request.session)
            }
        }
        resolvers.object("MetaPage", of: PlatformPage.self) { object in
            object.field("id") { page, _ in page.id }
            object.field("name") { page, _ in page.name }
        }

        accountQuery("metaPages") { assets, account, session in try assets.pages(ofAccount: account, in: session) }
        resolvers.object("MetaPixel", of: PlatformPixel.self) { object in
            object.field("id") { pixel, _ in pixel.id }
            object.field("name") { pixel, _ in pixel.name }
        }
        accountQuery("metaPixels") { assets, account, session in try assets.pixels(ofAccount: account, in: session) }
        resolvers.mutation("setCampaignMetaPixel") { context, session in
            let request = try context.request
            let campaignID = try context.id("id", of: .campaign)
            let pixelID = context.argument("pixelId")?.stringValue ?? ""
            return try request.services.metaAssets.choosePixel(pixelID, forCampaign: campaignID, in: session)
        }
        resolvers.object("EUTransparency", of: EUTransparency.self) { object in
            object.field("beneficiary") { transparency, _ in transparency.beneficiary }
            object.field("payor") { transparency, _ in transparency.payor }
        }
        accountQuery("metaEUTransparencySuggestions") { assets, account, session in try assets.transparencySuggestions(ofAccount: account, in: session) }
        resolvers.query("metaAudienceSizeEstimate") { context -> AudienceSizeEstimate? in
            let request = try context.request
            let accountID = try context.id("adAccountId", of: .adAccount)
            guard let audienceID = context.argument("audienceId")?.id(of: .audience),
                  let audience = try audiences.get(ids: [audienceID], in: request.session)[audienceID] else {
                throw UserError.notFound(.audience)
            }
            let range = try request.services.metaAssets.sizeEstimate(of: audience, forAccount: accountID, in: request.session)
            return range.map { AudienceSizeEstimate(lowerBound: $0.lowerBound, upperBound: $0.upperBound) }
        }
        resolvers.object("AudienceSizeEstimate", of: AudienceSizeEstimate.self) { object in
            object.field("lowerBound") { estimate, _ in estimate.lowerBound }
            object.field("upperBound") { estimate, _ in estimate.upperBound }
        }
        resolvers.mutation("setAdAccountEUTransparency") { context, session in
            let request = try context.request
            let accountID = try context.id("adAccountId", of: .adAccount)
            let beneficiary = context.argument("beneficiary")?.stringValue ?? "", payor = context.argument("payor")?.stringValue ?? ""
            return try request.services.metaAssets.setTransparency(beneficiary: beneficiary, payor: payor, forAccount: accountID, in: session)
        }
        resolvers.mutation("setAdAccountPage") { context, session in
            let request = try context.request
            let accountID = try context.id("adAccountId", of: .adAccount)
            let pageID = context.argument("pageId")?.stringValue ?? ""
            return try request.services.metaAssets.choose(pageID: pageID, forAccount: accountID, in: session)
        }
        return resolvers
    }
}

extension PlatformPage: GraphQLObject {
    public var graphQLTypeName: String? { "MetaPage" }
}

extension EUTransparency: GraphQLObject {
    public var graphQLTypeName: String? { "EUTransparency" }
}

extension PlatformPixel: GraphQLObject {
    public var graphQLTypeName: String? { "MetaPixel" }
}

/// `AudienceSizeEstimate`: the people a platform estimates an audience reaches.
struct AudienceSizeEstimate: GraphQLObject {
    var lowerBound: Int
    var upperBound: Int
}
