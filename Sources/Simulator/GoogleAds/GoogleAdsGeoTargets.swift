import FastCGI
import Foundation

/// The geo target constants the simulator knows, and `POST /vNN/geoTargetConstants:suggest`
/// (GeoTargetConstantService.SuggestGeoTargetConstants: `{locale, countryCode, locationNames: {names}}` →
/// `{geoTargetConstantSuggestions: [{locale, reach, searchTerm, geoTargetConstant, geoTargetConstantParents}]}`;
/// https://developers.google.com/google-ads/api/reference/rpc/latest/GeoTargetConstantService).
/// Ids follow Google's geotargets table (https://developers.google.com/google-ads/api/data/geotargets):
/// countries 2000 + ISO 3166-1 numeric (United States 2840), US states 21132 (Alaska) … 21184 (Wyoming) in
/// the order of their postal codes (New York 21167, as Google's geo_target_constant page quotes), and a few
/// cities (Los Angeles 1013962, San Francisco 1014221, New York 1023191, Austin 1026201).
enum GoogleAdsGeoTargets {
    struct Constant {
        var id: Int
        var name: String
        var countryCode: String
        var targetType: String
        var parentID: Int?
        var canonicalName: String
    }

    static let countries: [(code: String, numeric: Int, name: String)] = [
        ("US", 840, "United States"), ("CA", 124, "Canada"), ("MX", 484, "Mexico"), ("GB", 826, "United Kingdom"),
        ("IE", 372, "Ireland"), ("DE", 276, "Germany"), ("FR", 250, "France"), ("ES", 724, "Spain"), ("IT", 380, "Italy"),
        ("NL", 528, "Netherlands"), ("AU", 36, "Australia"), ("NZ", 554, "New Zealand"), ("JP", 392, "Japan"), ("BR", 76, "Brazil"),
    ]

    static let states: [(code: String, name: String)] = [
        ("AK", "Alaska"), ("AL", "Alabama"), ("AR", "Arkansas"), ("AZ", "Arizona"), ("CA", "California"), ("CO", "Colorado"),
        ("CT", "Connecticut"), ("DC", "District of Columbia"), ("DE", "Delaware"), ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"),
        ("IA", "Iowa"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"),
        ("MA", "Massachusetts"), ("MD", "Maryland"), ("ME", "Maine"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MO", "Missouri"),
        ("MS", "Mississippi"), ("MT", "Montana"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("NE", "Nebraska"),
        ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NV", "Nevada"), ("NY", "New York"), ("OH", "Ohio"),
        ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"), ("SC", "South Carolina"),
        ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VA", "Virginia"), ("VT", "Vermont"),
        ("WA", "Washington"), ("WI", "Wisconsin"), ("WV", "West Virginia"), ("WY", "Wyoming"),
    ]

    /// Alaska 21132, Alabama 21133, then one id each in postal-code order, skipping 21134 and 21181.
    static func stateID(_ index: Int) -> Int {
        let id = 21132 + index + (index >= 2 ? 1 : 0)
        return id >= 21181 ? id + 1 : id
    }

    static let all: [Constant] = {
        var constants = countries.map { Constant(id: 2000 + $0.numeric, name: $0.name, countryCode: $0.code, targetType: "Country", canonicalName: $0.name) }
        for (index, state) in states.enumerated() {
            constants.append(Constant(id: stateID(index), name: state.name, countryCode: "US", targetType: "State", parentID: 2840,
                                      canonicalName: "\(state.name),United States"))
        }
        for (id, name, state) in [(1013962, "Los Angeles", 21137), (1014221, "San Francisco", 21137), (1023191, "New York", 21167), (1026201, "Austin", 21176)] {
            let stateName = constants.first { $0.id == state }!.name
            constants.append(Constant(id: id, name: name, countryCode: "US", targetType: "City", parentID: state,
                                      canonicalName: "\(name),\(stateName),United States"))
        }
        return constants
    }()

    static func constant(_ id: Int) -> Constant? { all.first { $0.id == id } }
}

extension GoogleAdsSimulator {
    /// Suggestions for each name in `locationNames.names`: the constants whose name starts with it.
    func suggestGeoTargets(_ body: [String: Any]) throws -> [String: Any] {
        guard let names = (body["locationNames"] as? [String: Any])?["names"] as? [String], !names.isEmpty else {
            throw GoogleAdsFailure.required([("location_names", nil)])
        }
        let country = (body["countryCode"] as? String)?.uppercased()
        let locale = body["locale"] as? String ?? "en"
        var suggestions: [[String: Any]] = []
        for name in names.prefix(25) {
            let query = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard !query.isEmpty else { continue }
            for constant in GoogleAdsGeoTargets.all where constant.name.lowercased().hasPrefix(query) && (country == nil || constant.countryCode == country) {
                suggestions.append([
                    "locale": locale, "reach": "1000000", "searchTerm": name,
                    "geoTargetConstant": [
                        "resourceName": "geoTargetConstants/\(constant.id)", "id": String(constant.id), "name": constant.name,
                        "countryCode": constant.countryCode, "targetType": constant.targetType, "status": "ENABLED",
                        "canonicalName": constant.canonicalName,
                    ] as [String: Any],
                    "geoTargetConstantParents": constant.parentID.flatMap(GoogleAdsGeoTargets.constant).map {
                        [["resourceName": "geoTargetConstants/\($0.id)", "id": String($0.id), "name": $0.name, "targetType": $0.targetType]]
                    } ?? [],
                ])
            }
        }
        return ["geoTargetConstantSuggestions": suggestions]
    }
}
