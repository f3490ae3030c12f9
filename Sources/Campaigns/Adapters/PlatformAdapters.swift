import Integrations

/// The adapter for every platform, each over its provider.
public struct PlatformAdapters: Sendable {
    public let google: GoogleAdsAdapter
    public let meta: MetaAdsAdapter

    public init(providers: PlatformProviders) {
        google = GoogleAdsAdapter(provider: providers.google)
        meta = MetaAdsAdapter(provider: providers.meta)
    }

    public func adapter(for platform: Platform) -> any PlatformAdapter {
        switch platform {
        case .googleAds: return google
        case .metaAds: return meta
        }
    }
}
