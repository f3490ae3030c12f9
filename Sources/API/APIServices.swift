import Campaigns
import Integrations
import Postgres

/// What resolvers reach beyond the request's own transaction: the pool (for work that must commit step by
/// step, such as a launch recording each platform id as soon as it exists), the platforms, and the key that
/// encrypts OAuth tokens at rest.
public final class APIServices: Sendable {
    public let pool: PostgresPool
    public let providers: PlatformProviders
    public let adapters: PlatformAdapters
    /// The pgp_sym_encrypt passphrase for integration tokens; it never reaches the database's storage.
    public let tokenEncryptionKey: String
    /// Time limits and the rate limit of each request.
    public let limits: RequestLimits
    /// Whether `campaigns(…)` selections the read planner knows are answered by one planned statement
    /// (`CampaignReadPlan`); off, every field goes through its resolver.
    public let plansReads: Bool

    // The services that talk to the platforms, built once per server.
    let tokens: TokenService
    let oauth: OAuthService
    let accountSync: AccountSyncService
    /// Launches, status changes and live edits, over the pool, the adapters and the token store.
    let lifecycle: CampaignLifecycleService
    let metaAssets: MetaAssetService
    let targetingSearch: TargetingSearchService

    /// `media` finds the images uploaded here, which launches send to Meta as bytes.
    public init(pool: PostgresPool, platformSettings: PlatformSettings, tokenEncryptionKey: String, limits: RequestLimits = RequestLimits(),
                media: MediaLibrary? = nil, plansReads: Bool = true) {
        self.pool = pool
        self.plansReads = plansReads
        self.limits = limits
        providers = PlatformProviders(settings: platformSettings)
        adapters = PlatformAdapters(providers: providers, media: media)
        self.tokenEncryptionKey = tokenEncryptionKey
        tokens = TokenService(providers: providers, encryptionKey: tokenEncryptionKey)
        oauth = OAuthService(providers: providers, encryptionKey: tokenEncryptionKey)
        accountSync = AccountSyncService(providers: providers, tokens: tokens)
        lifecycle = CampaignLifecycleService(pool: pool, adapters: adapters, tokens: tokens)
        metaAssets = MetaAssetService(providers: providers, tokens: tokens)
        targetingSearch = TargetingSearchService(providers: providers, tokens: tokens)
    }
}
