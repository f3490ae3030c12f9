import Integrations

/// The adapter for every platform, each over its provider.
public struct PlatformAdapters: Sendable {
    public let google: GoogleAdsAdapter
    public let meta: MetaAdsAdapter

    /// `media` finds the images uploaded to this server, which Meta gets as bytes.
    public init(providers: PlatformProviders, media: MediaLibrary? = nil) {
        google = GoogleAdsAdapter(provider: providers.google)
        meta = MetaAdsAdapter(provider: providers.meta, media: media)
    }

    public func adapter(for platform: Platform) -> any PlatformAdapter {
        switch platform {
        case .googleAds: return google
        case .metaAds: return meta
        }
    }
}
