import Foundation

/// Creating and switching campaigns, ad sets, creatives and ads; each returns the new object's id.
extension MetaAdsProvider {
    public func createCampaign(_ campaign: MetaCampaignParameters, accountID: String, accessToken: String) throws -> String {
        try Self.createdID(send(requests.createCampaign(campaign, accountID: accountID), accessToken: accessToken), what: "campaign")
    }

    /// Uploads an image and returns its hash (`{"images": {"bytes": {"hash": …, "url": …}}}`).
    public func uploadImage(_ bytes: Data, accountID: String, accessToken: String) throws -> String {
        let answer = try send(requests.uploadImage(bytes, accountID: accountID), accessToken: accessToken)
        guard let images = answer["images"] as? [String: Any],
              let hash = images.values.compactMap({ ($0 as? [String: Any])?["hash"] as? String }).first, !hash.isEmpty else {
            throw PlatformError.permanent(message: "Meta answered an image upload without a hash")
        }
        return hash
    }

    public func createAdSet(_ adSet: MetaAdSetParameters, accountID: String, accessToken: String) throws -> String {
        try Self.createdID(send(requests.createAdSet(adSet, accountID: accountID), accessToken: accessToken), what: "ad set")
    }

    public func createCreative(_ creative: MetaCreativeParameters, accountID: String, accessToken: String) throws -> String {
        try Self.createdID(send(requests.createCreative(creative, accountID: accountID), accessToken: accessToken), what: "ad creative")
    }

    public func createAd(_ ad: MetaAdParameters, accountID: String, accessToken: String) throws -> String {
        try Self.createdID(send(requests.createAd(ad, accountID: accountID), accessToken: accessToken), what: "ad")
    }

    /// The account's objects on `edge` named exactly `name` (every page), as the Graph API lists them.
    public func objects(named name: String, edge: String, fields: String, accountID: String, accessToken: String) throws -> [[String: Any]] {
        try sendPaged(requests.objects(named: name, edge: edge, fields: fields, accountID: accountID), accessToken: accessToken)
    }

    /// `status` is `ACTIVE` or `PAUSED` (also `ARCHIVED`, `DELETED`).
    public func setStatus(_ status: String, objectID: String, accessToken: String) throws {
        let answer = try send(requests.setStatus(status, objectID: objectID), accessToken: accessToken)
        guard (answer["success"] as? Bool) == true else {
            throw PlatformError.permanent(message: "the Graph API did not confirm the status change of \(objectID)")
        }
    }

    /// Deletes an object (Meta refuses to delete a creative that an ad uses).
    public func delete(objectID: String, accessToken: String) throws {
        let answer = try send(requests.delete(objectID: objectID), accessToken: accessToken)
        guard (answer["success"] as? Bool) == true else {
            throw PlatformError.permanent(message: "the Graph API did not confirm the deletion of \(objectID)")
        }
    }

    /// Daily campaign insights for `campaignIDs` (`since`/`until` as `YYYY-MM-DD`), every page.
    public func campaignInsights(campaignIDs: [String], since: String, until: String, accountID: String, accessToken: String) throws -> [MetaInsightsRow] {
        try insights(campaignIDs: campaignIDs, since: since, until: until, level: "campaign", accountID: accountID, accessToken: accessToken)
    }

    /// Daily insights of every ad of `campaignIDs`, every page.
    public func adInsights(campaignIDs: [String], since: String, until: String, accountID: String, accessToken: String) throws -> [MetaInsightsRow] {
        try insights(campaignIDs: campaignIDs, since: since, until: until, level: "ad", accountID: accountID, accessToken: accessToken)
    }

    private func insights(campaignIDs: [String], since: String, until: String, level: String, accountID: String, accessToken: String) throws -> [MetaInsightsRow] {
        guard !campaignIDs.isEmpty else { return [] }
        let request = requests.insights(accountID: accountID, campaignIDs: campaignIDs, since: since, until: until, level: level)
        return try sendPaged(request, accessToken: accessToken).map(MetaInsightsRow.init)
    }
}
