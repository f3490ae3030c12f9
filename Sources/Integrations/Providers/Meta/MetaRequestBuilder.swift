import Foundation

/// Builds every Graph API request the provider sends, without the access token (added only when sending),
/// so that dry runs show the very requests a launch would send. POST parameters go as a JSON body (the Graph
/// API takes JSON as well as form fields; JSON keeps nested objects and dry runs readable).
public struct MetaRequestBuilder: Sendable {
    public let graphURL: URL

    public init(graphURL: URL) { self.graphURL = graphURL }

    /// `{graph}/{version}/act_{id}/{edge}`, where objects of the account are created.
    public func accountEdgeURL(accountID: String, edge: String) -> URL {
        MetaGraphAPI.url(graphURL, "\(MetaGraphAPI.accountNode(accountID))/\(edge)")
    }

    public func createCampaign(_ campaign: MetaCampaignParameters, accountID: String) -> PlatformRequest {
        var fields: [String: Any] = [
            "name": campaign.name, "objective": campaign.objective, "status": campaign.status,
            "special_ad_categories": campaign.specialAdCategories, "bid_strategy": campaign.bidStrategy,
        ]
        switch campaign.budget {
        case .daily(let minor): fields["daily_budget"] = minor
        case .lifetime(let minor): fields["lifetime_budget"] = minor
        }
        return post("\(MetaGraphAPI.accountNode(accountID))/campaigns", fields)
    }

    public func createAdSet(_ adSet: MetaAdSetParameters, accountID: String) -> PlatformRequest {
        var fields: [String: Any] = [
            "name": adSet.name, "campaign_id": adSet.campaignID, "targeting": adSet.targeting.json,
            "billing_event": adSet.billingEvent, "optimization_goal": adSet.optimizationGoal, "status": adSet.status,
        ]
        if let start = adSet.startTime { fields["start_time"] = start }
        if let end = adSet.endTime { fields["end_time"] = end }
        if let promoted = adSet.promotedObject { fields["promoted_object"] = promoted }
        if let beneficiary = adSet.dsaBeneficiary { fields["dsa_beneficiary"] = beneficiary }
        if let payor = adSet.dsaPayor { fields["dsa_payor"] = payor }
        return post("\(MetaGraphAPI.accountNode(accountID))/adsets", fields)
    }

    /// `POST act_{id}/adimages` with the image's bytes in base64: Meta stores it and answers its hash, which
    /// creatives then use (`link_data.image_hash`) (https://developers.facebook.com/docs/marketing-api/reference/ad-image).
    /// The same bytes always get the same hash, so repeating it creates nothing twice.
    public func uploadImage(_ bytes: Data, accountID: String) -> PlatformRequest {
        post("\(MetaGraphAPI.accountNode(accountID))/adimages", ["bytes": bytes.base64EncodedString()], safeToRepeat: true)
    }

    public func createCreative(_ creative: MetaCreativeParameters, accountID: String) -> PlatformRequest {
        post("\(MetaGraphAPI.accountNode(accountID))/adcreatives", [
            "name": creative.name, "object_story_spec": creative.objectStorySpec,
        ])
    }

    public func createAd(_ ad: MetaAdParameters, accountID: String) -> PlatformRequest {
        post("\(MetaGraphAPI.accountNode(accountID))/ads", [
            "name": ad.name, "adset_id": ad.adSetID, "creative": ["creative_id": ad.creativeID], "status": ad.status,
        ])
    }

    /// `POST /{object-id}` with `status`: campaigns, ad sets and ads alike.
    public func setStatus(_ status: String, objectID: String) -> PlatformRequest {
        post(objectID, ["status": status], safeToRepeat: true)
    }

    /// `DELETE /{object-id}`.
    public func delete(objectID: String) -> PlatformRequest {
        PlatformRequest(method: "DELETE", url: MetaGraphAPI.url(graphURL, objectID))
    }

    /// Daily insights of several campaigns in one request, a row per campaign (`level=campaign`) or per ad of
    /// them (`level=ad`, with `ad_id`; reach is left out there, since unique people do not add across ads)
    /// (https://developers.facebook.com/docs/marketing-api/insights/parameters).
    public func insights(accountID: String, campaignIDs: [String], since: String, until: String, level: String = "campaign",
                         limit: Int = 100) -> PlatformRequest {
        let filtering: [[String: Any]] = [["field": "campaign.id", "operator": "IN", "value": campaignIDs]]
        return get("\(MetaGraphAPI.accountNode(accountID))/insights", [
            ("level", level), ("time_increment", "1"),
            ("fields", level == "ad" ? "campaign_id,ad_id,objective,impressions,clicks,spend,actions,action_values"
                                     : "campaign_id,objective,impressions,clicks,spend,actions,action_values,reach"),
            ("time_range", Self.json(["since": since, "until": until])),
            ("filtering", Self.json(filtering)), ("limit", String(limit)),
        ])
    }

    /// What Meta suggests as an account's EU beneficiary and payer, from its recent activity
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-account/dsa_recommendations).
    public func transparencyRecommendations(accountID: String) -> PlatformRequest {
        get("\(MetaGraphAPI.accountNode(accountID))/dsa_recommendations", [])
    }

    /// How many people a targeting could reach each month, for an optimization goal
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-account/delivery_estimate).
    public func deliveryEstimate(accountID: String, targeting: MetaTargeting, optimizationGoal: String) -> PlatformRequest {
        get("\(MetaGraphAPI.accountNode(accountID))/delivery_estimate", [
            ("targeting_spec", Self.json(targeting.json)), ("optimization_goal", optimizationGoal),
            ("fields", "estimate_mau_lower_bound,estimate_mau_upper_bound,estimate_ready"),
        ])
    }

    /// The account's objects on `edge` (`campaigns`, `adsets`, `adcreatives`, `ads`) with exactly this name,
    /// with `fields` (`id,name,adset_id`): how a launch finds what an earlier attempt created when the answer was lost.
    public func objects(named name: String, edge: String, fields: String, accountID: String, limit: Int = 100) -> PlatformRequest {
        let filtering: [[String: Any]] = [["field": "name", "operator": "EQUAL", "value": name]]
        return get("\(MetaGraphAPI.accountNode(accountID))/\(edge)", [
            ("fields", fields), ("filtering", Self.json(filtering)), ("limit", String(limit)),
        ])
    }

    /// The Pages the person has a role on, with the tasks the role allows (`ADVERTISE` among them)
    /// (https://developers.facebook.com/docs/graph-api/reference/user/accounts/).
    public func pages(limit: Int = 100) -> PlatformRequest {
        get("me/accounts", [("fields", "id,name,tasks"), ("limit", String(limit))])
    }

    /// The ad account's pixels (https://developers.facebook.com/docs/marketing-api/reference/ad-account/adspixels/).
    public func pixels(accountID: String, limit: Int = 100) -> PlatformRequest {
        get("\(MetaGraphAPI.accountNode(accountID))/adspixels", [("fields", "id,name"), ("limit", String(limit))])
    }

    public func adAccounts(limit: Int = 100) -> PlatformRequest {
        get("me/adaccounts", [("fields", "account_id,name,currency,account_status"), ("limit", String(limit))])
    }

    func get(_ path: String, _ query: [(String, String)]) -> PlatformRequest {
        PlatformRequest(method: "GET", url: MetaGraphAPI.url(graphURL, path, query: query))
    }

    func post(_ path: String, _ fields: [String: Any], safeToRepeat: Bool = false) -> PlatformRequest {
        PlatformRequest(method: "POST", url: MetaGraphAPI.url(graphURL, path), body: .json(Data(Self.json(fields).utf8)), isSafeToRepeat: safeToRepeat)
    }

    /// Compact JSON text with sorted keys, so that the same object always reads the same.
    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
