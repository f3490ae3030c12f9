import Foundation
import Integrations

/// Our launch specs in the Marketing API's terms. Objectives and calls to action come from the capability
/// table. Locations go by their Meta ids (`TargetingEntry.metaID`): countries to `geo_locations.countries`,
/// regions and cities as `{key}` to `geo_locations.regions` / `cities`; interests by id in one
/// `flexible_spec` group (any of them qualifies); entries without a Meta id are left out (the launch checks
/// report them first). `targeting_automation.advantage_audience` is 0 (see `MetaTargeting`). Ages: 65 means
/// "65 and over", which is Meta's own maximum.
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
        var adSet = MetaAdSetParameters(
            name: LaunchMarker.name(spec.name, id: spec.unitID), campaignID: spec.externalCampaignID, targeting: targeting(spec),
            billingEvent: billingEvent, optimizationGoal: optimizationGoals[spec.objective] ?? "LINK_CLICKS", status: "ACTIVE")
        adSet.startTime = spec.startDate.map { "\($0)T00:00:00+0000" }
        adSet.endTime = spec.endDate.map { "\($0)T23:59:59+0000" }
        adSet.promotedObject = promotedObject(spec)
        if EUTransparency.isRequired(for: spec.locations), let transparency = spec.transparency {
            adSet.dsaBeneficiary = transparency.beneficiary
            adSet.dsaPayor = transparency.payor
        }
        return adSet
    }

    /// The conversion event Sales ad sets optimize for and count as `conversions` (row 9 of the contract table).
    static let salesEvent = "PURCHASE"

    /// Sales (OFFSITE_CONVERSIONS): the pixel and its purchase event; Leads (LEAD_GENERATION): the Page whose
    /// lead forms collect them; Traffic: none.
    static func promotedObject(_ spec: AdGroupLaunchSpec) -> [String: String]? {
        switch spec.objective {
        case .sales: return spec.metaPixelID.map { ["pixel_id": $0, "custom_event_type": salesEvent] }
        case .leads: return spec.pageID.map { ["page_id": $0] }
        case .traffic: return nil
        }
    }

    static func targeting(_ spec: AdGroupLaunchSpec) -> MetaTargeting {
        targeting(locations: spec.locations, ageMin: spec.ageMin, ageMax: spec.ageMax, interests: spec.interests)
    }

    /// Entries go by their Meta ids; ages within Meta's 13 to 65+.
    static func targeting(locations: [TargetingEntry], ageMin: Int, ageMax: Int, interests: [TargetingEntry]) -> MetaTargeting {
        func keys(_ kind: TargetingEntry.Kind) -> [String] { locations.filter { $0.kind == kind }.compactMap(\.metaID) }
        return MetaTargeting(
            countries: keys(.country), regions: keys(.region), cities: keys(.city),
            ageMin: max(13, ageMin), ageMax: min(65, ageMax),
            interests: interests.compactMap { entry in entry.metaID.map { MetaInterest(id: $0, name: entry.name) } },
            advantageAudience: 0)
    }

    /// The card's title is the headline's first part (the table says Meta shows only that one).
    static func creative(_ spec: AdLaunchSpec) -> MetaCreativeParameters {
        let capabilities = PlatformCapabilities.of(.metaAds)
        let headline = capabilities.headlineParts(spec.headline).first ?? spec.headline
        return MetaCreativeParameters(
            name: "\(headline) [\(spec.creativeID.uuidString.lowercased())]", pageID: spec.pageID, message: spec.description, headline: headline,
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
