import Foundation
import Postgres

/// Brings an integration's ad accounts in line with what the platform lists: new accounts are added, names
/// and currencies updated, vanished accounts marked `removed_at` (never deleted: campaigns keep their
/// account), and accounts that reappear are un-marked.
public struct AccountSyncService: Sendable {
    let providers: PlatformProviders
    let tokens: TokenService

    public init(providers: PlatformProviders, tokens: TokenService) {
        self.providers = providers
        self.tokens = tokens
    }

    /// Lists the accounts through the platform (refreshing the token as needed) and applies them.
    /// Returns the ids of every account of the integration, removed ones included.
    ///
    /// On a connection inside a transaction, everything happens in it; a caller that gets
    /// `IntegrationError.reconnectRequired` must commit to keep the integration marked disconnected (the API
    /// does). On a connection outside a transaction, the token is read (and refreshed, or the integration
    /// disconnected) in its own committed transaction, and the accounts are applied in another.
    @discardableResult
    public func sync(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws -> [UUID] {
        let (accounts, pages) = try list(integrationID: integrationID, organizationID: organizationID, on: connection)
        return try connection.inOrganizationTransaction(organizationID) { connection in
            try apply(accounts, pages: pages, integrationID: integrationID, organizationID: organizationID, on: connection)
        }
    }

    /// The accounts the platform lists for the integration's token, and the Pages it can advertise for.
    private func list(integrationID: UUID, organizationID: UUID, on connection: PostgresConnection) throws
        -> (accounts: [PlatformAdAccount], pages: [PlatformPage]) {
        let platform = try tokens.platform(of: integrationID, organizationID: organizationID, on: connection)
        let connector = providers.connector(for: platform)
        return try tokens.withAccessToken(integrationID: integrationID, organizationID: organizationID, on: connection) {
            (try connector.listAdAccounts(accessToken: $0), try connector.listPages(accessToken: $0))
        }
    }

    /// Upserts `accounts` as the integration's complete list and stamps `last_synced_at`.
    @discardableResult
    func apply(_ accounts: [PlatformAdAccount], pages: [PlatformPage] = [], integrationID: UUID, organizationID: UUID,
               on connection: PostgresConnection) throws -> [UUID] {
        // Every account is checked before any is written: the API keeps what a platform error leaves behind,
        // so a refusal half-way would leave some accounts updated and vanished ones unmarked.
        let currencies = try accounts.map { account in
            let currency = account.currency.uppercased()
            guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                throw PlatformError.permanent(message: "the platform listed account \(account.externalID) with currency \"\(account.currency)\", which is not ISO 4217")
            }
            return currency
        }
        for (account, currency) in zip(accounts, currencies) {
            try connection.query(
                """
                INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency, login_customer_id)
                VALUES (\(organizationID), \(integrationID), \(account.externalID), \(account.name), \(currency), \(account.loginCustomerID))
                ON CONFLICT (integration_id, external_account_id)
                DO UPDATE SET name = EXCLUDED.name, currency = EXCLUDED.currency, login_customer_id = EXCLUDED.login_customer_id,
                              removed_at = NULL
                """)
        }
        try connection.query(
            """
            UPDATE ad_accounts SET removed_at = now()
            WHERE organization_id = \(organizationID) AND integration_id = \(integrationID) AND removed_at IS NULL
              AND NOT (external_account_id = ANY(\(textArray(accounts.map(\.externalID)))::text[]))
            """)
        // With one Page to advertise for, accounts without a Page get it (a choice made with setAdAccountPage
        // stays); with several, the person chooses.
        if pages.count == 1, let page = pages.first {
            try connection.query(
                """
                UPDATE ad_accounts SET page_id = \(page.id), page_name = \(page.name)
                WHERE organization_id = \(organizationID) AND integration_id = \(integrationID) AND page_id IS NULL
                """)
        }
        try connection.query(
            "UPDATE integrations SET last_synced_at = now() WHERE organization_id = \(organizationID) AND id = \(integrationID)")
        return try connection.query(
            "SELECT id FROM ad_accounts WHERE organization_id = \(organizationID) AND integration_id = \(integrationID) ORDER BY name, id").map { try $0.decode("id") }
    }
}
