import FastCGI
import Foundation

/// The targeting options the simulated Graph API knows, searched through `GET /search` the way the Marketing
/// API's targeting search answers (https://developers.facebook.com/docs/marketing-api/audiences/reference/targeting-search):
/// `type=adgeolocation` (optionally `location_types=["country"|"region"|"city"]`) returns
/// `{"data": [{"key", "name", "type", "country_code", ...}]}`; `type=adinterest` returns
/// `{"data": [{"id", "name", "audience_size_lower_bound", "audience_size_upper_bound", "path"}]}`.
/// Countries are keyed by ISO code as on Meta. California's region key 3847 and the interest ids 6003139266461
/// ("Movies") and 6003107902433 ("Association football (Soccer)") appear in Meta's own examples; the other keys
/// are the simulator's, shaped like Meta's (region keys of 4 digits, city keys of 7, interest ids of 13).
/// Ad sets are refused when their targeting names a key or id missing from this table.
enum MetaTargetingCatalog {
    struct Location {
        var key: String
        var name: String
        var type: String
        var countryCode: String
        var region: String?
    }

    struct Interest {
        var id: String
        var name: String
        var path: [String]
        var audience: (lower: Int, upper: Int)
    }

    static let countryNames: [String: String] = [
        "US": "United States", "CA": "Canada", "MX": "Mexico", "GB": "United Kingdom", "IE": "Ireland", "DE": "Germany",
        "FR": "France", "ES": "Spain", "IT": "Italy", "NL": "Netherlands", "BE": "Belgium", "AT": "Austria", "CH": "Switzerland",
        "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland", "PL": "Poland", "PT": "Portugal", "AU": "Australia",
        "NZ": "New Zealand", "JP": "Japan", "BR": "Brazil", "AR": "Argentina", "IN": "India", "SG": "Singapore", "ZA": "South Africa",
    ]

    static let locations: [Location] = countryNames.sorted { $0.key < $1.key }.map { Location(key: $0.key, name: $0.value, type: "country", countryCode: $0.key) } + [
        Location(key: "3847", name: "California", type: "region", countryCode: "US"),
        Location(key: "3875", name: "New York", type: "region", countryCode: "US"),
        Location(key: "3886", name: "Texas", type: "region", countryCode: "US"),
        Location(key: "3867", name: "Oregon", type: "region", countryCode: "US"),
        Location(key: "3890", name: "Washington", type: "region", countryCode: "US"),
        Location(key: "2420379", name: "Los Angeles", type: "city", countryCode: "US", region: "California"),
        Location(key: "2421836", name: "San Francisco", type: "city", countryCode: "US", region: "California"),
        Location(key: "2490299", name: "New York", type: "city", countryCode: "US", region: "New York"),
        Location(key: "2418779", name: "Austin", type: "city", countryCode: "US", region: "Texas"),
        Location(key: "2513815", name: "Portland", type: "city", countryCode: "US", region: "Oregon"),
    ]

    static let interests: [Interest] = [
        Interest(id: "6003139266461", name: "Movies", path: ["Interests", "Entertainment", "Movies"], audience: (1_200_000_000, 1_400_000_000)),
        Interest(id: "6003107902433", name: "Association football (Soccer)", path: ["Interests", "Sports and outdoors", "Sports", "Association football (Soccer)"], audience: (600_000_000, 700_000_000)),
        Interest(id: "6003346592981", name: "Snack foods", path: ["Interests", "Food and drink", "Food", "Snack foods"], audience: (180_000_000, 212_000_000)),
        Interest(id: "6003659420716", name: "Potato chips", path: ["Interests", "Food and drink", "Food", "Potato chips"], audience: (40_000_000, 47_000_000)),
        Interest(id: "6003384248805", name: "Spicy food", path: ["Interests", "Food and drink", "Cuisine", "Spicy food"], audience: (90_000_000, 106_000_000)),
        Interest(id: "6003385609165", name: "Cooking", path: ["Interests", "Food and drink", "Cooking"], audience: (700_000_000, 820_000_000)),
    ]

    static func location(key: String, type: String) -> Location? {
        locations.first { $0.key == key && $0.type == type }
    }

    static func interest(id: String) -> Interest? {
        interests.first { $0.id == id }
    }
}

extension MetaSimulator {
    /// `GET /search?type=adgeolocation|adinterest&q=…`: the catalog's entries whose name contains `q`.
    func targetingSearch(_ request: SimulatorRequest) throws -> FastCGIResponse {
        let query = (request.query["q"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let limit = min(Int(request.query["limit"] ?? "") ?? 25, 100)
        func matches(_ name: String) -> Bool { query.isEmpty || name.lowercased().contains(query) }
        switch request.query["type"] {
        case "adgeolocation":
            var types = Set(["country", "region", "city"])
            if let text = request.query["location_types"] {
                guard let list = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String], !list.isEmpty else {
                    throw MetaSimulatedError.invalidParameter(["location_types"], "location_types must be a JSON array such as [\"region\"].")
                }
                types = Set(list)
            }
            let rows: [[String: Any]] = MetaTargetingCatalog.locations.filter { types.contains($0.type) && matches($0.name) }.prefix(limit).map { location in
                var row: [String: Any] = [
                    "key": location.key, "name": location.name, "type": location.type, "country_code": location.countryCode,
                    "country_name": MetaTargetingCatalog.countryNames[location.countryCode] ?? location.countryCode,
                    "supports_region": location.type == "country", "supports_city": location.type != "city",
                ]
                if let region = location.region { row["region"] = region }
                return row
            }
            return .simulatorJSON(200, ["data": rows])
        case "adinterest":
            let rows: [[String: Any]] = MetaTargetingCatalog.interests.filter { matches($0.name) }.prefix(limit).map { interest in
                ["id": interest.id, "name": interest.name, "path": interest.path,
                 "audience_size_lower_bound": interest.audience.lower, "audience_size_upper_bound": interest.audience.upper]
            }
            return .simulatorJSON(200, ["data": rows])
        default:
            throw MetaSimulatedError.invalidParameter(["type"], "The simulator searches type=adgeolocation and type=adinterest.")
        }
    }

    /// The targeting checks of ad set creation: the Advantage+ audience flag Graph v23.0 made required, and
    /// locations and interests by keys and ids the targeting search knows.
    func checkTargeting(_ targeting: [String: Any]) throws {
        guard let automation = targeting["targeting_automation"] as? [String: Any],
              let flag = automation["advantage_audience"] as? Int, flag == 0 || flag == 1 else {
            // What Meta answers since v23.0 (code 100, subcode 1870227), per the reports of those who hit it.
            throw MetaSimulatedError(
                code: 100, subcode: 1_870_227, message: "Invalid parameter",
                userMessage: "To create your ad set, you need to enable or disable the Advantage audience feature. This can be done by setting the advantage_audience flag to either 1 or 0 within the targeting_automation field in the targeting spec.",
                userTitle: "Advantage Audience Flag Required", blame: ["targeting", "targeting_automation", "advantage_audience"])
        }
        try checkTargetingKeys(targeting)
    }

    /// Locations and interests by the keys and ids the targeting search knows, as ad sets and estimates take them.
    func checkTargetingKeys(_ targeting: [String: Any]) throws {
        let geo = targeting["geo_locations"] as? [String: Any] ?? [:]
        for code in geo["countries"] as? [String] ?? [] where MetaTargetingCatalog.countryNames[code] == nil {
            throw MetaSimulatedError.invalidParameter(["targeting", "geo_locations", "countries"], "Invalid country code: \(code).")
        }
        for (field, type) in [("regions", "region"), ("cities", "city")] {
            for entry in geo[field] as? [[String: Any]] ?? [] {
                let key = entry["key"] as? String ?? (entry["key"] as? NSNumber)?.stringValue ?? ""
                guard MetaTargetingCatalog.location(key: key, type: type) != nil else {
                    throw MetaSimulatedError.invalidParameter(
                        ["targeting", "geo_locations", field], "Invalid \(type) key \"\(key)\": use a key from /search?type=adgeolocation.")
                }
            }
        }
        for (index, group) in (targeting["flexible_spec"] as? [[String: Any]] ?? []).enumerated() {
            for interest in group["interests"] as? [[String: Any]] ?? [] {
                let id = interest["id"] as? String ?? (interest["id"] as? NSNumber)?.stringValue ?? ""
                guard MetaTargetingCatalog.interest(id: id) != nil else {
                    throw MetaSimulatedError.invalidParameter(
                        ["targeting", "flexible_spec", String(index), "interests"],
                        "Invalid interest \(id.isEmpty ? "without an id" : "id \"\(id)\""): use an id from /search?type=adinterest.")
                }
            }
        }
    }

    /// `act_{id}/delivery_estimate`: Meta's monthly reach estimate for a targeting spec and optimization goal
    /// (https://developers.facebook.com/docs/marketing-api/reference/ad-account/delivery_estimate). The spec is
    /// checked as an ad set's is; the figures are the simulator's own, deterministic: 10 million people per
    /// country, 2 million per region, 500,000 per city, in proportion to the age range, a third of that with
    /// interests, given as ±15 %.
    func deliveryEstimate(_ request: SimulatorRequest, accountID: String) throws -> FastCGIResponse {
        guard let text = request.query["targeting_spec"] else { throw MetaSimulatedError.missing("targeting_spec") }
        guard let targeting = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
            throw MetaSimulatedError.invalidParameter(["targeting_spec"], "The targeting spec must be a JSON object.")
        }
        guard request.query["optimization_goal"] != nil else { throw MetaSimulatedError.missing("optimization_goal") }
        try checkTargetingKeys(targeting)
        let geo = targeting["geo_locations"] as? [String: Any] ?? [:]
        let countries = Double((geo["countries"] as? [String] ?? []).count)
        let regions = Double((geo["regions"] as? [Any] ?? []).count)
        let cities = Double((geo["cities"] as? [Any] ?? []).count)
        let places: Double = countries * 10_000_000 + regions * 2_000_000 + cities * 500_000
        guard places > 0 else {
            throw MetaSimulatedError.invalidParameter(["targeting_spec", "geo_locations"], "Your audience must include at least one location.")
        }
        let ageMin = (targeting["age_min"] as? NSNumber)?.intValue ?? 18, ageMax = (targeting["age_max"] as? NSNumber)?.intValue ?? 65
        let interests = (targeting["flexible_spec"] as? [[String: Any]] ?? []).contains { !($0["interests"] as? [Any] ?? []).isEmpty }
        let ageShare = Double(max(1, ageMax - ageMin + 1)) / 53
        let people: Double = places * ageShare * (interests ? 1.0 / 3 : 1.0)
        return .simulatorJSON(200, ["data": [[
            "estimate_mau_lower_bound": Int(people * 0.85), "estimate_mau_upper_bound": Int(people * 1.15), "estimate_ready": true,
            "estimate_dau": Int(people / 10),
        ]]])
    }

    /// The EU's member states and the associated territories with country codes of their own, where Meta wants
    /// an ad's beneficiary and payer (Meta for Developers blog, "New Marketing and MPA API Requirements for
    /// Facebook and Instagram Ads Targeting the EU", 2023-05-16).
    static let euCountryCodes: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AX", "GF", "GP", "MQ", "RE", "YT", "MF",
    ]

    /// Whether the targeting reaches the EU: an EU country, or a region or city in one.
    func reachesTheEU(_ targeting: [String: Any]) -> Bool {
        let geo = targeting["geo_locations"] as? [String: Any] ?? [:]
        if (geo["countries"] as? [String] ?? []).contains(where: Self.euCountryCodes.contains) { return true }
        for (field, type) in [("regions", "region"), ("cities", "city")] {
            for entry in geo[field] as? [[String: Any]] ?? [] {
                let key = entry["key"] as? String ?? (entry["key"] as? NSNumber)?.stringValue ?? ""
                if let location = MetaTargetingCatalog.location(key: key, type: type), Self.euCountryCodes.contains(location.countryCode) {
                    return true
                }
            }
        }
        return false
    }
}
