import Foundation
import Integrations

/// The requests a launch sends, built in one place for real calls and dry runs alike. A campaign with its
/// budget, and an ad group with its criteria and keywords, each go in one googleAds:mutate, so that
/// either everything exists on Google afterwards or nothing does (a retry never duplicates half of it).
struct GoogleAdsLaunchRequests {
    let provider: GoogleAdsProvider
    let customerID: String
    let accessToken: String
    /// The manager account the requests go through, when the account is a client of one.
    let loginCustomerID: String?

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
        var campaign: [String: Any] = [
            "resourceName": resource("campaigns", "-2"),
            "name": LaunchMarker.name(spec.name, id: spec.campaignID),
            "status": "ENABLED",
            "advertisingChannelType": "SEARCH",
            "campaignBudget": resource("campaignBudgets", "-1"),
            bidding: [String: Any](),
            "networkSettings": ["targetGoogleSearch": true, "targetSearchNetwork": true, "targetContentNetwork": false, "targetPartnerSearchNetwork": false],
            "containsEuPoliticalAdvertising": "DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING",
        ]
        // Campaign.start_date_time / end_date_time, "yyyy-MM-dd HH:mm:ss" in the account's time zone (v23+); a
        // total budget needs the end (https://developers.google.com/google-ads/api/reference/rpc/v26/Campaign).
        if let start = spec.startDate { campaign["startDateTime"] = "\(start) 00:00:00" }
        if let end = spec.endDate { campaign["endDateTime"] = "\(end) 23:59:59" }
        return provider.batchMutateRequest(customerID: customerID, loginCustomerID: loginCustomerID, operations: [
            .create("campaignBudgetOperation", budget), .create("campaignOperation", campaign),
        ], accessToken: accessToken)
    }

    /// The capability table's bidding names → the campaign's bidding strategy field (Maximize clicks is
    /// `targetSpend` in the API).
    static func biddingField(_ strategy: String) -> String? {
        ["MAXIMIZE_CONVERSIONS": "maximizeConversions", "MAXIMIZE_CLICKS": "targetSpend",
         "MAXIMIZE_CONVERSION_VALUE": "maximizeConversionValue"][strategy]
    }

    /// The ad group (-1), the campaign's locations not yet targeted, the excluded age ranges and the unit's
    /// keywords, in one googleAds:mutate. Every operation is a member of `MutateOperation`
    /// (google/ads/googleads/v25/services/google_ads_service.proto): a member it lacks, such as the
    /// `customAudienceOperation` sent before, makes Google refuse the whole request (INVALID_ARGUMENT, "Unknown
    /// name"). Keywords: `adGroupCriterionOperation` with `keyword: {text, matchType}` (KeywordInfo: text at most
    /// 80 characters and 10 words; https://developers.google.com/google-ads/api/reference/rpc/latest/KeywordInfo).
    /// Interests are not sent: Search takes no interest targeting (see `interestsIgnoredNote`).
    func adGroup(_ spec: AdGroupLaunchSpec, existingLocations: Set<String>) throws -> PlatformRequest {
        let campaign = resource("campaigns", spec.externalCampaignID.isEmpty ? "{campaign}" : spec.externalCampaignID)
        let adGroup = resource("adGroups", "-1")
        var operations: [GoogleAdsOperation] = [.create("adGroupOperation", [
            "resourceName": adGroup, "name": LaunchMarker.name(spec.name, id: spec.unitID), "campaign": campaign, "status": "ENABLED", "type": "SEARCH_STANDARD",
        ])]
        var added = existingLocations
        for constant in try Self.geoTargetConstants(spec.locations) {
            guard added.insert(constant).inserted else { continue }
            operations.append(.create("campaignCriterionOperation", ["campaign": campaign, "location": ["geoTargetConstant": constant]]))
        }
        for range in GoogleAdsTargeting.excludedAgeRanges(ageMin: spec.ageMin, ageMax: spec.ageMax) {
            operations.append(.create("adGroupCriterionOperation", ["adGroup": adGroup, "negative": true, "ageRange": ["type": range]]))
        }
        for keyword in spec.keywords {
            operations.append(.create("adGroupCriterionOperation", [
                "adGroup": adGroup, "status": "ENABLED", "keyword": ["text": keyword.text, "matchType": keyword.matchType.rawValue],
            ]))
        }
        return provider.batchMutateRequest(customerID: customerID, loginCustomerID: loginCustomerID, operations: operations, accessToken: accessToken)
    }

    /// `geoTargetConstants/{id}` for each location, from the id its entry carries; a location without one is
    /// refused before sending (the launch checks report it first).
    static func geoTargetConstants(_ locations: [TargetingEntry]) throws -> [String] {
        try locations.map { entry in
            guard let id = entry.googleID else {
                throw PlatformError.invalidRequest(message: "Google Ads has no geo target for the location \"\(entry.name)\"; pick it from targetingSearch.", field: "locations")
            }
            return "geoTargetConstants/\(id)"
        }
    }

    /// What the plan says about interests on Search, or nil when the unit has none. Google's custom audiences
    /// (their own `CustomAudienceService`, not a `MutateOperation` member) are documented for Display, Demand
    /// Gen, Video and Performance Max campaigns, not Search
    /// (https://developers.google.com/google-ads/api/docs/remarketing/audience-segments/custom-audiences),
    /// so interests are ignored there, like an image on a responsive search ad.
    static func interestsIgnoredNote(_ spec: AdGroupLaunchSpec) -> String? {
        spec.interests.isEmpty ? nil
            : "interests ignored on Search: \(spec.interests.map(\.name).joined(separator: ", ")); keywords choose the searches"
    }

    /// A responsive search ad: each headline part (capability table) as a headline, the description, the landing page.
    func ad(_ spec: AdLaunchSpec) -> PlatformRequest {
        let (headlines, descriptions) = Self.adContent(spec)
        return provider.mutateRequest(customerID: customerID, loginCustomerID: loginCustomerID, service: "adGroupAds", operations: [["create": [
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

    /// The ad's headlines (the first one's " | " parts, then the others) and descriptions, as sent and as found
    /// again on retries.
    static func adContent(_ spec: AdLaunchSpec) -> (headlines: [String], descriptions: [String]) {
        let headlines = CreativeText.headlineParts(spec.headline) + spec.moreHeadlines
        let descriptions = ([spec.description].compactMap { $0 } + spec.moreDescriptions)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return (Array(headlines.prefix(PlatformCapabilities.googleSearch.headlineCount.upperBound)), descriptions)
    }

    /// ENABLED or PAUSED, through an update whose mask names only the status.
    func status(_ status: DeliveryStatus, service: String, id: String) -> PlatformRequest {
        provider.mutateRequest(customerID: customerID, loginCustomerID: loginCustomerID, service: service, operations: [[
            "update": ["resourceName": resource(service, id), "status": status == .active ? "ENABLED" : "PAUSED"],
            "updateMask": "status",
        ]], accessToken: accessToken)
    }
}
