import Foundation
import Integrations

/// The Facebook Page a Meta ad account's ads run as: the Pages the account's connection can advertise for,
/// read from Meta, and the choice of one.
public struct MetaPageService: Sendable {
    let providers: PlatformProviders
    let tokens: TokenService
    let connections = ConnectionService()

    public init(providers: PlatformProviders, tokens: TokenService) {
        self.providers = providers
        self.tokens = tokens
    }

    /// The Pages `accountID`'s connection can advertise for.
    public func pages(ofAccount accountID: UUID, in session: TenantSession) throws(MetaPageError) -> [PlatformPage] {
        let account = try metaAccount(accountID, in: session)
        do {
            return try tokens.withAccessToken(integrationID: account.integrationID, organizationID: session.organizationID, on: session.connection) {
                try providers.meta.listPages(accessToken: $0)
            }
        } catch {
            throw .platform(error)
        }
    }

    /// Sets the Page `accountID`'s ads run as, after checking with Meta that the connection can advertise for it.
    public func choose(pageID: String, forAccount accountID: UUID, in session: TenantSession) throws(MetaPageError) -> AdAccount {
        guard let page = try pages(ofAccount: accountID, in: session).first(where: { $0.id == pageID }) else {
            throw .validation(field: "pageId", message: "The connection cannot advertise for the Page \(pageID); choose one of metaPages.")
        }
        do {
            guard let account = try connections.setPage(page, ofAccount: accountID, in: session) else { throw MetaPageError.notFound }
            return account
        } catch let error as MetaPageError {
            throw error
        } catch {
            throw .platform(error)
        }
    }

    private func metaAccount(_ id: UUID, in session: TenantSession) throws(MetaPageError) -> AdAccount {
        let found: AdAccount?
        do { found = try connections.adAccounts(ids: [id], in: session)[id] } catch { throw .platform(error) }
        guard let account = found, !account.removed else { throw .notFound }
        guard account.platform == .metaAds else {
            throw .validation(field: "adAccountId", message: "Only Meta ad accounts run as a Facebook Page.")
        }
        return account
    }
}

/// Why the Pages could not be listed or chosen; `platform` carries the platform's or the store's own error.
public enum MetaPageError: Error {
    case notFound
    case validation(field: String, message: String)
    case platform(any Error)
}
