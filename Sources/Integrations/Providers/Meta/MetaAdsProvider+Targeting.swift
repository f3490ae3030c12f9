import Foundation

/// Meta's targeting search: `GET /search?type=adgeolocation` (countries, regions, cities, with `location_types`)
/// and `type=adinterest` (https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search).
/// Ad sets take these keys and ids; names are refused.
extension MetaAdsProvider {
    public func targetingSearch(interests: Bool, query: String, limit: Int = 25, accessToken: String) throws -> [PlatformTargetingOption] {
        let request = interests
            ? requests.get("search", [("type", "adinterest"), ("q", query), ("limit", String(limit))])
            : requests.get("search", [("type", "adgeolocation"), ("q", query), ("location_types", #"["country","region","city"]"#), ("limit", String(limit))])
        let rows = try send(request, accessToken: accessToken)["data"] as? [[String: Any]] ?? []
        return rows.compactMap { row in
            guard let name = row["name"] as? String else { return nil }
            if interests {
                guard let id = (row["id"] as? String) ?? (row["id"] as? NSNumber)?.stringValue else { return nil }
                return PlatformTargetingOption(kind: .interest, id: id, name: name, countryCode: nil,
                                               detail: (row["path"] as? [String])?.joined(separator: " › "))
            }
            guard let key = (row["key"] as? String) ?? (row["key"] as? NSNumber)?.stringValue,
                  let kind = (row["type"] as? String).flatMap(PlatformTargetingOption.Kind.init(rawValue:)), kind != .interest else { return nil }
            let detail = [row["region"] as? String, row["country_name"] as? String].compactMap { $0 }.joined(separator: ", ")
            return PlatformTargetingOption(kind: kind, id: key, name: name, countryCode: row["country_code"] as? String,
                                           detail: detail.isEmpty || kind == .country ? nil : detail)
        }
    }
}
