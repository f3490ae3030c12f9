import Foundation
import Integrations
import Postgres

// PLACEHOLDER — replaced by the real adapter on branch `google`; nothing may depend on its behaviour.
public struct GoogleAdsAdapter: PlatformAdapter {
    public let provider: GoogleAdsProvider
    public var platform: Platform { .googleAds }

    public init(provider: GoogleAdsProvider) { self.provider = provider }

    public func createCampaign(_ campaign: CampaignLaunchSpec, in account: PlatformAccount) throws -> String { throw PlatformError.permanent(message: "not built yet") }
    public func createAdGroup(_ adGroup: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String { throw PlatformError.permanent(message: "not built yet") }
    public func createAd(_ ad: AdLaunchSpec, in account: PlatformAccount) throws -> String { throw PlatformError.permanent(message: "not built yet") }
    public func setCampaignStatus(_ status: DeliveryStatus, externalCampaignID: String, in account: PlatformAccount) throws { throw PlatformError.permanent(message: "not built yet") }
    public func setAdGroupStatus(_ status: DeliveryStatus, externalAdGroupID: String, in account: PlatformAccount) throws { throw PlatformError.permanent(message: "not built yet") }
    public func fetchNormalizedMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics { throw PlatformError.permanent(message: "not built yet") }
    public func plannedLaunchRequests(campaign: CampaignLaunchSpec, adGroups: [AdGroupLaunchSpec], ads: [AdLaunchSpec], in account: PlatformAccount) -> [PlannedPlatformRequest] { [] }
}
