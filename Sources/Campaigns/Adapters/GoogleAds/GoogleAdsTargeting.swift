import Foundation

/// How an audience becomes Google Ads criteria:
/// - locations → campaign LOCATION criteria with geo target constants (Google targets locations per
///   campaign, not per ad group, so a campaign's units share the union of their locations);
/// - ages → negative AGE_RANGE criteria on the ad group for every Google age range wholly outside the
///   audience's ages (Google shows ads to all ages unless ranges are excluded);
/// - interests → not sent: Search campaigns take keywords, not interests (`GoogleAdsLaunchRequests`).
/// Location ids come from the audience's `TargetingEntry`s; the tables here read audiences saved as plain
/// codes (`TargetingEntry.legacyLocation`); the simulator keeps its own copy for `geoTargetConstants:suggest`. Country ids are 2000 + ISO 3166-1 numeric;
/// US states are Google's geotargets table ids (https://developers.google.com/google-ads/api/data/geotargets;
/// New York = 21167 is quoted in https://developers.google.com/search-ads/reporting/api/data/geo_targets),
/// numbered in the order of the states' postal codes from Alaska 21132 to Wyoming 21184 (21134 and 21181
/// are not states).
public enum GoogleAdsTargeting {
    /// Google's age ranges with their bounds (65 means 65 and over).
    public static let ageRanges: [(type: String, lower: Int, upper: Int)] = [
        ("AGE_RANGE_18_24", 18, 24), ("AGE_RANGE_25_34", 25, 34), ("AGE_RANGE_35_44", 35, 44),
        ("AGE_RANGE_45_54", 45, 54), ("AGE_RANGE_55_64", 55, 64), ("AGE_RANGE_65_UP", 65, Int.max),
    ]

    /// The age ranges an audience of `ageMin...ageMax` excludes.
    public static func excludedAgeRanges(ageMin: Int, ageMax: Int) -> [String] {
        ageRanges.filter { $0.upper < ageMin || $0.lower > (ageMax >= 65 ? Int.max : ageMax) }.map(\.type)
    }

    /// Country criterion ids are 2000 + the ISO 3166-1 numeric code (United States 840 → 2840).
    public static let countries: [String: Int] = [
        "US": 840, "CA": 124, "MX": 484, "GB": 826, "IE": 372, "DE": 276, "FR": 250, "ES": 724, "IT": 380, "NL": 528,
        "BE": 56, "AT": 40, "CH": 756, "SE": 752, "NO": 578, "DK": 208, "FI": 246, "PL": 616, "PT": 620, "AU": 36,
        "NZ": 554, "JP": 392, "BR": 76, "AR": 32, "IN": 356, "SG": 702, "ZA": 710,
    ]

    /// US states (and DC) as geo target constant ids, for audiences saved as `US-CA` codes.
    public static let regions: [String: Int] = [
        "US-AL": 21133, "US-AK": 21132, "US-AZ": 21136, "US-AR": 21135, "US-CA": 21137, "US-CO": 21138, "US-CT": 21139,
        "US-DE": 21141, "US-DC": 21140, "US-FL": 21142, "US-GA": 21143, "US-HI": 21144, "US-ID": 21146, "US-IL": 21147,
        "US-IN": 21148, "US-IA": 21145, "US-KS": 21149, "US-KY": 21150, "US-LA": 21151, "US-ME": 21154, "US-MD": 21153,
        "US-MA": 21152, "US-MI": 21155, "US-MN": 21156, "US-MS": 21158, "US-MO": 21157, "US-MT": 21159, "US-NE": 21162,
        "US-NV": 21166, "US-NH": 21163, "US-NJ": 21164, "US-NM": 21165, "US-NY": 21167, "US-NC": 21160, "US-ND": 21161,
        "US-OH": 21168, "US-OK": 21169, "US-OR": 21170, "US-PA": 21171, "US-RI": 21172, "US-SC": 21173, "US-SD": 21174,
        "US-TN": 21175, "US-TX": 21176, "US-UT": 21177, "US-VT": 21179, "US-VA": 21178, "US-WA": 21180, "US-WV": 21183,
        "US-WI": 21182, "US-WY": 21184,
    ]
}
