import Campaigns
import Foundation
import GraphQL

/// `Query.adPreview`: the domain's previews, drawn as they are by the Creative Studio page.
enum PreviewResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let organizations = OrganizationService()
        resolvers.query("adPreview") { context -> [AdPreview] in
            try ArgumentLimits.check(context)
            let session = try context.session
            let input = try context.arguments(as: Arguments.self).input
            guard let callToAction = input.callToAction.value else {
                throw UserError.badInput("Unknown call to action.", field: "input.callToAction")
            }
            var advertiser = input.advertiserName?.trimmingCharacters(in: .whitespaces) ?? ""
            if advertiser.isEmpty { advertiser = try organizations.current(in: session).name }
            let request = AdPreviewRequest(
                headline: input.headline, description: input.description, mediaURL: input.mediaUrl, callToAction: callToAction,
                landingURL: input.landingUrl, advertiserName: advertiser, platforms: input.platforms.compactMap(\.value))
            return AdPreviewer().previews(for: request)
        }
        resolvers.object("AdPreview", of: AdPreview.self) { object in
            object.field("platform") { preview, _ in preview.platform.apiName }
            object.field("placement") { preview, _ in preview.placement.apiName }
            object.field("badge") { preview, _ in preview.badge }
            object.field("advertiserName") { preview, _ in preview.advertiserName }
            object.field("sponsoredLabel") { preview, _ in preview.sponsoredLabel }
            object.field("displayUrl") { preview, _ in preview.displayURL }
            object.field("domain") { preview, _ in preview.domain }
            object.field("headline") { preview, _ in preview.headline }
            object.field("headlineParts") { preview, _ in preview.headlineParts }
            object.field("primaryText") { preview, _ in preview.primaryText }
            object.field("primaryTextVisibleLength") { preview, _ in preview.primaryTextVisibleLength }
            object.field("description") { preview, _ in preview.description }
            object.field("imageUrl") { preview, _ in preview.imageURL }
            object.field("callToActionLabel") { preview, _ in preview.callToActionLabel }
            object.field("warnings") { preview, _ in preview.warnings }
        }
        resolvers.object("AdPreviewHeadlinePart", of: HeadlinePart.self) { object in
            object.field("text") { part, _ in part.text }
            object.field("length") { part, _ in part.length }
            object.field("maxLength") { part, _ in part.maximumLength }
            object.field("tooLong") { part, _ in part.isTooLong }
            object.field("shown") { part, _ in part.isShown }
        }
        resolvers.object("AdPreviewWarning", of: AdPreviewWarning.self) { object in
            object.field("code") { warning, _ in warning.code.rawValue.uppercased() }
            object.field("severity") { warning, _ in warning.severity.apiName }
            object.field("field") { warning, _ in warning.field }
            object.field("part") { warning, _ in warning.part }
            object.field("message") { warning, _ in warning.message }
        }
        return resolvers
    }

    /// `adPreview(input: AdPreviewInput!)`.
    private struct Arguments: Decodable {
        struct Input: Decodable {
            var headline: String
            var description: String?
            var mediaUrl: String?
            var callToAction: EnumInput<CallToAction>
            var landingUrl: String
            var advertiserName: String?
            var platforms: [EnumInput<Platform>]
        }
        var input: Input
    }
}

extension AdPreview: GraphQLObject { public var graphQLTypeName: String? { "AdPreview" } }
extension HeadlinePart: GraphQLObject { public var graphQLTypeName: String? { "AdPreviewHeadlinePart" } }
extension AdPreviewWarning: GraphQLObject { public var graphQLTypeName: String? { "AdPreviewWarning" } }
extension AdPlacement: APIEnum {}
extension CreativeProblem.Severity: APIEnum {}
