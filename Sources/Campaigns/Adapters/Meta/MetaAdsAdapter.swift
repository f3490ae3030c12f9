import Foundation
import Integrations
import Postgres

/// Campaigns on Meta through `MetaAdsProvider`: a campaign carrying the budget (in minor units of the
/// account currency), one ad set per unit with its audience's targeting, and per creative an ad creative
/// plus an ad. Every object is created `ACTIVE`; launch and plans use the same request builders. An image
/// uploaded to this server goes to Meta as bytes (`adimages`, then `image_hash`): Meta cannot fetch a private
/// deployment's URL; other image URLs go as `picture`, which Meta fetches.
public struct MetaAdsAdapter: PlatformAdapter {
    public let provider: MetaAdsProvider
    /// Finds the files of images uploaded here.
    public let media: MediaLibrary?
    public var platform: Platform { .metaAds }

    public init(provider: MetaAdsProvider, media: MediaLibrary? = nil) {
        self.provider = provider
        self.media = media
    }

    public func createCampaign(_ campaign: CampaignLaunchSpec, in account: PlatformAccount) throws -> String {
        let parameters = try MetaLaunchMapping.campaign(campaign)
        if campaign.adoptExisting, let id = try existing("campaigns", named: parameters.name, in: account).first?.id { return id }
        return try provider.createCampaign(parameters, accountID: account.externalAccountID, accessToken: account.accessToken)
    }

    public func createAdGroup(_ adGroup: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String {
        let parameters = MetaLaunchMapping.adSet(adGroup)
        if adGroup.adoptExisting,
           let id = try existing("adsets", named: parameters.name, in: account).first(where: { $0.parent == adGroup.externalCampaignID })?.id {
            return id
        }
        return try provider.createAdSet(parameters, accountID: account.externalAccountID, accessToken: account.accessToken)
    }

    /// The creative first, then the ad that places it in the ad set. When the ad is refused, the creative is
    /// deleted again (best effort), so that a retried launch leaves no unused creative behind. A retried
    /// launch adopts the ad, or else the creative, that an earlier attempt created without hearing back.
    public func createAd(_ ad: AdLaunchSpec, in account: PlatformAccount) throws -> String {
        let creative = MetaLaunchMapping.creative(ad)
        var adoptedCreativeID: String?
        if ad.adoptExisting {
            let adName = MetaLaunchMapping.ad(ad, creativeID: "").name
            if let id = try existing("ads", named: adName, in: account).first(where: { $0.parent == ad.externalAdGroupID })?.id { return id }
            adoptedCreativeID = try existing("adcreatives", named: creative.name, in: account).first?.id
        }
        let creativeID = try adoptedCreativeID ?? provider.createCreative(
            try withUploadedImage(creative, of: ad, in: account), accountID: account.externalAccountID, accessToken: account.accessToken)
        do {
            return try provider.createAd(
                MetaLaunchMapping.ad(ad, creativeID: creativeID), accountID: account.externalAccountID, accessToken: account.accessToken)
        } catch {
            try? provider.delete(objectID: creativeID, accessToken: account.accessToken)
            throw error
        }
    }

    /// The creative with its image uploaded to the account when the image is one of ours.
    private func withUploadedImage(_ creative: MetaCreativeParameters, of ad: AdLaunchSpec, in account: PlatformAccount) throws -> MetaCreativeParameters {
        guard let file = media?.file(for: ad.mediaURL) else { return creative }
        guard let bytes = try? Data(contentsOf: file) else {
            throw PlatformError.invalidRequest(message: "The creative's image can no longer be read; upload it again.", field: "mediaUrl")
        }
        var uploaded = creative
        uploaded.imageHash = try provider.uploadImage(bytes, accountID: account.externalAccountID, accessToken: account.accessToken)
        return uploaded
    }

    /// The account's objects on `edge` with exactly this (marked) name: their ids and, for ad sets and ads,
    /// the campaign or ad set they belong to.
    private func existing(_ edge: String, named name: String, in account: PlatformAccount) throws -> [(id: String, parent: String?)] {
        let parentField = ["adsets": "campaign_id", "ads": "adset_id"][edge]
        let rows = try provider.objects(
            named: name, edge: edge, fields: (["id", "name"] + [parentField].compactMap { $0 }).joined(separator: ","),
            accountID: account.externalAccountID, accessToken: account.accessToken)
        return rows.compactMap { row in
            guard let id = Self.text(row["id"]), (row["name"] as? String).map({ $0 == name }) ?? true else { return nil }
            return (id, parentField.flatMap { Self.text(row[$0]) })
        }
    }

    private static func text(_ value: Any?) -> String? {
        (value as? String) ?? (value as? NSNumber)?.stringValue
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

    public func fetchAdMetrics(externalCampaignIDs: [String], from: CalendarDate, to: CalendarDate, in account: PlatformAccount) throws -> NormalizedMetrics {
        let rows = try provider.adInsights(
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
            var creative = MetaLaunchMapping.creative(ad)
            if let file = media?.file(for: ad.mediaURL) {
                // The upload's body is the image in base64; the plan names the file and its size instead.
                let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
                planned.append(PlannedPlatformRequest(
                    step: "adImage \(ad.creativeID)", method: "POST", url: requests.accountEdgeURL(accountID: accountID, edge: "adimages").absoluteString,
                    body: #"{"bytes":"<\#(size) bytes of \#(file.lastPathComponent) in base64>"}"#))
                creative.imageHash = "{image\(index + 1)}"
            }
            planned.append(PlannedPlatformRequest(step: "adCreative \(ad.creativeID)", request: requests.createCreative(creative, accountID: accountID)))
            planned.append(PlannedPlatformRequest(step: "ad \(ad.creativeID)", request: requests.createAd(MetaLaunchMapping.ad(ad, creativeID: creativeRef), accountID: accountID)))
        }
        return planned
    }
}
