import Foundation
import Integrations

/// What Meta ads need besides the campaign: the Facebook Page an ad account's ads run as, and the pixel a Sales
/// campaign optimizes for; both listed from Meta, and a choice checked against that list.
public struct MetaAssetService: Sendable {
    let providers: PlatformProviders
    let tokens: TokenService
    let connections = ConnectionService()

    public init(providers: PlatformProviders, tokens: TokenService) {
        self.providers = providers
        self.tokens = tokens
    }

    /// The Pages `accountID`'s connection can advertise for.
    public func pages(ofAccount accountID: UUID, in session: TenantSession) throws(MetaAssetError) -> [PlatformPage] {
        try onMeta(accountID, in: session) { _, token in try providers.meta.listPages(accessToken: token) }
    }

    /// Sets the Page `accountID`'s ads run as, after checking with Meta that the connection can advertise for it.
    public func choose(pageID: String, forAccount accountID: UUID, in session: TenantSession) throws(MetaAssetError) -> AdAccount {
        guard let page = try pages(ofAccount: accountID, in: session).first(where: { $0.id == pageID }) else {
            throw .validation(field: "pageId", message: "The connection cannot advertise for the Page \(pageID); choose one of metaPages.")
        }
        do {
            guard let account = try connections.setPage(page, ofAccount: accountID, in: session) else { throw MetaAssetError.notFound("Ad account") }
            return account
        } catch let error as MetaAssetError {
            throw error
        } catch {
            throw .platform(error)
        }
    }

    /// How many people `audience` reaches on Meta in a month, as Meta estimates it for `accountID`; nil when Meta
    /// has no estimate ready, or the audience has a location or interest without a Meta id (Meta would refuse it).
    public func sizeEstimate(of audience: Audience, forAccount accountID: UUID, in session: TenantSession) throws(MetaAssetError) -> ClosedRange<Int>? {
        let locations = audience.targetedLocations, interests = audience.targetedInterests
        guard locations.allSatisfy({ $0.metaID != nil }), interests.allSatisfy({ $0.metaID != nil }) else { return nil }
        let targeting = MetaLaunchMapping.targeting(locations: locations, ageMin: audience.ageMin, ageMax: audience.ageMax, interests: interests)
        return try onMeta(accountID, in: session) { account, token in
            try providers.meta.deliveryEstimate(accountID: account.externalAccountID, targeting: targeting, accessToken: token)
        }
    }

    /// What Meta suggests as `accountID`'s EU beneficiary and payer.
    public func transparencySuggestions(ofAccount accountID: UUID, in session: TenantSession) throws(MetaAssetError) -> [String] {
        try onMeta(accountID, in: session) { account, token in
            try providers.meta.transparencyRecommendations(accountID: account.externalAccountID, accessToken: token)
        }
    }

    /// Sets who benefits from and who pays for `accountID`'s ads reaching the EU: 1 to 255 characters each,
    /// without control characters, as people will read them beside the ads.
    public func setTransparency(beneficiary: String, payor: String, forAccount accountID: UUID, in session: TenantSession)
        throws(MetaAssetError) -> AdAccount {
        _ = try metaAccount(accountID, in: session)
        var values: [String] = []
        for (field, text) in [("beneficiary", beneficiary), ("payor", payor)] {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...255).contains(trimmed.count) else {
                throw .validation(field: field, message: "The \(field) must have 1 to 255 characters.")
            }
            guard !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
                throw .validation(field: field, message: "The \(field) must not contain control characters.")
            }
            values.append(trimmed)
        }
        do {
            guard let account = try connections.setTransparency(
                EUTransparency(beneficiary: values[0], payor: values[1]), ofAccount: accountID, in: session) else {
                throw MetaAssetError.notFound("Ad account")
            }
            return account
        } catch let error as MetaAssetError {
            throw error
        } catch {
            throw .platform(error)
        }
    }

    /// The pixels of `accountID`.
    public func pixels(ofAccount accountID: UUID, in session: TenantSession) throws(MetaAssetError) -> [PlatformPixel] {
        try onMeta(accountID, in: session) { account, token in
            try providers.meta.listPixels(accountID: account.externalAccountID, accessToken: token)
        }
    }

    /// Sets the pixel a draft campaign optimizes for, after checking with Meta that its ad account has it.
    public func choosePixel(_ pixelID: String, forCampaign campaignID: UUID, in session: TenantSession) throws(MetaAssetError) -> Campaign {
        let campaigns = CampaignService()
        let campaign: Campaign?
        do { campaign = try campaigns.find(campaignID, in: session) } catch { throw .platform(error) }
        guard let campaign else { throw .notFound("Campaign") }
        guard try pixels(ofAccount: campaign.adAccountID, in: session).contains(where: { $0.id == pixelID }) else {
            throw .validation(field: "pixelId", message: "The ad account has no pixel \(pixelID); choose one of metaPixels.")
        }
        do {
            return try campaigns.setMetaPixel(campaignID, pixelID: pixelID, in: session)
        } catch let error as CampaignError {
            if case .validation(let field, let message) = error { throw .validation(field: field, message: message) }
            throw .notFound("Campaign")
        } catch {
            throw .platform(error)
        }
    }

    /// `body` with the Meta account and its connection's token; the platform's or the store's errors as `.platform`.
    private func onMeta<Value>(_ accountID: UUID, in session: TenantSession, _ body: (AdAccount, String) throws -> Value)
        throws(MetaAssetError) -> Value {
        let account = try metaAccount(accountID, in: session)
        do {
            return try tokens.withAccessToken(integrationID: account.integrationID, organizationID: session.organizationID, on: session.connection) {
                try body(account, $0)
            }
        } catch {
            throw .platform(error)
        }
    }

    private func metaAccount(_ id: UUID, in session: TenantSession) throws(MetaAssetError) -> AdAccount {
        let found: AdAccount?
        do { found = try connections.adAccounts(ids: [id], in: session)[id] } catch { throw .platform(error) }
        guard let account = found, !account.removed else { throw .notFound("Ad account") }
        guard account.platform == .metaAds else {
            throw .validation(field: "adAccountId", message: "Only Meta ad accounts have Pages, pixels and EU transparency fields.")
        }
        return account
    }
}

/// Why the Pages or pixels could not be listed or chosen; `platform` carries the platform's or the store's own error.
public enum MetaAssetError: Error {
    /// What was not found: "Ad account" or "Campaign".
    case notFound(String)
    case validation(field: String, message: String)
    case platform(any Error)
}
