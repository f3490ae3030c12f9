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

/// Who an ad set reaches: `targeting` of `POST act_{id}/adsets`. Locations and interests go by the ids of
/// the Marketing API's targeting search (https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search):
/// countries by ISO code, regions and cities by their numeric `key`, interests by numeric `id` — names are
/// refused. Since Graph v23.0 a new ad set must say whether Advantage+ audience is on
/// (`targeting_automation.advantage_audience` 1 or 0), or Meta refuses it with code 100, subcode 1870227
/// ("Advantage Audience Flag Required"); we send 0 because our audiences set their own age range, which
/// Advantage+ audience would only treat as a suggestion
/// (https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-expansion/advantage-audience).
public struct MetaTargeting: Sendable, Equatable {
    /// ISO 3166-1 alpha-2 codes.
    public var countries: [String]
    /// Numeric region keys.
    public var regions: [String]
    /// Numeric city keys.
    public var cities: [String]
    public var ageMin: Int
    public var ageMax: Int
    /// Interests by id (the name is informative).
    public var interests: [MetaInterest]
    /// 0: our age range and locations are constraints; 1: Meta may widen the audience.
    public var advantageAudience: Int

    public init(countries: [String], regions: [String], cities: [String] = [], ageMin: Int, ageMax: Int, interests: [MetaInterest],
                advantageAudience: Int = 0) {
        self.countries = countries
        self.regions = regions
        self.cities = cities
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.advantageAudience = advantageAudience
    }

    /// The JSON object the API expects.
    var json: [String: Any] {
        var geo: [String: Any] = [:]
        if !countries.isEmpty { geo["countries"] = countries }
        if !regions.isEmpty { geo["regions"] = regions.map { ["key": $0] } }
        if !cities.isEmpty { geo["cities"] = cities.map { ["key": $0] } }
        var object: [String: Any] = [
            "geo_locations": geo, "age_min": ageMin, "age_max": ageMax,
            "targeting_automation": ["advantage_audience": advantageAudience],
        ]
        if !interests.isEmpty { object["flexible_spec"] = [["interests": interests.map { ["id": $0.id, "name": $0.name] }]] }
        return object
    }
}

/// An interest from `/search?type=adinterest`: its numeric id and name.
public struct MetaInterest: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
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
    /// ISO 8601 with offset (`2026-12-24T23:59:59+0000`); `end_time` is required under a lifetime budget
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-campaign#Creating).
    public var startTime: String? = nil
    public var endTime: String? = nil
    /// What the ad set optimizes for: `{pixel_id, custom_event_type}` for conversions, `{page_id}` for leads
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-promoted-object).
    public var promotedObject: [String: String]? = nil
    /// Who benefits from and who pays for ads that reach the EU: required on every ad set that targets it (Meta for
    /// Developers blog, "New Marketing and MPA API Requirements for Facebook and Instagram Ads Targeting the EU").
    public var dsaBeneficiary: String? = nil
    public var dsaPayor: String? = nil

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
    /// Image URL (`link_data.picture`), which Meta fetches itself: for images on the public internet.
    public var picture: String?
    /// An uploaded image's hash (`link_data.image_hash`), in place of `picture`.
    public var imageHash: String? = nil
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
        if let imageHash {
            linkData["image_hash"] = imageHash
        } else if let picture {
            linkData["picture"] = picture
        }
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
