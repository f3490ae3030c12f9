import Foundation

/// Computes what Google Search and Meta Feed would show for a creative from the platforms' capability
/// table, whose `problems` launch validation uses too: a preview's warning and a launch's refusal agree.
public struct AdPreviewer: Sendable {
    public init() {}

    /// One preview per requested platform, in the requested order; never throws: what a platform would
    /// refuse or ignore becomes a warning on that platform's preview.
    public func previews(for request: AdPreviewRequest) -> [AdPreview] {
        var seen = Set<Platform>()
        return request.platforms.filter { seen.insert($0).inserted }.map { preview(request, on: $0) }
    }

    public func preview(_ request: AdPreviewRequest, on platform: Platform) -> AdPreview {
        let capabilities = PlatformCapabilities.of(platform)
        let placement = AdPlacement(platform)
        let description = Self.nonEmpty(request.description)
        let media = Self.nonEmpty(request.mediaURL)
        let parts = capabilities.headlineParts(request.headline).enumerated().map { index, text in
            HeadlinePart(text: text, length: text.count, maximumLength: capabilities.headlineMaxLength,
                         isShown: index < capabilities.headlinesShownAtOnce)
        }
        var warnings = Self.warnings(
            capabilities.problems(headline: request.headline, description: description, mediaURL: media, callToAction: request.callToAction),
            tooLongParts: parts.indices.filter { parts[$0].isTooLong })
        let landing = LandingURL(request.landingURL)
        if landing == nil {
            warnings.append(.init(
                code: .landingURLInvalid, severity: .blocking, field: "landingUrl", message: "The landing URL must be an http or https URL."))
        } else if let unreachable = PublicHost.problem(in: request.landingURL) {
            warnings.append(.init(code: .landingURLNotPublic, severity: .blocking, field: "landingUrl", message: unreachable))
        }
        let accepted = capabilities.callToActions[request.callToAction] != nil

        switch placement {
        case .googleSearch:
            return AdPreview(
                platform: platform, placement: placement, badge: "Sponsored", advertiserName: nil, sponsoredLabel: nil,
                displayURL: landing?.displayURL, domain: nil,
                headline: parts.filter(\.isShown).map(\.text).joined(separator: CreativeText.headlineSeparator), headlineParts: parts,
                primaryText: nil, primaryTextVisibleLength: nil, description: description, imageURL: capabilities.supportsImages ? media : nil,
                callToActionLabel: nil, warnings: warnings)
        case .metaFeed:
            return AdPreview(
                platform: platform, placement: placement, badge: nil,
                advertiserName: request.advertiserName, sponsoredLabel: "Sponsored", displayURL: nil, domain: landing?.domain,
                headline: parts.first?.text ?? "", headlineParts: parts, primaryText: description,
                primaryTextVisibleLength: description.flatMap(Self.feedVisibleLength), description: nil,
                imageURL: capabilities.supportsImages ? media : nil,
                callToActionLabel: accepted ? request.callToAction.label : nil, warnings: warnings)
        }
    }

    /// The capability table's problems as preview warnings; too-long headline problems come in part
    /// order, so each is matched with the index of its part.
    static func warnings(_ problems: [CreativeProblem], tooLongParts: [Int]) -> [AdPreviewWarning] {
        var remainingParts = tooLongParts[...]
        return problems.map { problem in
            let code: AdPreviewWarning.Code
            var part: Int?
            switch (problem.code, problem.field) {
            case (.missing, _), (.tooFew, _): code = .headlineMissing
            case (.tooLong, "headline"):
                code = .headlineTooLong
                part = remainingParts.popFirst()
            case (.tooLong, _): code = .descriptionTooLong
            case (.tooMany, _): code = .tooManyHeadlines
            case (.imageNotSupported, _): code = .imageNotSupported
            case (.callToActionNotAccepted, _): code = .callToActionNotAccepted
            case (.excessiveCapitalization, _): code = .excessiveCapitalization
            case (.gimmickyPunctuation, _): code = .gimmickyPunctuation
            }
            return AdPreviewWarning(code: code, severity: problem.severity, field: problem.field, part: part, message: problem.message)
        }
    }

    /// Meta's feed shows about the first 125 characters of primary text, then "… See more" (Meta's ads guide
    /// recommends 125 characters for that reason: https://www.facebook.com/business/ads-guide): cut at the last
    /// word boundary within them.
    static let feedPrimaryTextShown = 125

    static func feedVisibleLength(_ text: String) -> Int? {
        guard text.count > feedPrimaryTextShown else { return nil }
        // One character more, so that a word ending exactly at the limit is kept whole.
        let shown = text.prefix(feedPrimaryTextShown + 1)
        guard let space = shown.lastIndex(where: \.isWhitespace), space > shown.startIndex else { return feedPrimaryTextShown }
        return shown.distance(from: shown.startIndex, to: space)
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}

extension AdPlacement {
    /// The placement previewed for a platform: the one our ads are created in.
    init(_ platform: Platform) {
        switch platform {
        case .googleAds: self = .googleSearch
        case .metaAds: self = .metaFeed
        }
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
