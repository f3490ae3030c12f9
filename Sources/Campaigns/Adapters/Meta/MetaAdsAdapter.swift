import Foundation
import Integrations
import Postgres

/// Campaigns on Meta through `MetaAdsProvider`: a campaign carrying the budget (in minor units of the
/// account currency), one ad set per unit with its audience's targeting, and per creative an ad creative
/// plus an ad. Every object is created `ACTIVE`; launch and plans use the same request builders.
public struct MetaAdsAdapter: PlatformAdapter {
    public let provider: MetaAdsProvider
    public var platform: Platform { .metaAds }

    public init(provider: MetaAdsProvider) { self.provider = provider }

    public func createCampaign(_ campaign: CampaignLaunchSpec, in account: PlatformAccount) throws -> String {
        try provider.createCampaign(MetaLaunchMapping.campaign(campaign), accountID: account.externalAccountID, accessToken: account.accessToken)
    }

    public func createAdGroup(_ adGroup: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String {
        try provider.createAdSet(MetaLaunchMapping.adSet(adGroup), accountID: account.externalAccountID, accessToken: account.accessToken)
    }

    /// The creative first, then the ad that places it in the ad set. When the ad is refused, the creative is
    /// deleted again (best effort), so that a retried launch leaves no unused creative behind.
    public func createAd(_ ad: AdLaunchSpec, in account: PlatformAccount) throws -> String {
        let creativeID = try provider.createCreative(
            MetaLaunchMapping.creative(ad), accountID: account.externalAccountID, accessToken: account.accessToken)
        do {
            return try provider.createAd(
                MetaLaunchMapping.ad(ad, creativeID: creativeID), accountID: account.externalAccountID, accessToken: account.accessToken)
        } catch {
            try? provider.delete(objectID: creativeID, accessToken: account.accessToken)
            throw error
        }
    }

    public func setCampaignStatus(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) throws {
        try provider.setStatus(MetaLaunchMapping.status(status), objectID: externalCampaignID, accessToken: account.accessToken)
    }

    public func setAdGroupStatus(_ status: DeliveryStatus, externalAdGroupID: String, in account: PlatformAccount) throws {
        try provider.setStatus(MetaLaunchMapping.status(status), objectID: externalAdGroupID, accessToken: account.accessToken)
    }

    public func fetchNormalizedMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics {
        let rows = try provider.campaignInsights(
            campaignIDs: externalCampaignIDs, since: from.description, until: to.description,
            accountID: account.externalAccountID, accessToken: account.accessToken)
        return MetaMetricsMapping.normalize(rows)
    }

    public func plannedCampaignStatusRequest(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) -> PlannedPlatformRequest {
        PlannedPlatformRequest(
            step: "campaign \(externalCampaignID) \(status.rawValue)",
            request: provider.requests.setStatus(MetaLaunchMapping.status(status), objectID: externalCampaignID))
    }

    /// Campaign, ad sets, then per ad its creative and the ad; the creative ids not known yet appear as
    /// `{creative1}`, `{creative2}`, … (the caller's specs carry its own placeholders for campaign and ad sets).
    public func plannedLaunchRequests(campaign: CampaignLaunchSpec, adGroups: [AdGroupLaunchSpec], ads: [AdLaunchSpec], in account: PlatformAccount) -> [PlannedPlatformRequest] {
        let requests = provider.requests, accountID = account.externalAccountID
        var planned: [PlannedPlatformRequest] = []
        do {
            planned.append(PlannedPlatformRequest(step: "campaign", request: requests.createCampaign(try MetaLaunchMapping.campaign(campaign), accountID: accountID)))
        } catch {
            planned.append(PlannedPlatformRequest(
                step: "campaign", method: "POST", url: requests.accountEdgeURL(accountID: accountID, edge: "campaigns").absoluteString,
                body: "refused before sending: \(error)"))
        }
        for adGroup in adGroups {
            planned.append(PlannedPlatformRequest(step: "adSet \(adGroup.name)", request: requests.createAdSet(MetaLaunchMapping.adSet(adGroup), accountID: accountID)))
        }
        for (index, ad) in ads.enumerated() {
            let creativeRef = "{creative\(index + 1)}"
            planned.append(PlannedPlatformRequest(step: "adCreative \(ad.creativeID)", request: requests.createCreative(MetaLaunchMapping.creative(ad), accountID: accountID)))
            planned.append(PlannedPlatformRequest(step: "ad \(ad.creativeID)", request: requests.createAd(MetaLaunchMapping.ad(ad, creativeID: creativeRef), accountID: accountID)))
        }
        return planned
    }
}
