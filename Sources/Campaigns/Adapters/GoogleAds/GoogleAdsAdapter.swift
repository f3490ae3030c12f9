import Foundation
import Integrations
import Postgres

/// Campaigns on Google Ads: a SEARCH campaign with its budget, ad groups with the audience's criteria,
/// responsive search ads, status changes and daily metrics — all through `GoogleAdsProvider`.
/// External ids: campaign and ad group ids; an ad is `{adGroupId}~{adId}` (its ad group ad's key).
public struct GoogleAdsAdapter: PlatformAdapter {
    public let provider: GoogleAdsProvider
    public var platform: Platform { .googleAds }

    public init(provider: GoogleAdsProvider) { self.provider = provider }

    public func createCampaign(_ campaign: CampaignLaunchSpec, in account: PlatformAccount) throws -> String {
        try checkCurrency(campaign.currency, account)
        if campaign.adoptExisting, let id = try existingCampaign(campaign, in: account) { return id }
        let requests = try requests(account)
        let names = try provider.batchMutate(try requests.campaign(campaign), accessToken: account.accessToken)
        guard let name = names.first(where: { $0.contains("/campaigns/") }) else {
            throw PlatformError.permanent(message: "Google Ads created no campaign.")
        }
        return GoogleResourceName.id(of: name)
    }

    public func createAdGroup(_ adGroup: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String {
        if adGroup.adoptExisting, let id = try existingAdGroup(adGroup, in: account) { return id }
        let requests = try requests(account)
        let existing = try existingLocations(campaignID: adGroup.externalCampaignID, account)
        let names = try provider.batchMutate(try requests.adGroup(adGroup, existingLocations: existing), accessToken: account.accessToken)
        guard let name = names.first(where: { $0.contains("/adGroups/") }) else {
            throw PlatformError.permanent(message: "Google Ads created no ad group.")
        }
        return GoogleResourceName.id(of: name)
    }

    public func createAd(_ ad: AdLaunchSpec, in account: PlatformAccount) throws -> String {
        if ad.adoptExisting, let id = try existingAd(ad, in: account) { return id }
        let names = try provider.mutate(try requests(account).ad(ad), accessToken: account.accessToken)
        guard let name = names.first else { throw PlatformError.permanent(message: "Google Ads created no ad.") }
        return GoogleResourceName.id(of: name)
    }

    public func setCampaignStatus(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) throws {
        _ = try provider.mutate(try requests(account).status(status, service: "campaigns", id: externalCampaignID), accessToken: account.accessToken)
    }

    public func setAdGroupStatus(_ status: DeliveryStatus, externalAdGroupID: String, in account: PlatformAccount) throws {
        _ = try provider.mutate(try requests(account).status(status, service: "adGroups", id: externalAdGroupID), accessToken: account.accessToken)
    }

    public func fetchNormalizedMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics {
        guard !externalCampaignIDs.isEmpty else { return NormalizedMetrics(metrics: []) }
        let query = try GoogleAdsMetrics.query(campaignIDs: externalCampaignIDs, from: from, to: to)
        let rows = try provider.searchStream(customerID: try customerID(account), loginCustomerID: account.loginCustomerID, query: query, accessToken: account.accessToken)
        return GoogleAdsMetrics.normalize(rows)
    }

    public func fetchAdMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics {
        guard !externalCampaignIDs.isEmpty else { return NormalizedMetrics(metrics: []) }
        let query = try GoogleAdsMetrics.query(campaignIDs: externalCampaignIDs, from: from, to: to, byAd: true)
        let rows = try provider.searchStream(customerID: try customerID(account), loginCustomerID: account.loginCustomerID, query: query, accessToken: account.accessToken)
        return GoogleAdsMetrics.normalize(rows)
    }

    public func plannedLaunchRequests(campaign: CampaignLaunchSpec, adGroups: [AdGroupLaunchSpec], ads: [AdLaunchSpec], in account: PlatformAccount) -> [PlannedPlatformRequest] {
        let requests: GoogleAdsLaunchRequests
        do { requests = try self.requests(account) } catch { return [Self.refused("use the ad account", error)] }
        var planned: [PlannedPlatformRequest] = []
        do {
            planned.append(PlannedPlatformRequest(step: "create campaign \"\(campaign.name)\" with its budget", request: try requests.campaign(campaign)))
        } catch {
            planned.append(Self.refused("create campaign \"\(campaign.name)\"", error))
        }
        var locations: Set<String> = []
        for adGroup in adGroups {
            do {
                let request = try requests.adGroup(adGroup, existingLocations: locations)
                locations.formUnion((try? GoogleAdsLaunchRequests.geoTargetConstants(adGroup.locations)) ?? [])
                let note = GoogleAdsLaunchRequests.interestsIgnoredNote(adGroup).map { " (\($0))" } ?? ""
                planned.append(PlannedPlatformRequest(step: "create ad group \"\(adGroup.name)\" with its targeting and keywords\(note)", request: request))
            } catch {
                planned.append(Self.refused("create ad group \"\(adGroup.name)\"", error))
            }
        }
        for ad in ads {
            planned.append(PlannedPlatformRequest(step: "create responsive search ad \"\(ad.headline)\"", request: requests.ad(ad)))
        }
        return planned
    }

    public func plannedCampaignStatusRequest(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) -> PlannedPlatformRequest {
        let step = "set campaign \(externalCampaignID) \(status.rawValue)"
        do { return PlannedPlatformRequest(step: step, request: try requests(account).status(status, service: "campaigns", id: externalCampaignID)) }
        catch { return Self.refused(step, error) }
    }

    /// A step a real launch would fail at before sending anything, shown in the plan instead of a request.
    private static func refused(_ step: String, _ error: Error) -> PlannedPlatformRequest {
        PlannedPlatformRequest(step: "\(step): refused before sending (\((error as? PlatformError)?.message ?? "\(error)"))", method: "NONE", url: "", body: nil)
    }

    func requests(_ account: PlatformAccount) throws -> GoogleAdsLaunchRequests {
        GoogleAdsLaunchRequests(
            provider: provider, customerID: try customerID(account), accessToken: account.accessToken, loginCustomerID: account.loginCustomerID)
    }

    func customerID(_ account: PlatformAccount) throws -> String {
        guard let id = GoogleCustomerID.normalized(account.externalAccountID) else {
            throw PlatformError.invalidRequest(message: "\"\(account.externalAccountID)\" is not a Google Ads customer id.", field: "adAccount")
        }
        return id
    }

    private func checkCurrency(_ currency: String, _ account: PlatformAccount) throws {
        guard currency.uppercased() == account.currency.uppercased() else {
            throw PlatformError.invalidRequest(message: "The budget is in \(currency) but the Google Ads account bills in \(account.currency).", field: "budget.currency")
        }
    }

    /// The campaign's location criteria already on Google (an earlier ad group added them).
    private func existingLocations(campaignID: String, _ account: PlatformAccount) throws -> Set<String> {
        let campaignID = try GAQL.id(campaignID, "externalCampaignId", kind: "campaign id")
        let rows = try provider.search(
            customerID: try customerID(account), loginCustomerID: account.loginCustomerID,
            query: "SELECT campaign_criterion.location.geo_target_constant FROM campaign_criterion WHERE campaign.id = \(campaignID) AND campaign_criterion.type = 'LOCATION'",
            accessToken: account.accessToken)
        return Set(rows.compactMap { (($0["campaignCriterion"] as? [String: Any])?["location"] as? [String: Any])?["geoTargetConstant"] as? String })
    }
}
