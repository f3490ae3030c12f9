import Foundation

/// A campaign as `POST act_{id}/campaigns` takes it. The budget lives on the campaign (campaign budget
/// optimization), in minor units of the account currency.
public struct MetaCampaignParameters: Sendable, Equatable {
    public enum Budget: Sendable, Equatable {
        case daily(minorUnits: Int)
        case lifetime(minorUnits: Int)
    }

    public var name: String
    /// An ODAX objective (`OUTCOME_TRAFFIC`, ...), from the capability table.
    public var objective: String
    public var status: String
    public var specialAdCategories: [String]
    public var budget: Budget
    public var bidStrategy: String

    public init(name: String, objective: String, status: String, specialAdCategories: [String] = [], budget: Budget,
                bidStrategy: String = "LOWEST_COST_WITHOUT_CAP") {
        self.name = name
        self.objective = objective
        self.status = status
        self.specialAdCategories = specialAdCategories
        self.budget = budget
        self.bidStrategy = bidStrategy
    }
}

/// Who an ad set reaches: `targeting` of `POST act_{id}/adsets`.
public struct MetaTargeting: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 codes.
    public var countries: [String]
    /// Region keys.
    public var regions: [String]
    public var ageMin: Int
    public var ageMax: Int
    /// Interests by name (the Graph API also takes their ids from targeting search).
    public var interests: [String]

    public init(countries: [String], regions: [String], ageMin: Int, ageMax: Int, interests: [String]) {
        self.countries = countries
        self.regions = regions
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
    }

    /// The JSON object the API expects.
    var json: [String: Any] {
        var geo: [String: Any] = [:]
        if !countries.isEmpty { geo["countries"] = countries }
        if !regions.isEmpty { geo["regions"] = regions.map { ["key": $0] } }
        var object: [String: Any] = ["geo_locations": geo, "age_min": ageMin, "age_max": ageMax]
        if !interests.isEmpty { object["flexible_spec"] = [["interests": interests.map { ["name": $0] }]] }
        return object
    }
}

/// An ad set (`POST act_{id}/adsets`) in a campaign that carries the budget.
public struct MetaAdSetParameters: Sendable, Equatable {
    public var name: String
    public var campaignID: String
    public var targeting: MetaTargeting
    public var billingEvent: String
    public var optimizationGoal: String
    public var status: String

    public init(name: String, campaignID: String, targeting: MetaTargeting, billingEvent: String, optimizationGoal: String, status: String) {
        self.name = name
        self.campaignID = campaignID
        self.targeting = targeting
        self.billingEvent = billingEvent
        self.optimizationGoal = optimizationGoal
        self.status = status
    }
}

/// A link ad's creative (`POST act_{id}/adcreatives`, `object_story_spec.link_data`).
public struct MetaCreativeParameters: Sendable, Equatable {
    public var name: String
    /// The Facebook page the ad runs as, when configured.
    public var pageID: String?
    /// Primary text (`link_data.message`).
    public var message: String?
    /// The card's title (`link_data.name`).
    public var headline: String
    public var link: String
    /// Image URL (`link_data.picture`).
    public var picture: String?
    /// A `call_to_action.type` value (`SHOP_NOW`, ...), from the capability table.
    public var callToActionType: String

    public init(name: String, pageID: String? = nil, message: String?, headline: String, link: String, picture: String?, callToActionType: String) {
        self.name = name
        self.pageID = pageID
        self.message = message
        self.headline = headline
        self.link = link
        self.picture = picture
        self.callToActionType = callToActionType
    }

    var objectStorySpec: [String: Any] {
        var linkData: [String: Any] = [
            "name": headline, "link": link,
            "call_to_action": ["type": callToActionType, "value": ["link": link]],
        ]
        if let message { linkData["message"] = message }
        if let picture { linkData["picture"] = picture }
        var spec: [String: Any] = ["link_data": linkData]
        if let pageID { spec["page_id"] = pageID }
        return spec
    }
}

/// An ad (`POST act_{id}/ads`): a creative placed in an ad set.
public struct MetaAdParameters: Sendable, Equatable {
    public var name: String
    public var adSetID: String
    public var creativeID: String
    public var status: String

    public init(name: String, adSetID: String, creativeID: String, status: String) {
        self.name = name
        self.adSetID = adSetID
        self.creativeID = creativeID
        self.status = status
    }
}
