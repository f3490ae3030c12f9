import API
import Campaigns
import Foundation
import Integrations
import Postgres

/// Settings read from the environment, each with a documented default (see README).
struct Configuration: Sendable {
    var databaseURL: String
    var socket: String
    var threads: Int
    var maximumBodyBytes: Int
    var databasePoolSize: Int
    /// Off behind PgBouncer in transaction mode before 1.21, which cannot keep named prepared statements.
    var databasePreparedStatements: Bool
    var migrationsDirectory: String
    var schemaFile: String
    var platforms: PlatformSettings
    /// Google Ads API operations the deployment's Cloud project may run in any 24 hours; 0 for no limit.
    var googleDailyOperations: Int
    /// Encrypts OAuth tokens at rest (pgp_sym_encrypt); never stored in the database.
    var tokenKey: String?

    /// The platform settings with the Google operations quota counted in this database: `share` of the daily
    /// limit for this process (background workers leave the rest to launches and users' changes).
    func platformSettings(share: Double) -> PlatformSettings {
        var settings = platforms
        if googleDailyOperations > 0 {
            settings.googleOperationQuota = PlatformOperationQuota(
                pool: PostgresPool(conninfo: databaseURL, maximumConnections: 2, waitTimeout: 5, preparesStatements: databasePreparedStatements),
                dailyLimit: googleDailyOperations, share: share)
        }
        return settings
    }

    func requireTokenKey() throws -> String {
        guard let tokenKey else { throw UsageError("CAMPAIGND_TOKEN_KEY must be set: it encrypts the platforms' OAuth tokens at rest") }
        return tokenKey
    }
    var mediaDirectory: String
    var mediaMaximumBytes: Int
    /// The origin users reach the API and pages at: uploads' URLs start with it.
    var publicURL: String?
    /// Other origins whose pages may call /graphql from a browser.
    var cors: CORSPolicy
    /// How long a key the database accepted lets requests begin without a round trip (0: never).
    var apiKeyCacheSeconds: Int

    func requirePublicURL() throws -> String {
        guard let publicURL else {
            throw UsageError("CAMPAIGND_PUBLIC_URL must be set to the origin users reach the server at, e.g. https://ads.example.com")
        }
        return publicURL
    }
    var requestLimits: RequestLimits
    /// Engine limits: the longest list argument, the largest response, the document cache's memory.
    var maxListArgument: Int
    var maxResponseBytes: Int
    var documentCacheBytes: Int
    var plansReads: Bool

    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Configuration {
        let threads = try environment.integerSetting("CAMPAIGND_THREADS", default: 8, range: 1...256)
        return Configuration(
            databaseURL: environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "postgresql:///campaignd",
            socket: environment["CAMPAIGND_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? ".local/run/campaignd.sock",
            threads: threads,
            maximumBodyBytes: try environment.integerSetting("CAMPAIGND_MAX_BODY_BYTES", default: 8 << 20, range: 1...(1 << 30)),
            // Twice the threads: a launch or status change holds a second connection beside its request's.
            databasePoolSize: try environment.integerSetting("CAMPAIGND_DB_POOL_SIZE", default: threads * 2, range: 1...512),
            databasePreparedStatements: try environment.booleanSetting("CAMPAIGND_DB_PREPARED_STATEMENTS", default: true),
            migrationsDirectory: environment["CAMPAIGND_MIGRATIONS"].flatMap { $0.isEmpty ? nil : $0 } ?? "schema/migrations",
            schemaFile: environment["CAMPAIGND_SCHEMA"].flatMap { $0.isEmpty ? nil : $0 } ?? "schema/schema.graphql",
            platforms: try platformSettings(environment),
            googleDailyOperations: try environment.integerSetting("GOOGLE_ADS_DAILY_OPERATIONS", default: 15_000, range: 0...100_000_000),
            tokenKey: try tokenKey(environment),
            mediaDirectory: environment["CAMPAIGND_MEDIA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? ".local/media",
            mediaMaximumBytes: try environment.integerSetting("CAMPAIGND_MEDIA_MAX_BYTES", default: 5 << 20, range: 1...(64 << 20)),
            publicURL: try publicURL(environment),
            cors: try corsPolicy(environment),
            apiKeyCacheSeconds: try environment.integerSetting("CAMPAIGND_API_KEY_CACHE_SECONDS", default: 5, range: 0...300),
            requestLimits: try requestLimits(environment),
            maxListArgument: try environment.integerSetting("CAMPAIGND_MAX_LIST_ARGUMENT", default: 1_000, range: 1...1_000_000),
            maxResponseBytes: try environment.integerSetting("CAMPAIGND_MAX_RESPONSE_BYTES", default: 4 << 20, range: 1024...(1 << 30)),
            documentCacheBytes: try environment.integerSetting("CAMPAIGND_DOCUMENT_CACHE_BYTES", default: 32 << 20, range: 0...(1 << 32)),
            plansReads: try environment.booleanSetting("CAMPAIGND_PLANNED_READS", default: true)
        )
    }

    private static func requestLimits(_ environment: [String: String]) throws -> RequestLimits {
        RequestLimits(
            timeouts: TransactionTimeouts(
                statementMilliseconds: try environment.integerSetting("CAMPAIGND_STATEMENT_TIMEOUT_MS", default: 5_000, range: 1...600_000),
                lockMilliseconds: try environment.integerSetting("CAMPAIGND_LOCK_TIMEOUT_MS", default: 2_000, range: 1...600_000),
                idleInTransactionMilliseconds: try environment.integerSetting(
                    "CAMPAIGND_IDLE_IN_TRANSACTION_TIMEOUT_MS", default: 120_000, range: 1...600_000)),
            rateLimitBurst: try environment.integerSetting("CAMPAIGND_RATE_LIMIT_BURST", default: 30, range: 0...100_000),
            rateLimitPerMinute: try environment.integerSetting("CAMPAIGND_RATE_LIMIT_PER_MINUTE", default: 30, range: 1...100_000),
            syncMetricsReuseSeconds: try environment.integerSetting("CAMPAIGND_SYNC_METRICS_REUSE_SECONDS", default: 60, range: 0...86_400))
    }

    private static func platformSettings(_ environment: [String: String]) throws -> PlatformSettings {
        do {
            return try PlatformSettings.fromEnvironment(environment)
        } catch let error as PlatformSettingsError {
            throw UsageError(error.description)
        }
    }

    private static func publicURL(_ environment: [String: String]) throws -> String? {
        guard let text = environment["CAMPAIGND_PUBLIC_URL"], !text.isEmpty else { return nil }
        guard let components = URLComponents(string: text), ["http", "https"].contains(components.scheme?.lowercased()),
              components.host?.isEmpty == false, components.query == nil, components.fragment == nil else {
            throw UsageError("CAMPAIGND_PUBLIC_URL must be an http:// or https:// origin, got \"\(text)\"")
        }
        return String(text.trimmingSuffix("/"))
    }

    private static func corsPolicy(_ environment: [String: String]) throws -> CORSPolicy {
        switch CORSPolicy.parse(environment["CAMPAIGND_CORS_ORIGINS"] ?? "") {
        case .success(let policy): return policy
        case .failure(let error):
            throw UsageError("CAMPAIGND_CORS_ORIGINS takes origins such as https://explorer.example, got \"\(error.origin)\"")
        }
    }

    private static func tokenKey(_ environment: [String: String]) throws -> String? {
        guard let key = environment["CAMPAIGND_TOKEN_KEY"], !key.isEmpty else { return nil }
        guard key.count >= 16 else { throw UsageError("CAMPAIGND_TOKEN_KEY must have at least 16 characters") }
        return key
    }

    static let environmentHelp = """
        Environment:
          DATABASE_URL              PostgreSQL URL or conninfo (default postgresql:///campaignd)
          CAMPAIGND_SOCKET          FastCGI socket: a unix socket path or host:port (default .local/run/campaignd.sock)
          CAMPAIGND_THREADS         worker threads answering requests (default 8)
          CAMPAIGND_DB_POOL_SIZE    maximum database connections (default: 2 × CAMPAIGND_THREADS)
          CAMPAIGND_DB_PREPARED_STATEMENTS  off behind PgBouncer in transaction mode before 1.21 (default on)
          CAMPAIGND_MAX_BODY_BYTES  larger request bodies get 413 (default 8388608)
          CAMPAIGND_MIGRATIONS      folder of NNNN_name.sql migrations (default schema/migrations)
          CAMPAIGND_SCHEMA          the API's GraphQL SDL (default schema/schema.graphql)
          CAMPAIGND_TOKEN_KEY       passphrase encrypting OAuth tokens at rest (required by serve and worker)
          CAMPAIGND_MEDIA_DIR       where uploaded images are stored, served by nginx at /media/ (default .local/media)
          CAMPAIGND_MEDIA_MAX_BYTES largest image upload (default 5242880)
          CAMPAIGND_PUBLIC_URL      the origin users reach the server at, e.g. https://ads.example.com: uploads' URLs
                                    start with it (required by serve; never taken from a request's Host)
          CAMPAIGND_CORS_ORIGINS    other origins whose pages may call /graphql from a browser, e.g.
                                    "https://explorer.example https://app.example" (default: none)
          CAMPAIGND_API_KEY_CACHE_SECONDS  how long an accepted API key is remembered, so a request needing no
                                    statement needs no database; a revoked key still answers such requests that
                                    long, and no other (default 5; 0 turns it off)
          CAMPAIGND_STATEMENT_TIMEOUT_MS, CAMPAIGND_LOCK_TIMEOUT_MS, CAMPAIGND_IDLE_IN_TRANSACTION_TIMEOUT_MS
                                    a request's time limits (defaults 5000, 2000, 120000)
          CAMPAIGND_RATE_LIMIT_BURST, CAMPAIGND_RATE_LIMIT_PER_MINUTE
                                    platform mutations per organization: burst (default 30; 0 turns it off) and refill a minute (default 30)
          CAMPAIGND_SYNC_METRICS_REUSE_SECONDS  syncCampaignMetrics answers a sync this recent (default 60; 0 off)
          CAMPAIGND_MAX_LIST_ARGUMENT    most items in one list argument (default 1000)
          CAMPAIGND_MAX_RESPONSE_BYTES   larger responses become RESPONSE_TOO_LARGE (default 4194304)
          CAMPAIGND_DOCUMENT_CACHE_BYTES memory of parsed documents kept (default 33554432; 0 turns the cache off)
          CAMPAIGND_PLANNED_READS   campaigns(…) pages read in one planned statement when the planner knows every
                                    selected field (default on; off: every field through its resolver)
          GOOGLE_ADS_DAILY_OPERATIONS  Google Ads API operations the Cloud project's access level allows in 24 hours:
                                    2880 Explorer, 15000 Basic (default), 0 Standard (no limit); workers use 80 %
        \(PlatformSettings.environmentHelp)
        """
}

extension String {
    func trimmingSuffix(_ suffix: Character) -> Substring {
        var text = Substring(self)
        while text.last == suffix { text.removeLast() }
        return text
    }
}

extension [String: String] {
    /// A boolean setting: on/off, true/false, 1/0; `value` when unset or empty.
    func booleanSetting(_ name: String, default value: Bool) throws -> Bool {
        guard let text = self[name]?.lowercased(), !text.isEmpty else { return value }
        switch text {
        case "on", "true", "1", "yes": return true
        case "off", "false", "0", "no": return false
        default: throw UsageError("\(name) must be on or off, got \"\(text)\"")
        }
    }

    /// An integer setting: `value` when unset or empty, a UsageError when it is not a number in `range`.
    func integerSetting(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = self[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"")
        }
        return number
    }
}
