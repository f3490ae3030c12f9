import Foundation

/// Tokens a platform issued for one connection. Meta issues no refresh token: its long-lived access token
/// is exchanged for a new one instead.
public struct OAuthTokens: Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String?
    public var expiresAt: Date?

    public init(accessToken: String, refreshToken: String?, expiresAt: Date?) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}

/// An ad account a connection can use, as the platform describes it.
public struct PlatformAdAccount: Sendable, Equatable {
    /// The platform's id as users see it: a Google customer id of ten digits, a Meta `act_…` id's digits.
    public var externalID: String
    public var name: String
    /// ISO 4217.
    public var currency: String
    /// Google: the manager account this user reaches the account through (sent as `login-customer-id`); nil
    /// when reached directly, and on Meta.
    public var loginCustomerID: String? = nil

    public init(externalID: String, name: String, currency: String) {
        self.externalID = externalID
        self.name = name
        self.currency = currency
    }
}

/// What the integration services need of a platform: the OAuth flow and the accounts a token can use.
/// Each platform's provider implements it.
public protocol PlatformConnector: Sendable {
    var platform: AdPlatform { get }
    /// The consent page to send the user to; the platform redirects to `redirectURI` with `code` and `state`.
    func authorizationURL(state: String, redirectURI: String) -> URL
    /// Exchanges an authorization code for tokens (on Meta, also for a long-lived token).
    func exchangeCode(_ code: String, redirectURI: String) throws -> OAuthTokens
    /// New tokens for a connection whose access token expires; `PlatformError.reconnectRequired` when only the
    /// user can renew it.
    func refresh(_ tokens: OAuthTokens) throws -> OAuthTokens
    /// The ad accounts the access token can use.
    func listAdAccounts(accessToken: String) throws -> [PlatformAdAccount]
    /// The Pages ads can run as (Meta); none on platforms whose ads need no page.
    func listPages(accessToken: String) throws -> [PlatformPage]
}

extension PlatformConnector {
    public func listPages(accessToken: String) throws -> [PlatformPage] { [] }
}

/// A Meta pixel of an ad account: what a Sales campaign's ad sets optimize for (`promoted_object.pixel_id`).
public struct PlatformPixel: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A Facebook Page the connection can advertise for: Meta's ads run as a Page (`object_story_spec.page_id`).
public struct PlatformPage: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
