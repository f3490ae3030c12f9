import Foundation
import Postgres

/// Where to send the user to connect a platform, and the state that must come back with the code.
public struct OAuthStart: Sendable, Equatable {
    public var authorizationURL: URL
    public var state: String
    public var expiresAt: Date
}

/// Connects an organization to an ad platform with OAuth's authorization-code flow: `start` issues a
/// single-use state bound to the organization and platform, `complete` consumes it, exchanges the code,
/// stores the tokens encrypted and syncs the ad accounts.
public struct OAuthService: Sendable {
    let providers: PlatformProviders
    let store: IntegrationTokenStore
    let accounts: AccountSyncService

    public init(providers: PlatformProviders, encryptionKey: String) {
        self.providers = providers
        store = IntegrationTokenStore(key: encryptionKey)
        accounts = AccountSyncService(providers: providers, tokens: TokenService(providers: providers, encryptionKey: encryptionKey))
    }

    /// Stores a new state (valid 10 minutes) and builds the platform's consent URL with it.
    public func start(platform: AdPlatform, redirectURI: String, organizationID: UUID,
                      on connection: PostgresConnection) throws -> OAuthStart {
        let redirectURI = try OAuthState.validateRedirectURI(redirectURI)
        let state = OAuthState.generate()
        // Spent and long-expired states of the organization are of no use to anyone.
        try connection.query(
            "DELETE FROM oauth_states WHERE organization_id = \(organizationID) AND expires_at < now() - interval '1 day'")
        let expiresAt: Date = try connection.query(
            """
            INSERT INTO oauth_states (organization_id, provider, state, redirect_uri, expires_at)
            VALUES (\(organizationID), \(platform.rawValue), \(state), \(redirectURI), now() + make_interval(secs => \(OAuthState.lifetime))) RETURNING expires_at
            """)[0].decode("expires_at")
        let url = providers.connector(for: platform).authorizationURL(state: state, redirectURI: redirectURI)
        return OAuthStart(authorizationURL: url, state: state, expiresAt: expiresAt)
    }

    /// Consumes `state`, exchanges `code` for tokens, stores the integration and syncs its accounts; returns
    /// the integration's id. Reconnecting an account the organization already has updates that integration.
    public func complete(platform: AdPlatform, code: String, state: String, organizationID: UUID,
                         on connection: PostgresConnection) throws -> UUID {
        let redirectURI = try consume(state, platform: platform, organizationID: organizationID, on: connection)
        guard !code.isEmpty else { throw IntegrationError.codeRejected(message: "the code is empty") }
        let connector = providers.connector(for: platform)
        let tokens: OAuthTokens
        do {
            tokens = try connector.exchangeCode(code, redirectURI: redirectURI)
        } catch let error as PlatformError {
            switch error {
            case .invalidRequest(let message, _), .reconnectRequired(let message), .tokenExpired(let message):
                throw IntegrationError.codeRejected(message: message)
            default:
                throw error
            }
        }
        let listed: [PlatformAdAccount]
        let pages: [PlatformPage]
        do {
            listed = try connector.listAdAccounts(accessToken: tokens.accessToken)
            pages = try connector.listPages(accessToken: tokens.accessToken)
        } catch let error as PlatformError {
            // The code is spent: keep the connection rather than make the user start again; its accounts come
            // with the next account sync (periodic, or syncAdAccounts). The API keeps what a failed platform
            // call wrote, so the integration stays.
            _ = try store.insert(tokens, provider: platform, organizationID: organizationID, on: connection)
            throw error
        }
        let integrationID: UUID
        if let existing = try integration(sharing: listed, platform: platform, organizationID: organizationID, on: connection) {
            try store.store(tokens, integrationID: existing, organizationID: organizationID, on: connection)
            integrationID = existing
        } else {
            integrationID = try store.insert(tokens, provider: platform, organizationID: organizationID, on: connection)
        }
        try accounts.apply(listed, pages: pages, integrationID: integrationID, organizationID: organizationID, on: connection)
        return integrationID
    }

    /// Forgets the integration's tokens and marks it disconnected (its accounts and campaigns stay).
    public func disconnect(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws {
        guard try IntegrationTokenStore.disconnect(integrationID, organizationID: organizationID, on: connection) else {
            throw IntegrationError.integrationNotFound
        }
    }

    /// Checks the state against the organization's own states (another organization's state is simply
    /// unknown here, and stays usable by its owner), then consumes it once; returns its redirect URI.
    private func consume(_ state: String, platform: AdPlatform, organizationID: UUID,
                         on connection: PostgresConnection) throws -> String {
        guard let row = try connection.query(
            """
            SELECT provider, used_at IS NOT NULL AS used, expires_at <= now() AS expired
            FROM oauth_states WHERE organization_id = \(organizationID) AND state = \(state)
            """).first else { throw IntegrationError.invalidState(.unknown) }
        if try row.decode("used", as: Bool.self) { throw IntegrationError.invalidState(.reused) }
        if try row.decode("expired", as: Bool.self) { throw IntegrationError.invalidState(.expired) }
        guard try row.decode("provider", as: String.self) == platform.rawValue else {
            throw IntegrationError.invalidState(.otherPlatform)
        }
        guard let consumed = try connection.query(
            "SELECT organization_id, provider, redirect_uri FROM consume_oauth_state(\(state))").first else {
            throw IntegrationError.invalidState(.reused)  // a concurrent completion consumed it first
        }
        guard try consumed.decode("organization_id", as: UUID.self) == organizationID else {
            throw IntegrationError.invalidState(.unknown)
        }
        return try consumed.decode("redirect_uri")
    }

    /// The organization's integration of `platform` that already holds one of `accounts`, if any: the same
    /// platform user connecting again, whose integration is updated rather than duplicated.
    private func integration(sharing accounts: [PlatformAdAccount], platform: AdPlatform, organizationID: UUID,
                             on connection: PostgresConnection) throws -> UUID? {
        guard !accounts.isEmpty else { return nil }
        return try connection.query(
            """
            SELECT i.id FROM integrations i
            JOIN ad_accounts a ON a.organization_id = i.organization_id AND a.integration_id = i.id
            WHERE i.organization_id = \(organizationID) AND i.provider = \(platform.rawValue) AND a.external_account_id = ANY(\(textArray(accounts.map(\.externalID)))::text[])
            ORDER BY i.connected DESC, i.created_at DESC, i.id LIMIT 1
            """).first?.decode("id")
    }
}
