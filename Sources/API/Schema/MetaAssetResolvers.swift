import Campaigns
import Foundation
import GraphQL
import Integrations

/// What Meta ads need besides the campaign: `AdAccount.page`, `metaPages` and `setAdAccountPage` (the Facebook Page
/// ads run as), `Campaign.metaPixelId`'s `metaPixels` and `setCampaignMetaPixel` (what Sales ad sets optimize for).
enum MetaAssetResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.field("AdAccount", "page", on: AdAccount.self) { account, _ in account.page }
        resolvers.field("MetaPage", "id", on: PlatformPage.self) { page, _ in page.id }
        resolvers.field("MetaPage", "name", on: PlatformPage.self) { page, _ in page.name }

        resolvers.field("Query", "metaPages") { context in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            return try assetService(request).pages(ofAccount: accountID, in: request.session)
        }
        resolvers.field("MetaPixel", "id", on: PlatformPixel.self) { pixel, _ in pixel.id }
        resolvers.field("MetaPixel", "name", on: PlatformPixel.self) { pixel, _ in pixel.name }
        resolvers.field("Query", "metaPixels") { context in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            return try assetService(request).pixels(ofAccount: accountID, in: request.session)
        }
        resolvers.mutation("setCampaignMetaPixel") { context, session in
            let request = try context.context(as: RequestContext.self)
            let campaignID = try CampaignResolvers.campaignID(context.argument("id"))
            let pixelID = context.argument("pixelId")?.stringValue ?? ""
            return try assetService(request).choosePixel(pixelID, forCampaign: campaignID, in: session)
        }
        resolvers.field("AdAccount", "euTransparency", on: AdAccount.self) { account, _ in account.transparency }
        resolvers.field("EUTransparency", "beneficiary", on: EUTransparency.self) { transparency, _ in transparency.beneficiary }
        resolvers.field("EUTransparency", "payor", on: EUTransparency.self) { transparency, _ in transparency.payor }
        resolvers.field("Query", "metaEUTransparencySuggestions") { context in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            return try assetService(request).transparencySuggestions(ofAccount: accountID, in: request.session)
        }
        resolvers.field("Query", "metaAudienceSizeEstimate") { context -> AudienceSizeEstimate? in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            guard let audienceID = context.argument("audienceId")?.stringValue.flatMap({ GlobalID.decode($0, as: "Audience") }),
                  let audience = try AudienceService().get(ids: [audienceID], in: request.session)[audienceID] else {
                throw AudienceResolvers.notFound
            }
            let range = try assetService(request).sizeEstimate(of: audience, forAccount: accountID, in: request.session)
            return range.map { AudienceSizeEstimate(lowerBound: $0.lowerBound, upperBound: $0.upperBound) }
        }
        resolvers.field("AudienceSizeEstimate", "lowerBound", on: AudienceSizeEstimate.self) { estimate, _ in estimate.lowerBound }
        resolvers.field("AudienceSizeEstimate", "upperBound", on: AudienceSizeEstimate.self) { estimate, _ in estimate.upperBound }
        resolvers.mutation("setAdAccountEUTransparency") { context, session in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            let beneficiary = context.argument("beneficiary")?.stringValue ?? "", payor = context.argument("payor")?.stringValue ?? ""
            return try assetService(request).setTransparency(beneficiary: beneficiary, payor: payor, forAccount: accountID, in: session)
        }
        resolvers.mutation("setAdAccountPage") { context, session in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            let pageID = context.argument("pageId")?.stringValue ?? ""
            return try assetService(request).choose(pageID: pageID, forAccount: accountID, in: session)
        }
        return resolvers
    }

    static func adAccountID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "AdAccount") else {
            throw UserError.notFound("Ad account")
        }
        return id
    }

    static func assetService(_ request: RequestContext) -> MetaAssetService {
        MetaAssetService(
            providers: request.services.providers,
            tokens: TokenService(providers: request.services.providers, encryptionKey: request.services.tokenEncryptionKey))
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
