import Foundation
import Integrations

/// What a unit's targeting lacks on its campaign's platform, found before any request is sent:
/// - a location (or, on Meta, an interest) with no id from that platform's targeting search
///   (`LOCATION_NOT_SUPPORTED` on Google, `TARGETING_ID_MISSING` on Meta);
/// - a Google Search unit without keywords (`KEYWORDS_MISSING`): Search ad groups are matched to searches by
///   their keywords (https://support.google.com/google-ads/answer/6323 "About keywords"), so one without any
///   is accepted but serves almost nothing.
/// Interests on Google are no problem: Search campaigns take no interest targeting (Google documents custom
/// audiences for Display, Demand Gen, Video and Performance Max), so they are left out of the requests and
/// the plan says so (`GoogleAdsLaunchRequests.interestsIgnoredNote`).
enum TargetingProblems {
    static func of(platform: Platform, audience: Audience?, keywords: [Keyword], unitName: String, field: String) -> [LaunchProblem] {
        var problems: [LaunchProblem] = []
        if let audience {
            for entry in audience.targetedLocations where entry.id(on: platform) == nil {
                problems.append(platform == .googleAds
                    ? LaunchProblem(field: "\(field).audience.locations", code: "LOCATION_NOT_SUPPORTED",
                                    message: "Google Ads has no geo target for the location \"\(entry.name)\" of unit \"\(unitName)\"; pick it from targetingSearch.")
                    : LaunchProblem(field: "\(field).audience.locations", code: "TARGETING_ID_MISSING",
                                    message: "The location \"\(entry.name)\" of unit \"\(unitName)\" has no Meta key; pick it from targetingSearch."))
            }
            if platform == .metaAds {
                for entry in audience.targetedInterests where entry.metaID == nil {
                    problems.append(LaunchProblem(
                        field: "\(field).audience.interests", code: "TARGETING_ID_MISSING",
                        message: "The interest \"\(entry.name)\" of unit \"\(unitName)\" has no Meta interest id; pick it from targetingSearch."))
                }
            }
        }
        if platform == .googleAds {
            if keywords.isEmpty {
                problems.append(LaunchProblem(
                    field: "\(field).keywords", code: "KEYWORDS_MISSING",
                    message: "Search unit \"\(unitName)\" needs at least one keyword; Search ads are shown for the keywords of their ad group."))
            } else if case .failure(let problem) = KeywordRules.validated(keywords) {
                problems.append(LaunchProblem(field: "\(field).keywords", code: "KEYWORD_INVALID", message: problem.message))
            }
        }
        return problems
    }
}
