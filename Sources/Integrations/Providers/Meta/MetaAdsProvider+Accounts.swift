import Foundation

/// The ad accounts a token can use (`/me/adaccounts`).
extension MetaAdsProvider {
    /// `account_status` values of accounts that can no longer run ads: pending closure (100) and closed (101).
    static let closedAccountStatuses: Set<Int> = [100, 101]

    public func listAdAccounts(accessToken: String) throws -> [PlatformAdAccount] {
        try sendPaged(requests.adAccounts(), accessToken: accessToken).compactMap { row in
            if let status = MetaErrorParser.integer(row["account_status"]), Self.closedAccountStatuses.contains(status) { return nil }
            let id = (row["account_id"] as? String) ?? (row["id"] as? String).map { String($0.dropFirst("act_".count)) }
            guard let id, let name = row["name"] as? String, let currency = row["currency"] as? String else { return nil }
            return PlatformAdAccount(externalID: id, name: name, currency: currency)
        }
    }

    /// The pixels of an ad account, which Sales ad sets optimize for.
    public func listPixels(accountID: String, accessToken: String) throws -> [PlatformPixel] {
        try sendPaged(requests.pixels(accountID: accountID), accessToken: accessToken).compactMap { row in
            guard let id = row["id"] as? String, let name = row["name"] as? String else { return nil }
            return PlatformPixel(id: id, name: String(name.prefix(255)))
        }
    }

    /// Meta's suggestions for the account's EU beneficiary and payer (`{"data": [{"recommendations": [...]}]}`),
    /// distinct and in Meta's order; to be reviewed by the user, as Meta says they may be wrong.
    public func transparencyRecommendations(accountID: String, accessToken: String) throws -> [String] {
        var seen = Set<String>()
        return try sendPaged(requests.transparencyRecommendations(accountID: accountID), accessToken: accessToken)
            .flatMap { $0["recommendations"] as? [String] ?? [] }
            .map { String($0.prefix(255)) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Meta's estimate of the people `targeting` reaches in a month, as a range; nil while Meta has none ready
    /// (`estimate_ready` false) or answers without bounds.
    public func deliveryEstimate(accountID: String, targeting: MetaTargeting, accessToken: String) throws -> ClosedRange<Int>? {
        let row = (try send(requests.deliveryEstimate(accountID: accountID, targeting: targeting, optimizationGoal: "REACH"), accessToken: accessToken)["data"]
            as? [[String: Any]])?.first
        func number(_ key: String) -> Int? { (row?[key] as? NSNumber)?.intValue ?? (row?[key] as? String).flatMap { Int($0) } }
        guard row?["estimate_ready"] as? Bool != false, let lower = number("estimate_mau_lower_bound"),
              let upper = number("estimate_mau_upper_bound"), lower >= 0, lower <= upper else { return nil }
        return lower...upper
    }

    /// The Pages ads can run as: those whose role includes the `ADVERTISE` task
    /// (https://developers.facebook.com/docs/pages-api/overview#tasks).
    public func listPages(accessToken: String) throws -> [PlatformPage] {
        try sendPaged(requests.pages(), accessToken: accessToken).compactMap { row in
            guard let id = row["id"] as? String, let name = row["name"] as? String,
                  (row["tasks"] as? [String])?.contains("ADVERTISE") == true else { return nil }
            return PlatformPage(id: id, name: String(name.prefix(255)))
        }
    }
}
