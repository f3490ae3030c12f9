import Foundation
import Postgres

/// Valid access tokens for integrations: refreshed shortly before they expire (under a row lock, so that
/// concurrent callers refresh once), refreshed in bulk by the periodic task, and — when the platform no longer
/// accepts the refresh — the integration is marked disconnected instead of failing forever.
public struct TokenService: Sendable {
    /// Tokens expiring within this many seconds are refreshed before use.
    public static let refreshMargin: TimeInterval = 300

    let providers: PlatformProviders
    let store: IntegrationTokenStore

    public init(providers: PlatformProviders, encryptionKey: String) {
        self.providers = providers
        store = IntegrationTokenStore(key: encryptionKey)
    }

    /// A usable access token of the integration, refreshed first when it expires within five minutes (or always,
    /// with `forceRefresh`). Runs in the connection's transaction, or in its own when there is none.
    /// Throws `IntegrationError.integrationNotFound`, `.reconnectRequired` (the integration is then marked
    /// disconnected, and that is committed) or the platform's `PlatformError`.
    public func accessToken(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection,
                            forceRefresh: Bool = false) throws -> String {
        try accessToken(integrationID: integrationID, organizationID: organizationID, on: connection,
                        replacing: forceRefresh ? .any : nil)
    }

    /// Runs `body` with the integration's access token. When the platform answers that the token expired
    /// (`PlatformError.tokenExpired`, e.g. revoked early or expired mid-call), refreshes it and runs `body`
    /// once more with the new token; a second expiry is thrown.
    public func withAccessToken<T>(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection,
                                   _ body: (String) throws -> T) throws -> T {
        let token = try accessToken(integrationID: integrationID, organizationID: organizationID, on: connection)
        do {
            return try body(token)
        } catch PlatformError.tokenExpired {
            let fresh = try accessToken(integrationID: integrationID, organizationID: organizationID, on: connection,
                                        replacing: .token(token))
            return try body(fresh)
        }
    }

    /// The platform of an integration of the organization; `IntegrationError.integrationNotFound` when there is none.
    public func platform(of integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws -> AdPlatform {
        let name: String? = try connection.inOrganizationTransaction(organizationID) { connection in
            try connection.query("SELECT provider FROM integrations WHERE organization_id = \(organizationID) AND id = \(integrationID)").first?.decode("provider")
        }
        guard let name, let platform = AdPlatform(rawValue: name) else { throw IntegrationError.integrationNotFound }
        return platform
    }

    /// Refreshes every connected integration whose token expires within `margin` seconds, each in its own
    /// transaction; for the periodic task. One integration's failure does not stop the others.
    public func refreshExpiring(pool: PostgresPool, within margin: TimeInterval = TokenService.refreshMargin,
                                limit: Int = 500) throws -> TokenRefreshSummary {
        let candidates = try pool.withConnection { connection in
            try connection.query("SELECT integration_id, organization_id FROM integrations_expiring(\(margin), \(limit))")
                .map { (try $0.decode("integration_id", as: UUID.self), try $0.decode("organization_id", as: UUID.self)) }
        }
        var summary = TokenRefreshSummary()
        for (integrationID, organizationID) in candidates {
            do {
                let refreshed = try pool.withConnection { connection in
                    try token(integrationID: integrationID, organizationID: organizationID, on: connection,
                              replacing: nil, margin: margin).refreshed
                }
                if refreshed { summary.refreshed.append(integrationID) }
            } catch IntegrationError.reconnectRequired {
                summary.disconnected.append(integrationID)
            } catch IntegrationError.integrationNotFound {
                continue
            } catch {
                summary.failed.append(TokenRefreshSummary.Failure(integrationID: integrationID, reason: "\(error)"))
            }
        }
        return summary
    }

    /// Which token a forced refresh replaces: `.token(t)` refreshes only while `t` is still the stored token
    /// (a concurrent caller may have refreshed it already); `.any` always refreshes.
    enum Replacement: Equatable {
        case any
        case token(String)
    }

    /// What a locked read decided: a token to use, or a disconnection to report after it is committed.
    private enum Outcome {
        case token(String, refreshed: Bool)
        case disconnected(String)
    }

    func accessToken(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection,
                     replacing: Replacement?, margin: TimeInterval = TokenService.refreshMargin) throws -> String {
        try token(integrationID: integrationID, organizationID: organizationID, on: connection, replacing: replacing, margin: margin).token
    }

    /// The token, and whether it was refreshed for this call.
    func token(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection,
               replacing: Replacement?, margin: TimeInterval) throws -> (token: String, refreshed: Bool) {
        let outcome = try connection.inOrganizationTransaction(organizationID) { connection in
            try lockedAccessToken(integrationID: integrationID, organizationID: organizationID, on: connection,
                                  replacing: replacing, margin: margin)
        }
        switch outcome {
        case .token(let token, let refreshed): return (token, refreshed)
        case .disconnected(let message): throw IntegrationError.reconnectRequired(integrationID: integrationID, message: message)
        }
    }

    private func lockedAccessToken(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection,
                                   replacing: Replacement?, margin: TimeInterval) throws -> Outcome {
        guard let integration = try store.lock(integrationID, organizationID: organizationID, on: connection) else {
            throw IntegrationError.integrationNotFound
        }
        guard integration.connected, let tokens = integration.tokens else {
            return .disconnected("the integration is disconnected")
        }
        let needsRefresh: Bool
        switch replacing {
        case .any: needsRefresh = true
        case .token(let stale): needsRefresh = tokens.accessToken == stale
        case nil: needsRefresh = tokens.expiresAt.map { $0.timeIntervalSinceNow < margin } ?? false
        }
        guard needsRefresh else { return .token(tokens.accessToken, refreshed: false) }
        let connector = providers.connector(for: integration.provider)
        // A connection the server cannot renew is used up to its last second; the API warns before it lapses.
        if !integration.provider.renewsConnections, replacing == nil, let expiresAt = tokens.expiresAt, expiresAt > Date() {
            return .token(tokens.accessToken, refreshed: false)
        }
        do {
            // A platform that sends no new refresh token keeps the old one: `store` leaves it in place.
            let fresh = try connector.refresh(tokens)
            try store.store(fresh, integrationID: integrationID, organizationID: organizationID, on: connection)
            return .token(fresh.accessToken, refreshed: true)
        } catch let error as PlatformError {
            switch error {
            case .reconnectRequired(let message), .tokenExpired(let message):
                // The platform no longer honours the refresh: only a new connection helps.
                try IntegrationTokenStore.disconnect(integrationID, organizationID: organizationID, on: connection)
                return .disconnected(message)
            default:
                throw error
            }
        }
    }
}

/// What one bulk refresh did.
public struct TokenRefreshSummary: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        public var integrationID: UUID
        public var reason: String
    }

    public var refreshed: [UUID] = []
    /// Integrations whose refresh the platform refused: now disconnected.
    public var disconnected: [UUID] = []
    /// Integrations that failed for a reason that may pass (rate limit, outage); tried again next time.
    public var failed: [Failure] = []

    public init() {}
}
