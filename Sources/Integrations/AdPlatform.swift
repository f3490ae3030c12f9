/// An ad platform, as stored (`google_ads`, `meta_ads`).
public enum AdPlatform: String, Sendable, CaseIterable, Codable {
    case googleAds = "google_ads"
    case metaAds = "meta_ads"

    /// Whether the server renews a connection without the user. Google does, with the refresh grant. Meta issues
    /// no refresh token and documents no server-side extension of a long-lived user token (about 60 days,
    /// "Long-Lived Access Tokens" in the Facebook Login docs): the user connects again.
    public var renewsConnections: Bool { self == .googleAds }
}
