import Foundation
import Integrations

/// What one platform's ad format allows. The one table that launch validation, adapters and previews all read,
/// so that a preview's warning and a launch's refusal can never disagree.
public struct PlatformCapabilities: Sendable {
    public var platform: Platform
    /// The ad format we create there, as the platform names it.
    public var adFormat: String
    public var supportsImages: Bool
    /// Longest headline part, in characters (grapheme clusters, as the platforms count them).
    public var headlineMaxLength: Int
    /// How many " | "-separated headline parts the platform takes; Meta's card shows only the first.
    public var headlinePartsMax: Int
    public var usesFirstHeadlinePartOnly: Bool
    /// Longest description, when the platform limits it.
    public var descriptionMaxLength: Int?
    /// Our call to action → the platform's value; a missing entry is not accepted there.
    public var callToActions: [CallToAction: String]
    /// Our objective → the platform's campaign objective or bidding strategy.
    public var objectives: [Objective: String]
    /// How many headlines and descriptions one ad needs (a launch rule: a preview sees one text of each). By
    /// default whatever the input limits allow: Meta shows the first of each and leaves the others out.
    public var headlineCount: ClosedRange<Int> = 1...InputLimits.headlines.maximumCount
    public var descriptionCount: ClosedRange<Int> = 0...InputLimits.descriptions.maximumCount
    /// How many headlines one impression shows: a responsive search ad shows up to three of its headlines and
    /// rotates the rest (https://support.google.com/google-ads/answer/7684791); Meta's card shows one.
    public var headlinesShownAtOnce = 1
    /// Whether the platform's review holds ad text to `EditorialStandards` (Google's editorial policy).
    public var reviewsEditorialStandards = false

    public static func of(_ platform: Platform) -> PlatformCapabilities {
        switch platform {
        case .googleAds: return .googleSearch
        case .metaAds: return .metaFeed
        }
    }

    public static let all: [PlatformCapabilities] = [.googleSearch, .metaFeed]

    /// Responsive search ads: text only; each headline at most 30 characters, up to 15 of them; descriptions 90.
    /// Call to action values are Google Ads' `CallToActionType` (used by the call-to-action asset).
    public static let googleSearch = PlatformCapabilities(
        platform: .googleAds, adFormat: "Responsive search ad", supportsImages: false,
        headlineMaxLength: 30, headlinePartsMax: 15, usesFirstHeadlinePartOnly: false, descriptionMaxLength: 90,
        callToActions: [
            .shopNow: "SHOP_NOW", .learnMore: "LEARN_MORE", .signUp: "SIGN_UP", .bookNow: "BOOK_NOW",
            .contactUs: "CONTACT_US", .download: "DOWNLOAD", .subscribe: "SUBSCRIBE",
        ],
        objectives: [.leads: "MAXIMIZE_CONVERSIONS", .traffic: "MAXIMIZE_CLICKS", .sales: "MAXIMIZE_CONVERSION_VALUE"],
        // ResponsiveSearchAdInfo: "a minimum of 3 and up to 15" headlines, "a minimum of 2 and up to 4" descriptions
        // (https://developers.google.com/google-ads/api/reference/rpc/v26/ResponsiveSearchAdInfo).
        headlineCount: 3...15, descriptionCount: 2...4, headlinesShownAtOnce: 3, reviewsEditorialStandards: true)

    /// Feed ads: an image, primary text, and a card whose title is the headline's first part (at most 40).
    /// Call to action values are the Marketing API's `call_to_action.type`; objectives its ODAX outcomes.
    public static let metaFeed = PlatformCapabilities(
        platform: .metaAds, adFormat: "Feed ad", supportsImages: true,
        headlineMaxLength: 40, headlinePartsMax: 1, usesFirstHeadlinePartOnly: true, descriptionMaxLength: nil,
        callToActions: [
            .shopNow: "SHOP_NOW", .learnMore: "LEARN_MORE", .signUp: "SIGN_UP", .bookNow: "BOOK_NOW",
            .contactUs: "CONTACT_US", .download: "DOWNLOAD", .getOffer: "GET_OFFER", .subscribe: "SUBSCRIBE",
        ],
        objectives: [.leads: "OUTCOME_LEADS", .traffic: "OUTCOME_TRAFFIC", .sales: "OUTCOME_SALES"])

    /// The parts of a headline, as the platform receives them: Google each part, Meta the first one.
    public func headlineParts(_ headline: String) -> [String] {
        let parts = CreativeText.headlineParts(headline)
        return usesFirstHeadlinePartOnly ? Array(parts.prefix(1)) : Array(parts.prefix(headlinePartsMax))
    }

    /// What a whole creative breaks beyond each text's own rules: how many headlines and descriptions the ad has.
    /// Meta shows the first of each, so only Google's responsive search ads count them.
    public func countProblems(headlines: [String], descriptions: [String]) -> [CreativeProblem] {
        var problems: [CreativeProblem] = []
        for (field, noun, count, range) in [
            ("headlines", "headlines", headlines.count, headlineCount), ("descriptions", "descriptions", descriptions.count, descriptionCount),
        ] where !range.contains(count) {
            let tooFew = count < range.lowerBound
            problems.append(CreativeProblem(
                field: field, code: tooFew ? .tooFew : .tooMany,
                message: "\(adFormat)s need \(range.lowerBound) to \(range.upperBound) \(noun); this creative has \(count)."))
        }
        return problems
    }

    /// Every way `creative` breaks this platform's rules, each naming the creative field it concerns.
    public func problems(headline: String, description: String?, mediaURL: String?, callToAction: CallToAction) -> [CreativeProblem] {
        var problems: [CreativeProblem] = []
        let parts = CreativeText.headlineParts(headline)
        if parts.isEmpty {
            problems.append(CreativeProblem(field: "headline", code: .missing, message: "\(adFormat)s need a headline."))
        }
        for part in usesFirstHeadlinePartOnly ? Array(parts.prefix(1)) : parts where part.count > headlineMaxLength {
            problems.append(CreativeProblem(
                field: "headline", code: .tooLong,
                message: "Headline part \"\(part)\" has \(part.count) characters; \(platform.displayName) allows \(headlineMaxLength)."))
        }
        if !usesFirstHeadlinePartOnly, parts.count > headlinePartsMax {
            problems.append(CreativeProblem(
                field: "headline", code: .tooMany,
                message: "\(parts.count) headline parts; \(platform.displayName) takes at most \(headlinePartsMax)."))
        }
        if let limit = descriptionMaxLength, let description, description.count > limit {
            problems.append(CreativeProblem(
                field: "description", code: .tooLong,
                message: "Description has \(description.count) characters; \(platform.displayName) allows \(limit)."))
        }
        if !supportsImages, let mediaURL, !mediaURL.isEmpty {
            problems.append(CreativeProblem(
                field: "mediaUrl", code: .imageNotSupported,
                message: "\(platform.displayName) \(adFormat.lowercased())s do not show images; the image is ignored."))
        }
        if callToActions[callToAction] == nil {
            problems.append(CreativeProblem(
                field: "callToAction", code: .callToActionNotAccepted,
                message: "\(platform.displayName) does not accept the call to action \"\(callToAction.label)\"."))
        }
        if reviewsEditorialStandards {
            for part in parts { problems += EditorialStandards.problems(in: part, field: "headline", isHeadline: true) }
            if let description { problems += EditorialStandards.problems(in: description, field: "description", isHeadline: false) }
        }
        return problems
    }
}

/// One rule a creative breaks on one platform.
public struct CreativeProblem: Sendable, Equatable {
    public enum Code: String, Sendable {
        case missing = "MISSING", tooLong = "TOO_LONG", tooMany = "TOO_MANY", tooFew = "TOO_FEW"
        case imageNotSupported = "IMAGE_NOT_SUPPORTED", callToActionNotAccepted = "CALL_TO_ACTION_NOT_ACCEPTED"
        case excessiveCapitalization = "EXCESSIVE_CAPITALIZATION", gimmickyPunctuation = "GIMMICKY_PUNCTUATION"
    }

    /// What the platform does with an ad that has this problem.
    public enum Severity: String, Sendable {
        /// The platform refuses the ad: a launch is refused until it is fixed.
        case blocking
        /// The platform creates the ad, and its review is likely to disapprove it: the launch goes ahead.
        case reviewRisk = "review_risk"
        /// The platform accepts the ad and leaves the part out (Search ads show no image, as the seed's preview says).
        case note
    }

    /// The creative's input field, as the API names it (`headline`, `description`, `mediaUrl`, `callToAction`).
    public var field: String
    public var code: Code
    public var message: String

    public var severity: Severity {
        switch code {
        case .imageNotSupported: .note
        case .excessiveCapitalization, .gimmickyPunctuation: .reviewRisk
        default: .blocking
        }
    }
}

/// How creative text splits the way the platforms show it.
public enum CreativeText {
    /// The separator between headline parts: "New Spicy Jalapeño Chips | 20% Off" is two headlines.
    public static let headlineSeparator = " | "

    public static func headlineParts(_ headline: String) -> [String] {
        headline.components(separatedBy: headlineSeparator)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}

extension Platform {
    public var displayName: String {
        switch self {
        case .googleAds: return "Google Ads"
        case .metaAds: return "Meta"
        }
    }
}

extension CallToAction {
    /// The button text the platforms show.
    public var label: String {
        switch self {
        case .shopNow: return "Shop Now"
        case .learnMore: return "Learn More"
        case .signUp: return "Sign Up"
        case .bookNow: return "Book Now"
        case .contactUs: return "Contact Us"
        case .download: return "Download"
        case .getOffer: return "Get Offer"
        case .subscribe: return "Subscribe"
        }
    }
}
