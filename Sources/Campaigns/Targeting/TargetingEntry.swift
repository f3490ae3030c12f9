import Foundation
import Integrations

/// One location or interest of an audience, as the platforms' own targeting search returned it, with the id
/// each platform knows it by. The platforms take ids, not names:
/// - Meta: countries by ISO code, regions and cities by the numeric `key` and interests by the numeric `id`
///   of the Marketing API's targeting search (`/search?type=adgeolocation`, `type=adinterest`;
///   https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search);
/// - Google: locations by geo target constant id (`geoTargetConstants/{id}`, found with
///   `geoTargetConstants:suggest`; https://developers.google.com/google-ads/api/reference/rpc/latest/GeoTargetConstantService).
/// An entry without an id for the campaign's platform is a launch problem there.
public struct TargetingEntry: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case country = "COUNTRY", region = "REGION", city = "CITY", interest = "INTEREST"

        public var isLocation: Bool { self != .interest }
    }

    public var kind: Kind
    /// What people see: "California", "Snack foods".
    public var name: String
    /// ISO 3166-1 alpha-2 of the country the location lies in.
    public var countryCode: String?
    /// The geo target constant id on Google Ads (locations only; Search takes no interests).
    public var googleID: String?
    /// Meta's key (country code, numeric region or city key) or numeric interest id.
    public var metaID: String?
    /// What tells same-named entries apart ("Los Angeles, California, United States", an interest's path).
    public var detail: String?

    public init(kind: Kind, name: String, countryCode: String? = nil, googleID: String? = nil, metaID: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.name = name
        self.countryCode = countryCode
        self.googleID = googleID
        self.metaID = metaID
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case kind, name, detail
        case countryCode = "country_code"
        case googleID = "google_id"
        case metaID = "meta_id"
    }

    /// The id `platform` knows this entry by, when it has one.
    public func id(on platform: Platform) -> String? {
        switch platform {
        case .googleAds: return googleID
        case .metaAds: return metaID
        }
    }

    /// A location saved before audiences carried ids, as a plain string: a country code ("US") is a country
    /// on both platforms (Google: 2000 + its ISO numeric code; Meta: the code itself); a US state code
    /// ("US-CA") has its Google geo target constant but no Meta key (Meta's region keys come only from its
    /// search); anything else is a name with no id on either platform.
    public static func legacyLocation(_ text: String) -> TargetingEntry {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        if let numeric = GoogleAdsTargeting.countries[code] {
            return TargetingEntry(kind: .country, name: code, countryCode: code, googleID: String(2000 + numeric), metaID: code)
        }
        if let id = GoogleAdsTargeting.regions[code] {
            return TargetingEntry(kind: .region, name: text, countryCode: String(code.prefix(2)), googleID: String(id))
        }
        return TargetingEntry(kind: code.contains("-") ? .region : .city, name: text)
    }

    /// An interest saved by name only: it has no id on either platform.
    public static func legacyInterest(_ name: String) -> TargetingEntry {
        TargetingEntry(kind: .interest, name: name)
    }
}

/// Limits on entries, so every list and string stays bounded.
public enum TargetingEntryRules {
    public static let maximumEntries = 100
    public static let maximumNameLength = 200
    public static let maximumIDLength = 64

    /// Why `entry` cannot be saved, or nil. Ids are digits (Meta countries: two letters).
    public static func problem(_ entry: TargetingEntry) -> String? {
        let name = entry.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return "Targeting entries need a name." }
        if name.count > maximumNameLength { return "Targeting entry names are at most \(maximumNameLength) characters." }
        for (platform, id) in [("Google", entry.googleID), ("Meta", entry.metaID)] {
            guard let id else { continue }
            let countryCode = entry.kind == .country && platform == "Meta" && id.count == 2 && id.allSatisfy(\.isLetter)
            if id.isEmpty || id.count > maximumIDLength || !(countryCode || id.allSatisfy(\.isNumber)) {
                return "\(platform) id \"\(id.prefix(maximumIDLength))\" of \"\(name)\" is not an id from \(platform)'s targeting search."
            }
        }
        if (entry.detail?.count ?? 0) > maximumNameLength { return "Targeting entry details are at most \(maximumNameLength) characters." }
        if let code = entry.countryCode, code.count != 2 || !code.allSatisfy(\.isLetter) {
            return "countryCode must be an ISO 3166-1 alpha-2 code."
        }
        return nil
    }
}
