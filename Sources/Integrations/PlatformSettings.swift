import Foundation

/// Where the platforms are and how this application identifies itself to them. By default every URL points
/// at the platform simulator (`campaignd simulate`, served by nginx under `/simulator/`); operators point them
/// at the real platforms through the environment. Secrets here are never logged.
public struct PlatformSettings: Sendable {
    public struct Google: Sendable {
        /// Google Ads REST API root, without the version (real: https://googleads.googleapis.com).
        public var apiURL: URL
        /// OAuth consent page (real: https://accounts.google.com/o/oauth2/v2/auth).
        public var authorizeURL: URL
        /// OAuth token endpoint (real: https://oauth2.googleapis.com/token).
        public var tokenURL: URL
        public var clientID: String
        public var clientSecret: String
        /// Sent as `developer-token` when set. Google sunset developer tokens on 2026-09-09: the header is optional
        /// and ignored, and access levels now belong to the Google Cloud project of the OAuth client (Google Ads API
        /// docs, "Developer token").
        public var developerToken: String?
    }

    public struct Meta: Sendable {
        /// Graph API root, without the version (real: https://graph.facebook.com).
        public var graphURL: URL
        /// OAuth dialog root, without the version (real: https://www.facebook.com).
        public var dialogURL: URL
        public var appID: String
        public var appSecret: String
        /// A Facebook Login for Business configuration, used instead of scopes when set.
        public var loginConfigurationID: String? = nil
    }

    public var google: Google
    public var meta: Meta
    public var timeout: Double
    public var retryPolicy: RetryPolicy
    /// Told of every platform request's outcome (the server counts them for `/metrics`).
    public var observeRequest: PlatformRequestObserver?
    /// Counts Google Ads API operations against the deployment's daily limit before each request, when set.
    public var googleOperationQuota: PlatformOperationQuota?

    public init(google: Google, meta: Meta, timeout: Double = 30, retryPolicy: RetryPolicy = RetryPolicy()) {
        self.google = google
        self.meta = meta
        self.timeout = timeout
        self.retryPolicy = retryPolicy
    }

    /// Everything pointed at a simulator whose root is `simulatorURL` (e.g. http://127.0.0.1:8081/simulator).
    public static func simulator(_ simulatorURL: URL) -> PlatformSettings {
        PlatformSettings(
            google: Google(
                apiURL: simulatorURL.appendingPathComponent("google-ads"),
                authorizeURL: simulatorURL.appendingPathComponent("google-accounts/o/oauth2/v2/auth"),
                tokenURL: simulatorURL.appendingPathComponent("google-oauth/token"),
                clientID: "simulator-google-client", clientSecret: "simulator-google-secret",
                developerToken: nil),
            meta: Meta(
                graphURL: simulatorURL.appendingPathComponent("meta-graph"),
                dialogURL: simulatorURL.appendingPathComponent("meta-www"),
                appID: "simulator-meta-app", appSecret: "simulator-meta-secret"))
    }

    /// Reads the settings from the environment; see `environmentHelp`.
    public static func fromEnvironment(_ environment: [String: String]) throws -> PlatformSettings {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        func url(_ name: String) throws -> URL? {
            guard let text = value(name) else { return nil }
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw PlatformSettingsError("\(name) must be an http(s) URL, got \"\(text)\"")
            }
            return url
        }
        let simulatorURL = try url("CAMPAIGND_SIMULATOR_URL") ?? URL(string: "http://127.0.0.1:8081/simulator")!
        var settings = PlatformSettings.simulator(simulatorURL)
        settings.google.apiURL = try url("GOOGLE_ADS_API_URL") ?? settings.google.apiURL
        settings.google.authorizeURL = try url("GOOGLE_OAUTH_AUTHORIZE_URL") ?? settings.google.authorizeURL
        settings.google.tokenURL = try url("GOOGLE_OAUTH_TOKEN_URL") ?? settings.google.tokenURL
        settings.google.clientID = value("GOOGLE_ADS_CLIENT_ID") ?? settings.google.clientID
        settings.google.clientSecret = value("GOOGLE_ADS_CLIENT_SECRET") ?? settings.google.clientSecret
        settings.google.developerToken = value("GOOGLE_ADS_DEVELOPER_TOKEN")
        settings.meta.graphURL = try url("META_GRAPH_URL") ?? settings.meta.graphURL
        settings.meta.dialogURL = try url("META_DIALOG_URL") ?? settings.meta.dialogURL
        settings.meta.appID = value("META_APP_ID") ?? settings.meta.appID
        settings.meta.appSecret = value("META_APP_SECRET") ?? settings.meta.appSecret
        if let configuration = value("META_LOGIN_CONFIG_ID") {
            guard configuration.allSatisfy(\.isNumber), configuration.count <= 32 else {
                throw PlatformSettingsError("META_LOGIN_CONFIG_ID must be the configuration's numeric id, got \"\(configuration)\"")
            }
            settings.meta.loginConfigurationID = configuration
        }
        if let text = value("CAMPAIGND_PLATFORM_TIMEOUT") {
            guard let seconds = Double(text), seconds > 0, seconds <= 600 else {
                throw PlatformSettingsError("CAMPAIGND_PLATFORM_TIMEOUT must be seconds in (0, 600], got \"\(text)\"")
            }
            settings.timeout = seconds
        }
        return settings
    }

    public static let environmentHelp = """
          CAMPAIGND_SIMULATOR_URL   root of the platform simulator; the default for every platform URL below
                                    (default http://127.0.0.1:8081/simulator)
          GOOGLE_ADS_API_URL, GOOGLE_OAUTH_AUTHORIZE_URL, GOOGLE_OAUTH_TOKEN_URL, GOOGLE_ADS_CLIENT_ID,
          GOOGLE_ADS_CLIENT_SECRET, GOOGLE_ADS_DEVELOPER_TOKEN
          META_GRAPH_URL, META_DIALOG_URL, META_APP_ID, META_APP_SECRET
                                    the real platforms' endpoints and this application's credentials
          META_LOGIN_CONFIG_ID      a Facebook Login for Business configuration id: the login asks for it instead of scopes
          CAMPAIGND_PLATFORM_TIMEOUT  seconds before a platform request times out (default 30)
        """
}

public struct PlatformSettingsError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
