import Foundation
import Integrations
import Postgres

/// The ad account a platform call acts on, with a fresh access token.
public struct PlatformAccount: Sendable {
    public var externalAccountID: String
    public var currency: String
    public var accessToken: String
    /// Google: the manager account requests go through (`login-customer-id`), when the account is a client of one.
    public var loginCustomerID: String?

    public init(externalAccountID: String, currency: String, accessToken: String, loginCustomerID: String? = nil) {
        self.externalAccountID = externalAccountID
        self.currency = currency
        self.accessToken = accessToken
        self.loginCustomerID = loginCustomerID
    }
}

/// A campaign as the platform receives it, with its budget.
public struct CampaignLaunchSpec: Sendable {
    public var campaignID: UUID
    public var name: String
    public var objective: Objective
    public var budgetType: BudgetType
    /// In the account's currency, exactly (converted to micros or minor units by the adapter).
    public var budgetAmount: Decimal
    public var currency: String
    /// The first and last day (`YYYY-MM-DD`); a lifetime budget has an end.
    public var startDate: String? = nil
    public var endDate: String? = nil
    /// The launch retries one that failed: before creating, the adapter looks for the object an earlier
    /// attempt created but never heard back about (`LaunchMarker`), and adopts its id.
    public var adoptExisting = false

    public init(campaignID: UUID, name: String, objective: Objective, budgetType: BudgetType, budgetAmount: Decimal, currency: String) {
        self.campaignID = campaignID
        self.name = name
        self.objective = objective
        self.budgetType = budgetType
        self.budgetAmount = budgetAmount
        self.currency = currency
    }
}

/// A campaign unit as an ad group (Google) or ad set (Meta), with its audience's targeting.
public struct AdGroupLaunchSpec: Sendable {
    public var unitID: UUID
    public var name: String
    public var externalCampaignID: String
    /// The campaign's first and last day (`YYYY-MM-DD`): Meta schedules ad sets, not campaigns.
    public var startDate: String? = nil
    public var endDate: String? = nil
    /// What a Meta ad set optimizes for: the campaign's pixel (Sales), the account's Page (Leads).
    public var metaPixelID: String? = nil
    public var pageID: String? = nil
    /// The ad account's EU beneficiary and payer (Meta ad sets that reach the EU carry them).
    public var transparency: EUTransparency? = nil
    public var objective: Objective
    public var budgetType: BudgetType
    /// The unit's share of the budget, when it has one (Meta ad sets may carry their own budget).
    public var budgetAllocation: Decimal?
    public var currency: String
    /// Where the ads show, with each platform's id (`TargetingEntry`).
    public var locations: [TargetingEntry]
    public var ageMin: Int
    /// 65 means 65 and over.
    public var ageMax: Int
    /// Meta targets them by id; Google Search has no interest targeting, so they are not sent there.
    public var interests: [TargetingEntry]
    /// Google Search keywords, one KEYWORD criterion each.
    public var keywords: [Keyword] = []
    /// The launch retries one that failed: before creating, the adapter looks for the object an earlier
    /// attempt created but never heard back about (`LaunchMarker`), and adopts its id.
    public var adoptExisting = false

    public init(unitID: UUID, name: String, externalCampaignID: String, objective: Objective, budgetType: BudgetType,
                budgetAllocation: Decimal?, currency: String, locations: [TargetingEntry], ageMin: Int, ageMax: Int, interests: [TargetingEntry],
                keywords: [Keyword] = []) {
        self.unitID = unitID
        self.name = name
        self.externalCampaignID = externalCampaignID
        self.objective = objective
        self.budgetType = budgetType
        self.budgetAllocation = budgetAllocation
        self.currency = currency
        self.locations = locations
        self.ageMin = ageMin
        self.ageMax = ageMax
        self.interests = interests
        self.keywords = keywords
    }

    /// Locations and interests as plain strings, read the way audiences saved as strings are (`legacyLocation`).
    public init(unitID: UUID, name: String, externalCampaignID: String, objective: Objective, budgetType: BudgetType,
                budgetAllocation: Decimal?, currency: String, locations: [String], ageMin: Int, ageMax: Int, interests: [String],
                keywords: [Keyword] = []) {
        self.init(unitID: unitID, name: name, externalCampaignID: externalCampaignID, objective: objective, budgetType: budgetType,
                  budgetAllocation: budgetAllocation, currency: currency, locations: locations.map(TargetingEntry.legacyLocation),
                  ageMin: ageMin, ageMax: ageMax, interests: interests.map(TargetingEntry.legacyInterest), keywords: keywords)
    }
}

/// A creative as an ad: a responsive search ad on Google, an ad creative plus an ad on Meta.
public struct AdLaunchSpec: Sendable {
    public var creativeID: UUID
    public var externalAdGroupID: String
    public var headline: String
    public var description: String?
    /// The headlines after `headline` and the descriptions after `description` (Google's responsive search ads).
    public var moreHeadlines: [String] = []
    public var moreDescriptions: [String] = []
    public var mediaURL: String?
    public var callToAction: CallToAction
    public var landingURL: String
    /// The Facebook Page the ad runs as (Meta's `object_story_spec.page_id`).
    public var pageID: String? = nil
    /// Shown as the advertiser on Meta (the organization's name).
    public var advertiserName: String
    /// The launch retries one that failed: before creating, the adapter looks for the object an earlier
    /// attempt created but never heard back about (`LaunchMarker`), and adopts its id.
    public var adoptExisting = false

    public init(creativeID: UUID, externalAdGroupID: String, headline: String, description: String?, mediaURL: String?,
                callToAction: CallToAction, landingURL: String, advertiserName: String) {
        self.creativeID = creativeID
        self.externalAdGroupID = externalAdGroupID
        self.headline = headline
        self.description = description
        self.mediaURL = mediaURL
        self.callToAction = callToAction
        self.landingURL = landingURL
        self.advertiserName = advertiserName
    }
}

/// Whether a platform object delivers.
public enum DeliveryStatus: String, Sendable {
    case active, paused
}

/// One day's value of one of our metrics (`MetricDefinition` key), already in our units.
public struct NormalizedMetric: Sendable, Equatable {
    public var externalCampaignID: String
    /// The ad's id for ad-level figures (`fetchAdMetrics`), nil for the campaign's.
    public var externalAdID: String?
    public var date: CalendarDate
    public var key: String
    public var value: Decimal

    public init(externalCampaignID: String, externalAdID: String? = nil, date: CalendarDate, key: String, value: Decimal) {
        self.externalCampaignID = externalCampaignID
        self.externalAdID = externalAdID
        self.date = date
        self.key = key
        self.value = value
    }
}

/// Metrics read for a set of campaigns, plus the platform metric names we have no definition for.
public struct NormalizedMetrics: Sendable {
    public var metrics: [NormalizedMetric]
    public var unknownPlatformMetrics: Set<String>

    public init(metrics: [NormalizedMetric], unknownPlatformMetrics: Set<String> = []) {
        self.metrics = metrics
        self.unknownPlatformMetrics = unknownPlatformMetrics
    }
}

/// A request an adapter would send, for dry runs: ids not known before sending appear as placeholders
/// such as `{campaign}`; secrets never appear.
public struct PlannedPlatformRequest: Sendable, Equatable {
    public var step: String
    public var method: String
    public var url: String
    public var body: String?

    public init(step: String, method: String, url: String, body: String?) {
        self.step = step
        self.method = method
        self.url = url
        self.body = body
    }

    public init(step: String, request: PlatformRequest) {
        var body: String?
        switch request.body {
        case .none: body = nil
        case .json(let data): body = String(decoding: data, as: UTF8.self)
        case .form(let fields): body = FormEncoding.encode(fields.map { PlatformRequest.isSecret($0.0) ? ($0.0, "REDACTED") : $0 })
        }
        self.init(step: step, method: request.method, url: request.redactedURL, body: body)
    }
}

/// A platform, as campaign logic sees it. Each adapter reaches its platform only through its provider, and
/// every create call is idempotent from the caller's side only through the ids the caller records.
public protocol PlatformAdapter: Sendable {
    var platform: Platform { get }

    /// Creates the campaign with its budget; returns the campaign's external id.
    func createCampaign(_ campaign: CampaignLaunchSpec, in account: PlatformAccount) throws -> String
    /// Creates an ad group or ad set; returns its external id.
    func createAdGroup(_ adGroup: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String
    /// Creates an ad (on Meta, its creative first); returns the ad's external id.
    func createAd(_ ad: AdLaunchSpec, in account: PlatformAccount) throws -> String
    func setCampaignStatus(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) throws
    func setAdGroupStatus(_ status: DeliveryStatus, externalAdGroupID: String, in account: PlatformAccount) throws
    /// Daily metrics for several campaigns of one account at once, in our keys and units.
    func fetchNormalizedMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics
    /// The same figures per ad of those campaigns (each metric with its `externalAdID`), from the platform's
    /// ad-level report: what reports by unit and creative, and automated rules, are built on.
    func fetchAdMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics

    /// The requests a launch of `campaign` with these ad groups and ads would send, in order, without sending.
    func plannedLaunchRequests(campaign: CampaignLaunchSpec, adGroups: [AdGroupLaunchSpec], ads: [AdLaunchSpec], in account: PlatformAccount) -> [PlannedPlatformRequest]
    /// The request `setCampaignStatus` would send, for dry runs (a retried launch enables its held campaign).
    func plannedCampaignStatusRequest(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) -> PlannedPlatformRequest

    // MARK: Live campaigns

    /// Changes the set fields of a campaign on the platform, all in one request: the platform applies all of
    /// them or none. Sending the same update again changes nothing more.
    func updateCampaign(_ update: CampaignUpdate, externalCampaignID: String, in account: PlatformAccount) throws
    /// Pauses or enables one ad (a creative version replaced by a newer one is paused).
    func setAdStatus(_ status: DeliveryStatus, externalAdID: String, in account: PlatformAccount) throws
    /// The platform's review of each of these ads of one account (ads it no longer has are left out).
    func fetchAdReviews(externalAdIDs: [String], in account: PlatformAccount) throws -> [AdReview]
}
