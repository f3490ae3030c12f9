/// Every stored string's and list's maximum, in one place: the API checks inputs against these before
/// any work, the domain rules check them again before writing, and migration 0008's CHECK constraints
/// hold the same numbers (keep them in step). Lengths are Unicode code points (`TextLimit`).
///
/// Chosen so that a real advertiser never meets them while one request can never store, or make the
/// server answer with, more than a bounded amount per value.
///
/// ```swift
/// try InputLimits.name.check(value, field: "input.name")                  // throws InputLimitViolation
/// try InputLimits.locations.check(list, field: "input.locations")
/// try InputLimits.name.check(value, field: "name", else: CampaignError.validation)  // in a domain rule
/// ```
public enum InputLimits {
    /// Campaign, campaign unit and audience names.
    public static let name = TextLimit(maximum: 255)
    /// Organization names (`campaignd organizations create`).
    public static let organizationName = TextLimit(maximum: 200)
    /// An automated rule's name.
    public static let ruleName = TextLimit(maximum: 200)
    /// A creative's headline as stored (Google's parts joined by " | "; each platform's own, shorter
    /// limits are launch rules in `PlatformCapabilities`).
    public static let headline = TextLimit(maximum: 255)
    /// A creative's description (Meta's primary text is the longest use).
    public static let description = TextLimit(maximum: 1_000)
    /// A creative's headlines, the first included: Google's responsive search ads take up to 15.
    public static let headlines = ListLimit(maximumCount: 15, entry: headline)
    /// A creative's descriptions, the first included: Google takes up to 4, one more leaves room to choose.
    public static let descriptions = ListLimit(maximumCount: 5, entry: description)
    /// Landing, media and OAuth redirect URLs: 2,048, the length browsers and the platforms reliably take.
    public static let url = TextLimit(maximum: 2_048)
    /// An audience's locations: country, region or city names.
    public static let locations = ListLimit(maximumCount: 500, entry: TextLimit(maximum: 100))
    /// An audience's interests.
    public static let interests = ListLimit(maximumCount: 500, entry: TextLimit(maximum: 100))
    /// Ids the platforms give (`external_id`, `external_campaign_id`, `external_account_id`).
    public static let externalID = TextLimit(maximum: 255)
    /// An uploaded image's file name.
    public static let filename = TextLimit(maximum: 255)
    /// `Campaign.metrics(keys:)`: metric keys asked for at once.
    public static let metricKeys = ListLimit(maximumCount: 100, entry: TextLimit(maximum: 64))
    /// OAuth `code` and `state` as the platforms send them back.
    public static let oauthParameter = TextLimit(maximum: 2_048)

    /// Any other string argument of the API (ids, cursors, enum values, …).
    public static let otherText = TextLimit(maximum: 2_048)
    /// Any other list argument of the API.
    public static let otherList = ListLimit(maximumCount: 100, entry: otherText)
}
