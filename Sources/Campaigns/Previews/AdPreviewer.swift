import Foundation

/// Computes what Google Search and Meta Feed would show for a creative, from the platforms' capability
/// table (the rules launch validation uses), so a page can draw previews without rules of its own.
public struct AdPreviewer: Sendable {
    /// How headline parts are written in one headline, as Google shows them side by side.
    public static let headlineSeparator = " | "

    public init() {}

    /// One preview per requested platform, in the requested order; never throws: what a platform would
    /// refuse becomes a warning on that platform's preview.
    public func previews(for request: AdPreviewRequest) -> [AdPreview] {
        var seen = Set<Platform>()
        return request.platforms.filter { seen.insert($0).inserted }.map { preview(request, on: $0) }
    }

    public func preview(_ request: AdPreviewRequest, on platform: Platform) -> AdPreview {
        let capabilities = PreviewCapabilities.of(platform)
        var warnings: [AdPreviewWarning] = []

        let allParts = Self.headlineParts(request.headline)
        if allParts.isEmpty {
            warnings.append(.init(code: .headlineMissing, field: "headline", message: "Write a headline."))
        }
        let shownParts = capabilities.showsAllHeadlineParts ? allParts : Array(allParts.prefix(1))
        let parts = shownParts.map {
            HeadlinePart(text: $0, length: $0.count, maximumLength: capabilities.headlineMaximumLength)
        }
        for (index, part) in parts.enumerated() where part.isTooLong {
            warnings.append(.init(
                code: .headlineTooLong, field: "headline", part: index,
                message: "Headline part \(index + 1) has \(part.length) characters; \(platform.displayName) allows \(part.maximumLength)."))
        }
        if let maximum = capabilities.maximumHeadlines, allParts.count > maximum {
            warnings.append(.init(
                code: .tooManyHeadlines, field: "headline",
                message: "\(platform.displayName) takes at most \(maximum) headline parts; this headline has \(allParts.count)."))
        }

        let description = Self.nonEmpty(request.description)
        if let description, let maximum = capabilities.descriptionMaximumLength, description.count > maximum {
            warnings.append(.init(
                code: .descriptionTooLong, field: "description",
                message: "The description has \(description.count) characters; \(platform.displayName) allows \(maximum)."))
        }

        let media = Self.nonEmpty(request.mediaURL)
        if media != nil && !capabilities.supportsImages {
            warnings.append(.init(
                code: .imageNotSupported, field: "mediaUrl",
                message: "\(capabilities.placement.displayName) ads show no image; the image is ignored."))
        }

        let accepted = capabilities.acceptedCallsToAction.contains(request.callToAction)
        if !accepted {
            warnings.append(.init(
                code: .callToActionNotAccepted, field: "callToAction",
                message: "\(platform.displayName) does not accept the call to action \"\(request.callToAction.buttonLabel)\"."))
        }

        let landing = LandingURL(request.landingURL)
        if landing == nil {
            warnings.append(.init(
                code: .landingURLInvalid, field: "landingUrl", message: "The landing URL must be an http or https URL."))
        }

        switch capabilities.placement {
        case .googleSearch:
            return AdPreview(
                platform: platform, placement: .googleSearch, badge: "Ad", advertiserName: nil, sponsoredLabel: nil,
                displayURL: landing?.displayURL, domain: nil,
                headline: parts.map(\.text).joined(separator: Self.headlineSeparator), headlineParts: parts,
                primaryText: nil, description: description, imageURL: nil, callToActionLabel: nil, warnings: warnings)
        case .metaFeed:
            return AdPreview(
                platform: platform, placement: .metaFeed, badge: nil,
                advertiserName: request.advertiserName, sponsoredLabel: "Sponsored", displayURL: nil, domain: landing?.domain,
                headline: parts.first?.text ?? "", headlineParts: parts, primaryText: description, description: nil,
                imageURL: capabilities.supportsImages ? media : nil,
                callToActionLabel: capabilities.showsCallToActionButton && accepted ? request.callToAction.buttonLabel : nil,
                warnings: warnings)
        }
    }

    /// The " | "-separated parts of a headline, trimmed, without empty ones.
    public static func headlineParts(_ headline: String) -> [String] {
        headline.split(separator: "|").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

/// A landing URL as ads show it.
struct LandingURL: Sendable, Equatable {
    /// Host and path, without scheme, query or trailing slash: "www.tastychips.co/spicy".
    var displayURL: String
    /// The host without "www.": "tastychips.co".
    var domain: String

    init?(_ text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased(), !host.isEmpty else { return nil }
        var path = components.percentEncodedPath
        path = path.removingPercentEncoding ?? path
        while path.hasSuffix("/") { path.removeLast() }
        displayURL = host + path
        domain = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}

extension CallToAction {
    /// The button text the platforms show: "Shop Now".
    public var buttonLabel: String {
        switch self {
        case .shopNow: "Shop Now"
        case .learnMore: "Learn More"
        case .signUp: "Sign Up"
        case .bookNow: "Book Now"
        case .contactUs: "Contact Us"
        case .download: "Download"
        case .getOffer: "Get Offer"
        case .subscribe: "Subscribe"
        }
    }
}

extension Platform {
    /// The platform's name in messages.
    public var displayName: String {
        switch self {
        case .googleAds: "Google Ads"
        case .metaAds: "Meta"
        }
    }
}

extension AdPlacement {
    var displayName: String {
        switch self {
        case .googleSearch: "Google Search"
        case .metaFeed: "Meta Feed"
        }
    }
}
