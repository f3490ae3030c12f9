import Campaigns
import Integrations
import Postgres

/// What resolvers reach beyond the request's own transaction: the pool (for work that must commit step by
/// step, such as a launch recording each platform id as soon as it exists), the platforms, and the key that
/// encrypts OAuth tokens at rest.
public struct APIServices: Sendable {
    public let pool: PostgresPool
    public let providers: PlatformProviders
    public let adapters: PlatformAdapters
    /// The pgp_sym_encrypt passphrase for integration tokens; it never reaches the database's storage.
    public let tokenEncryptionKey: String
    /// Time limits and the rate limit of each request.
    public let limits: RequestLimits

    /// `media` finds the images uploaded here, which launches send to Meta as bytes.
    public init(pool: PostgresPool, platformSettings: PlatformSettings, tokenEncryptionKey: String, limits: RequestLimits = RequestLimits(),
                media: MediaLibrary? = nil) {
        self.pool = pool
        self.limits = limits
        providers = PlatformProviders(settings: platformSettings)
        adapters = PlatformAdapters(providers: providers, media: media)
        self.tokenEncryptionKey = tokenEncryptionKey
    }
}
