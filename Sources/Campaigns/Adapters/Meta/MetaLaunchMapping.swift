import Foundation
import Integrations

/// Our launch specs in the Marketing API's terms. Objectives and calls to action come from the capability
/// table. Locations: a country code ("US") goes to `geo_locations.countries`, a region code ("US-CA", ISO
/// 3166-2) to `geo_locations.regions` as its key; interests go by name in one `flexible_spec` group (any of
/// them qualifies). Ages: 65 means "65 and over", which is Meta's own maximum.
enum MetaLaunchMapping {
    /// How an ad set is optimized and billed, per objective: clicks for traffic, leads, purchases on the
    /// advertiser's site for sales; always billed per impression.
    static let optimizationGoals: [Objective: String] = [
        .traffic: "LINK_CLICKS", .leads: "LEAD_GENERATION", .sales: "OFFSITE_CONVERSIONS",
    ]
    static let billingEvent = "IMPRESSIONS"

    static func campaign(_ spec: CampaignLaunchSpec) throws -> MetaCampaignParameters {
        let minor = try MetaCurrency.minorUnits(spec.budgetAmount, currency: spec.currency, field: "budget.amount")
        guard minor > 0 else { throw PlatformError.invalidRequest(message: "The budget must be positive.", field: "budget.amount") }
        return MetaCampaignParameters(
            name: LaunchMarker.name(spec.name, id: spec.campaignID), objective: objective(spec.objective), status: "ACTIVE",
            budget: spec.budgetType == .daily ? .daily(minorUnits: minor) : .lifetime(minorUnits: minor))
    }

    static func adSet(_ spec: AdGroupLaunchSpec) -> MetaAdSetParameters {
        MetaAdSetParameters(
            name: LaunchMarker.name(spec.name, id: spec.unitID), campaignID: spec.externalCampaignID, targeting: targeting(spec),
            billingEvent: billingEvent, optimizationGoal: optimizationGoals[spec.objective] ?? "LINK_CLICKS", status: "ACTIVE")
    }

    static func targeting(_ spec: AdGroupLaunchSpec) -> MetaTargeting {
        let codes = spec.locations.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        return MetaTargeting(
            countries: codes.filter { !$0.contains("-") }, regions: codes.filter { $0.contains("-") },
            ageMin: max(13, spec.ageMin), ageMax: min(65, spec.ageMax), interests: spec.interests)
    }

    /// The card's title is the headline's first part (the table says Meta shows only that one).
    static func creative(_ spec: AdLaunchSpec) -> MetaCreativeParameters {
        let capabilities = PlatformCapabilities.of(.metaAds)
        let headline = capabilities.headlineParts(spec.headline).first ?? spec.headline
        return MetaCreativeParameters(
            name: "\(headline) [\(spec.creativeID.uuidString.lowercased())]", message: spec.description, headline: headline,
            link: spec.landingURL, picture: spec.mediaURL.flatMap { $0.isEmpty ? nil : $0 },
            callToActionType: capabilities.callToActions[spec.callToAction] ?? "LEARN_MORE")
    }

    static func ad(_ spec: AdLaunchSpec, creativeID: String) -> MetaAdParameters {
        let headline = PlatformCapabilities.of(.metaAds).headlineParts(spec.headline).first ?? spec.headline
        return MetaAdParameters(name: LaunchMarker.name(headline, id: spec.creativeID), adSetID: spec.externalAdGroupID, creativeID: creativeID, status: "ACTIVE")
    }

    static func objective(_ objective: Objective) -> String {
        PlatformCapabilities.of(.metaAds).objectives[objective] ?? "OUTCOME_TRAFFIC"
    }

    static func status(_ status: DeliveryStatus) -> String {
        switch status {
        case .active: return "ACTIVE"
        case .paused: return "PAUSED"
        }
    }
}
