import Foundation
import Integrations

/// The requests a launch sends, built in one place for real calls and dry runs alike. A campaign with its
/// budget, and an ad group with its criteria and custom audience, each go in one googleAds:mutate, so that
/// either everything exists on Google afterwards or nothing does (a retry never duplicates half of it).
struct GoogleAdsLaunchRequests {
    let provider: GoogleAdsProvider
    let customerID: String
    let accessToken: String

    private func resource(_ collection: String, _ id: String) -> String {
        GoogleResourceName.make(customerID: customerID, collection: collection, id: id)
    }

    /// The budget (temporary id -1) and the SEARCH campaign spending it (temporary id -2).
    func campaign(_ spec: CampaignLaunchSpec) throws -> PlatformRequest {
        guard let micros = GoogleAdsMicros.micros(spec.budgetAmount), micros > 0 else {
            throw PlatformError.invalidRequest(message: "The budget \(spec.budgetAmount) \(spec.currency) is not a positive whole number of micros.", field: "budget.amount")
        }
        guard let bidding = PlatformCapabilities.googleSearch.objectives[spec.objective].flatMap(Self.biddingField) else {
            throw PlatformError.invalidRequest(message: "Google Ads has no bidding strategy for the objective \(spec.objective.rawValue).", field: "objective")
        }
        var budget: [String: Any] = [
            "resourceName": resource("campaignBudgets", "-1"),
            "name": "\(spec.name) – budget \(spec.campaignID.uuidString.prefix(8).lowercased())",
            "deliveryMethod": "STANDARD", "explicitlyShared": false,
        ]
        switch spec.budgetType {
        case .daily: budget["amountMicros"] = String(micros)
        case .lifetime:
            budget["totalAmountMicros"] = String(micros)
            budget["period"] = "CUSTOM_PERIOD"
        }
        let campaign: [String: Any] = [
            "resourceName": resource("campaigns", "-2"),
            "name": LaunchMarker.name(spec.name, id: spec.campaignID),
            "status": "ENABLED",
            "advertisingChannelType": "SEARCH",
            "campaignBudget": resource("campaignBudgets", "-1"),
            bidding: [String: Any](),
            "networkSettings": ["targetGoogleSearch": true, "targetSearchNetwork": true, "targetContentNetwork": false, "targetPartnerSearchNetwork": false],
            "containsEuPoliticalAdvertising": "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING",
        ]
        return provider.batchMutateRequest(customerID: customerID, operations: [
            .create("campaignBudgetOperation", budget), .create("campaignOperation", campaign),
        ], accessToken: accessToken)
    }

    /// The capability table's bidding names → the campaign's bidding strategy field (Maximize clicks is
    /// `targetSpend` in the API).
    static func biddingField(_ strategy: String) -> String? {
        ["MAXIMIZE_CONVERSIONS": "maximizeConversions", "MAXIMIZE_CLICKS": "targetSpend",
         "MAXIMIZE_CONVERSION_VALUE": "maximizeConversionValue"][strategy]
    }

    /// The ad group (-1), the campaign's locations not yet targeted, the excluded age ranges, and the
    /// interests as a custom audience (-2) attached to the ad group.
    func adGroup(_ spec: AdGroupLaunchSpec, existingLocations: Set<String>) throws -> PlatformRequest {
        let campaign = resource("campaigns", spec.externalCampaignID.isEmpty ? "{campaign}" : spec.externalCampaignID)
        let adGroup = resource("adGroups", "-1")
        var operations: [GoogleAdsOperation] = [.create("adGroupOperation", [
            "resourceName": adGroup, "name": LaunchMarker.name(spec.name, id: spec.unitID), "campaign": campaign, "status": "ENABLED", "type": "SEARCH_STANDARD",
        ])]
        var added = existingLocations
        for location in spec.locations {
            let constant = try GoogleAdsTargeting.geoTargetConstant(location)
            guard added.insert(constant).inserted else { continue }
            operations.append(.create("campaignCriterionOperation", ["campaign": campaign, "location": ["geoTargetConstant": constant]]))
        }
        for range in GoogleAdsTargeting.excludedAgeRanges(ageMin: spec.ageMin, ageMax: spec.ageMax) {
            operations.append(.create("adGroupCriterionOperation", ["adGroup": adGroup, "negative": true, "ageRange": ["type": range]]))
        }
        if !spec.interests.isEmpty {
            let audience = resource("customAudiences", "-2")
            operations.append(.create("customAudienceOperation", [
                "resourceName": audience,
                "name": "\(spec.name) – interests \(spec.unitID.uuidString.prefix(8).lowercased())",
                "type": "AUTO", "status": "ENABLED",
                "members": spec.interests.map { ["memberType": "KEYWORD", "keyword": $0] },
            ]))
            operations.append(.create("adGroupCriterionOperation", ["adGroup": adGroup, "status": "ENABLED", "customAudience": ["customAudience": audience]]))
        }
        return provider.batchMutateRequest(customerID: customerID, operations: operations, accessToken: accessToken)
    }

    /// A responsive search ad: each headline part (capability table) as a headline, the description, the landing page.
    func ad(_ spec: AdLaunchSpec) -> PlatformRequest {
        let (headlines, descriptions) = Self.adContent(spec)
        return provider.mutateRequest(customerID: customerID, service: "adGroupAds", operations: [["create": [
            "adGroup": resource("adGroups", spec.externalAdGroupID.isEmpty ? "{adGroup}" : spec.externalAdGroupID),
            "status": "ENABLED",
            "ad": [
                "finalUrls": [spec.landingURL],
                "responsiveSearchAd": [
                    "headlines": headlines.map { ["text": $0] },
                    "descriptions": descriptions.map { ["text": $0] },
                ],
            ] as [String: Any],
        ] as [String: Any]]], accessToken: accessToken)
    }

    /// The ad's headlines (each headline part) and descriptions, as sent and as found again on retries.
    static func adContent(_ spec: AdLaunchSpec) -> (headlines: [String], descriptions: [String]) {
        (PlatformCapabilities.googleSearch.headlineParts(spec.headline),
         [spec.description].compactMap { $0?.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// ENABLED or PAUSED, through an update whose mask names only the status.
    func status(_ status: DeliveryStatus, service: String, id: String) -> PlatformRequest {
        provider.mutateRequest(customerID: customerID, service: service, operations: [[
            "update": ["resourceName": resource(service, id), "status": status == .active ? "ENABLED" : "PAUSED"],
            "updateMask": "status",
        ]], accessToken: accessToken)
    }
}
