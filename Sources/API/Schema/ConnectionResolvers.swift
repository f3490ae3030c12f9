import Campaigns
import Foundation
import GraphQL
import Integrations

/// `Query.integrations`, `Query.adAccounts`, `Integration` and `AdAccount`. No token is ever selected.
enum ConnectionResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = ConnectionService()

        resolvers.field("Query", "integrations") { context in
            let session = try context.context(as: RequestContext.self).session
            return try service.integrations(in: session)
        }
        resolvers.field("Query", "adAccounts") { context in
            let session = try context.context(as: RequestContext.self).session
            var platform: Platform?
            if case .string(let text)? = context.argument("platform") { platform = Platform(apiName: text) }
            return try service.adAccounts(platform: platform, in: session)
        }

        resolvers.field("Integration", "id", on: Integration.self) { integration, _ in GlobalID.encode("Integration", integration.id) }
        resolvers.field("Integration", "platform", on: Integration.self) { integration, _ in integration.platform.apiName }
        resolvers.field("Integration", "connected", on: Integration.self) { integration, _ in integration.connected }
        resolvers.field("Integration", "expiresAt", on: Integration.self) { integration, _ in integration.expiresAt?.graphQLDateTime }
        resolvers.field("Integration", "lastSyncedAt", on: Integration.self) { integration, _ in integration.lastSyncedAt?.graphQLDateTime }
        resolvers.batch("Integration", "adAccounts", on: Integration.self) { integrations, session in
            let accounts = try service.adAccounts(ofIntegrations: integrations.map(\.id), in: session)
            return integrations.map { accounts[$0.id] ?? [] }
        }

        resolvers.field("AdAccount", "id", on: AdAccount.self) { account, _ in GlobalID.encode("AdAccount", account.id) }
        resolvers.field("AdAccount", "externalAccountId", on: AdAccount.self) { account, _ in account.externalAccountID }
        resolvers.field("AdAccount", "name", on: AdAccount.self) { account, _ in account.name }
        resolvers.field("AdAccount", "currency", on: AdAccount.self) { account, _ in account.currency }
        resolvers.field("AdAccount", "platform", on: AdAccount.self) { account, _ in account.platform.apiName }
        resolvers.field("AdAccount", "page", on: AdAccount.self) { account, _ in account.page }
        resolvers.field("MetaPage", "id", on: PlatformPage.self) { page, _ in page.id }
        resolvers.field("MetaPage", "name", on: PlatformPage.self) { page, _ in page.name }

        resolvers.field("Query", "metaPages") { context in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            return try assetError { () throws(MetaAssetError) in try assetService(request).pages(ofAccount: accountID, in: request.session) }
        }
        resolvers.field("MetaPixel", "id", on: PlatformPixel.self) { pixel, _ in pixel.id }
        resolvers.field("MetaPixel", "name", on: PlatformPixel.self) { pixel, _ in pixel.name }
        resolvers.field("Query", "metaPixels") { context in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            return try assetError { () throws(MetaAssetError) in try assetService(request).pixels(ofAccount: accountID, in: request.session) }
        }
        resolvers.mutation("setCampaignMetaPixel") { context, session in
            let request = try context.context(as: RequestContext.self)
            let campaignID = try CampaignResolvers.campaignID(context.argument("id"))
            let pixelID = context.argument("pixelId")?.stringValue ?? ""
            return try assetError { () throws(MetaAssetError) in try assetService(request).choosePixel(pixelID, forCampaign: campaignID, in: session) }
        }
        resolvers.mutation("setAdAccountPage") { context, session in
            let request = try context.context(as: RequestContext.self)
            let accountID = try adAccountID(context.argument("adAccountId"))
            let pageID = context.argument("pageId")?.stringValue ?? ""
            return try assetError { () throws(MetaAssetError) in try assetService(request).choose(pageID: pageID, forAccount: accountID, in: session) }
        }
        return resolvers
    }

    static func adAccountID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "AdAccount") else {
            throw UserError("Ad account not found.", code: "NOT_FOUND")
        }
        return id
    }

    static func assetService(_ request: RequestContext) -> MetaAssetService {
        MetaAssetService(
            providers: request.services.providers,
            tokens: TokenService(providers: request.services.providers, encryptionKey: request.services.tokenEncryptionKey))
    }

    /// The page service's errors as the API reports them.
    static func assetError<T>(_ body: () throws(MetaAssetError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            switch error {
            case .notFound: throw UserError("Ad account not found.", code: "NOT_FOUND")
            case .validation(let field, let message): throw AudienceResolvers.badInput(message, field: field)
            case .platform(let underlying as PlatformError): throw IntegrationErrorMapping.graphQLError(underlying)
            case .platform(let underlying as IntegrationError): throw IntegrationErrorMapping.graphQLError(underlying)
            case .platform(let underlying): throw underlying
            }
        }
    }
}

extension PlatformPage: GraphQLObject {
    public var graphQLTypeName: String? { "MetaPage" }
}

extension PlatformPixel: GraphQLObject {
    public var graphQLTypeName: String? { "MetaPixel" }
}

extension Integration: GraphQLObject {
    public var graphQLTypeName: String? { "Integration" }
}

extension AdAccount: GraphQLObject {
    public var graphQLTypeName: String? { "AdAccount" }
}

/// Stored enum values are lower snake case; the API's are upper snake case.
protocol APIEnum: RawRepresentable where RawValue == String {}

extension APIEnum {
    var apiName: String { rawValue.uppercased() }
    init?(apiName: String) { self.init(rawValue: apiName.lowercased()) }
}

extension Platform: APIEnum {}
