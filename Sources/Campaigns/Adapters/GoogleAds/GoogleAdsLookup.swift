import Foundation
import Integrations

/// Finding what an earlier launch attempt created on Google when the answer was lost (see `LaunchMarker`):
/// a campaign by its marked name in the account, an ad group by its marked name in its campaign, and a
/// responsive search ad — which has no name — by its ad group, final URL, headlines and descriptions.
/// Each returns the id the create would have returned, or nil when nothing was created.
extension GoogleAdsAdapter {
    func existingCampaign(_ spec: CampaignLaunchSpec, in account: PlatformAccount) throws -> String? {
        let name = GAQL.string(LaunchMarker.name(spec.name, id: spec.campaignID))
        return try firstID("campaign", query: "SELECT campaign.id FROM campaign WHERE campaign.name = \(name)", account)
    }

    func existingAdGroup(_ spec: AdGroupLaunchSpec, in account: PlatformAccount) throws -> String? {
        let name = GAQL.string(LaunchMarker.name(spec.name, id: spec.unitID))
        return try firstID("adGroup", query: """
            SELECT ad_group.id FROM ad_group WHERE campaign.id = \(try GAQL.id(spec.externalCampaignID, "externalCampaignId")) AND ad_group.name = \(name)
            """, account)
    }

    /// An ad of the ad group showing exactly this creative (two identical creatives in one unit would be
    /// indistinguishable here; the first is adopted).
    func existingAd(_ spec: AdLaunchSpec, in account: PlatformAccount) throws -> String? {
        let adGroupID = try GAQL.id(spec.externalAdGroupID, "externalAdGroupId")
        let rows = try provider.search(customerID: try customerID(account), loginCustomerID: account.loginCustomerID, query: """
            SELECT ad_group_ad.ad.id, ad_group_ad.ad.final_urls, ad_group_ad.ad.responsive_search_ad.headlines, \
            ad_group_ad.ad.responsive_search_ad.descriptions FROM ad_group_ad WHERE ad_group.id = \(adGroupID)
            """, accessToken: account.accessToken)
        let request = GoogleAdsLaunchRequests.adContent(spec)
        for row in rows {
            guard let adGroupAd = row["adGroupAd"] as? [String: Any], let ad = adGroupAd["ad"] as? [String: Any],
                  let resourceName = adGroupAd["resourceName"] as? String else { continue }
            let search = ad["responsiveSearchAd"] as? [String: Any] ?? [:]
            func texts(_ key: String) -> [String] { (search[key] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String } }
            if (ad["finalUrls"] as? [String]) == [spec.landingURL], texts("headlines") == request.headlines, texts("descriptions") == request.descriptions {
                return GoogleResourceName.id(of: resourceName)
            }
        }
        return nil
    }

    private func firstID(_ resource: String, query: String, _ account: PlatformAccount) throws -> String? {
        let rows = try provider.search(customerID: try customerID(account), loginCustomerID: account.loginCustomerID, query: query, accessToken: account.accessToken)
        return rows.lazy.compactMap { ($0[resource] as? [String: Any])?["resourceName"] as? String }.first.map(GoogleResourceName.id(of:))
    }
}

/// Values written into Google Ads Query Language text.
enum GAQL {
    /// A string literal: single-quoted, with backslashes and single quotes escaped, so a name cannot end the
    /// literal and add conditions of its own.
    static func string(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// A numeric id, refused unless it is one (it goes into the query unquoted); `kind` names it in the error.
    static func id(_ value: String, _ field: String, kind: String = "id") throws -> String {
        guard !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw PlatformError.invalidRequest(message: "\"\(value)\" is not a Google Ads \(kind).", field: field)
        }
        return value
    }
}
