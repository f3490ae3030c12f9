/// The providers for every platform, built from one set of settings.
public struct PlatformProviders: Sendable {
    public let settings: PlatformSettings
    public let google: GoogleAdsProvider
    public let meta: MetaAdsProvider

    public init(settings: PlatformSettings) {
        self.settings = settings
        google = GoogleAdsProvider(settings: settings)
        meta = MetaAdsProvider(settings: settings)
    }

    public func connector(for platform: AdPlatform) -> any PlatformConnector {
        switch platform {
        case .googleAds: return google
        case .metaAds: return meta
        }
    }
}
