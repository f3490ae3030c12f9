import Campaigns
import GraphQL

/// `Query.adPreview`: the domain's previews, drawn as they are by the Creative Studio page.
enum PreviewResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        resolvers.field("Query", "adPreview") { context -> [AdPreview] in
            try ArgumentLimits.check(context)
            let session = try context.context(as: RequestContext.self).session
            let input = context.argument("input")?.objectValue ?? JSONObject()
            guard let callToAction = input["callToAction"]?.stringValue.flatMap(CallToAction.init(apiName:)) else {
                throw UserError.badInput("Unknown call to action.", field: "input.callToAction")
            }
            let platforms = (input["platforms"]?.stringList ?? []).compactMap(Platform.init(apiName:))
            var advertiser = input["advertiserName"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
            if advertiser.isEmpty { advertiser = try OrganizationService().current(in: session).name }
            let request = AdPreviewRequest(
                headline: input["headline"]?.stringValue ?? "", description: input["description"]?.stringValue,
                mediaURL: input["mediaUrl"]?.stringValue, callToAction: callToAction,
                landingURL: input["landingUrl"]?.stringValue ?? "",
                advertiserName: advertiser,
                platforms: platforms)
            return AdPreviewer().previews(for: request)
        }
        resolvers.field("AdPreview", "platform", on: AdPreview.self) { preview, _ in preview.platform.apiName }
        resolvers.field("AdPreview", "placement", on: AdPreview.self) { preview, _ in preview.placement.apiName }
        resolvers.field("AdPreview", "badge", on: AdPreview.self) { preview, _ in preview.badge }
        resolvers.field("AdPreview", "advertiserName", on: AdPreview.self) { preview, _ in preview.advertiserName }
        resolvers.field("AdPreview", "sponsoredLabel", on: AdPreview.self) { preview, _ in preview.sponsoredLabel }
        resolvers.field("AdPreview", "displayUrl", on: AdPreview.self) { preview, _ in preview.displayURL }
        resolvers.field("AdPreview", "domain", on: AdPreview.self) { preview, _ in preview.domain }
        resolvers.field("AdPreview", "headline", on: AdPreview.self) { preview, _ in preview.headline }
        resolvers.field("AdPreview", "headlineParts", on: AdPreview.self) { preview, _ in preview.headlineParts }
        resolvers.field("AdPreview", "primaryText", on: AdPreview.self) { preview, _ in preview.primaryText }
        resolvers.field("AdPreview", "primaryTextVisibleLength", on: AdPreview.self) { preview, _ in preview.primaryTextVisibleLength }
        resolvers.field("AdPreview", "description", on: AdPreview.self) { preview, _ in preview.description }
        resolvers.field("AdPreview", "imageUrl", on: AdPreview.self) { preview, _ in preview.imageURL }
        resolvers.field("AdPreview", "callToActionLabel", on: AdPreview.self) { preview, _ in preview.callToActionLabel }
        resolvers.field("AdPreview", "warnings", on: AdPreview.self) { preview, _ in preview.warnings }
        resolvers.field("AdPreviewHeadlinePart", "text", on: HeadlinePart.self) { part, _ in part.text }
        resolvers.field("AdPreviewHeadlinePart", "length", on: HeadlinePart.self) { part, _ in part.length }
        resolvers.field("AdPreviewHeadlinePart", "maxLength", on: HeadlinePart.self) { part, _ in part.maximumLength }
        resolvers.field("AdPreviewHeadlinePart", "tooLong", on: HeadlinePart.self) { part, _ in part.isTooLong }
        resolvers.field("AdPreviewHeadlinePart", "shown", on: HeadlinePart.self) { part, _ in part.isShown }
        resolvers.field("AdPreviewWarning", "code", on: AdPreviewWarning.self) { warning, _ in warning.code.rawValue.uppercased() }
        resolvers.field("AdPreviewWarning", "severity", on: AdPreviewWarning.self) { warning, _ in warning.severity.apiName }
        resolvers.field("AdPreviewWarning", "field", on: AdPreviewWarning.self) { warning, _ in warning.field }
        resolvers.field("AdPreviewWarning", "part", on: AdPreviewWarning.self) { warning, _ in warning.part }
        resolvers.field("AdPreviewWarning", "message", on: AdPreviewWarning.self) { warning, _ in warning.message }
        return resolvers
    }
}

extension AdPreview: GraphQLObject { public var graphQLTypeName: String? { "AdPreview" } }
extension HeadlinePart: GraphQLObject { public var graphQLTypeName: String? { "AdPreviewHeadlinePart" } }
extension AdPreviewWarning: GraphQLObject { public var graphQLTypeName: String? { "AdPreviewWarning" } }
extension AdPlacement: APIEnum {}
extension CreativeProblem.Severity: APIEnum {}
