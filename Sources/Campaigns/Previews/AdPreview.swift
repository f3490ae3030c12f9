import Foundation

/// What a creative is previewed with: the creative's fields as typed so far (nothing is required to be
/// valid yet: a preview answers with warnings, never with an error), the page name and the platforms.
public struct AdPreviewRequest: Sendable, Equatable {
    public var headline: String
    public var description: String?
    public var mediaURL: String?
    public var callToAction: CallToAction
    public var landingURL: String
    /// The page name Meta shows above the ad.
    public var advertiserName: String
    public var platforms: [Platform]

    public init(
        headline: String, description: String?, mediaURL: String?, callToAction: CallToAction, landingURL: String,
        advertiserName: String, platforms: [Platform]
    ) {
        self.headline = headline
        self.description = description
        self.mediaURL = mediaURL
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.advertiserName = advertiserName
        self.platforms = platforms
    }
}

/// Where on a platform an ad is previewed.
public enum AdPlacement: String, Sendable, CaseIterable {
    case googleSearch = "google_search"
    case metaFeed = "meta_feed"
}

/// What one platform would show for a creative. Fields a placement does not show are `nil`, so a page
/// draws exactly what is here and needs no platform rules of its own.
public struct AdPreview: Sendable, Equatable {
    public var platform: Platform
    public var placement: AdPlacement
    /// The ad label above the URL (Google Search: "Sponsored", its label since 2023).
    public var badge: String?
    /// The page name (Meta Feed).
    public var advertiserName: String?
    /// The label under the page name (Meta Feed: "Sponsored").
    public var sponsoredLabel: String?
    /// Host and path of the landing URL (Google Search: "www.tastychips.co/spicy").
    public var displayURL: String?
    /// The landing URL's domain without "www." (Meta Feed's card: "tastychips.co").
    public var domain: String?
    /// The headline as shown: every part joined by " | " (Google Search) or the first part (Meta Feed's card).
    public var headline: String
    /// Every headline part with its length and the platform's limit.
    public var headlineParts: [HeadlinePart]
    /// The text above the image (Meta Feed: the description).
    public var primaryText: String?
    /// How many characters of `primaryText` the feed shows before "… See more"; nil when it shows all of it.
    public var primaryTextVisibleLength: Int?
    /// The text under the headline (Google Search: the description).
    public var description: String?
    /// The image, where the placement shows one.
    public var imageURL: String?
    /// The call-to-action button's label (Meta Feed: "Shop Now").
    public var callToActionLabel: String?
    /// Everything this platform would refuse or ignore.
    public var warnings: [AdPreviewWarning]
}

/// One " | "-separated part of a headline, measured against a platform's limit.
public struct HeadlinePart: Sendable, Equatable {
    public var text: String
    public var length: Int
    public var maximumLength: Int
    /// Whether the placement shows this part at once: Google shows up to three headlines and rotates the others.
    public var isShown = true
    public var isTooLong: Bool { length > maximumLength }
}

/// Something a platform would refuse, disapprove or leave out in a creative.
public struct AdPreviewWarning: Sendable, Equatable {
    public enum Code: String, Sendable, CaseIterable {
        case headlineMissing = "headline_missing"
        case headlineTooLong = "headline_too_long"
        case tooManyHeadlines = "too_many_headlines"
        case descriptionTooLong = "description_too_long"
        case imageNotSupported = "image_not_supported"
        case callToActionNotAccepted = "call_to_action_not_accepted"
        case landingURLInvalid = "landing_url_invalid"
        case landingURLNotPublic = "landing_url_not_public"
        case excessiveCapitalization = "excessive_capitalization"
        case gimmickyPunctuation = "gimmicky_punctuation"
    }

    public var code: Code
    public var severity: CreativeProblem.Severity
    /// The creative's field concerned: `headline`, `description`, `mediaUrl`, `callToAction` or `landingUrl`.
    public var field: String
    /// The headline part concerned (0-based), for a part that is too long.
    public var part: Int?
    public var message: String
}
