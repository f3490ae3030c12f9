import Foundation

// PLACEHOLDER — replaced by the real provider on branch `google`; nothing may depend on its behaviour.
public struct GoogleAdsProvider: PlatformConnector {
    public let settings: PlatformSettings
    public var platform: AdPlatform { .googleAds }

    public init(settings: PlatformSettings) { self.settings = settings }

    public func authorizationURL(state: String, redirectURI: String) -> URL { settings.google.authorizeURL }
    public func exchangeCode(_ code: String, redirectURI: String) throws -> OAuthTokens { throw PlatformError.permanent(message: "not built yet") }
    public func refresh(_ tokens: OAuthTokens) throws -> OAuthTokens { throw PlatformError.permanent(message: "not built yet") }
    public func listAdAccounts(accessToken: String) throws -> [PlatformAdAccount] { throw PlatformError.permanent(message: "not built yet") }
}
