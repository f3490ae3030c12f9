import Foundation

/// Google's location search: `POST /vNN/geoTargetConstants:suggest` with `locationNames.names`
/// (https://developers.google.com/google-ads/api/reference/rpc/latest/GeoTargetConstantService). Google Search
/// has no interest search of ours: Search campaigns target keywords.
extension GoogleAdsProvider {
    public func suggestGeoTargetsRequest(query: String, locale: String = "en", accessToken: String) -> PlatformRequest {
        PlatformRequest(
            method: "POST", url: apiURL("geoTargetConstants:suggest"), headers: publicHeaders(), secretHeaders: secretHeaders(accessToken),
            body: PlatformRequest.jsonBody(["locale": locale, "locationNames": ["names": [query]]]), isSafeToRepeat: true)
    }

    /// Country, state (region) and city suggestions for `query`; other target types (postal codes, DMAs…) are left out.
    public func suggestGeoTargets(query: String, accessToken: String) throws -> [PlatformTargetingOption] {
        let answer = try sendJSON(suggestGeoTargetsRequest(query: query, accessToken: accessToken), accessToken: accessToken)
        let kinds: [String: PlatformTargetingOption.Kind] = ["Country": .country, "State": .region, "Province": .region, "Region": .region, "City": .city]
        return (answer["geoTargetConstantSuggestions"] as? [[String: Any]] ?? []).compactMap { suggestion in
            guard let constant = suggestion["geoTargetConstant"] as? [String: Any],
                  let kind = (constant["targetType"] as? String).flatMap({ kinds[$0] }),
                  let id = (constant["id"] as? String) ?? (constant["id"] as? NSNumber)?.stringValue ?? (constant["resourceName"] as? String)?.split(separator: "/").last.map(String.init),
                  let name = constant["name"] as? String else { return nil }
            return PlatformTargetingOption(kind: kind, id: id, name: name, countryCode: constant["countryCode"] as? String,
                                           detail: (constant["canonicalName"] as? String)?.replacingOccurrences(of: ",", with: ", "))
        }
    }
}
