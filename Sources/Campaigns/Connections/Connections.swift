import Foundation
import Integrations
import Postgres

/// An ad platform, as stored (`google_ads`, `meta_ads`); the integrations module owns the list.
public typealias Platform = AdPlatform

/// A connection to an ad platform. Tokens are never read by this module.
public struct Integration: Sendable, Equatable {
    public var id: UUID
    public var platform: Platform
    public var connected: Bool
    public var expiresAt: Date?
    public var lastSyncedAt: Date?
}

/// An account found on a platform through an integration.
public struct AdAccount: Sendable, Equatable {
    public var id: UUID
    public var integrationID: UUID
    public var externalAccountID: String
    public var name: String
    public var currency: String
    public var platform: Platform
    public var removed: Bool
    /// The Facebook Page a Meta account's ads run as; nil until chosen (or set by the account sync).
    public var page: PlatformPage? = nil
    /// Who benefits from and who pays for a Meta account's ads reaching the EU (EU Digital Services Act).
    public var transparency: EUTransparency? = nil
    /// Google: the manager account requests to this account go through (`login-customer-id`); nil when direct.
    public var loginCustomerID: String? = nil
}

/// The beneficiary and payer Meta shows with ads reaching the EU (`dsa_beneficiary`, `dsa_payor`), required on
/// every Meta ad set that targets the EU since 2023-08-16 (Meta for Developers blog, "New Marketing and MPA API
/// Requirements for Facebook and Instagram Ads Targeting the EU").
public struct EUTransparency: Sendable, Equatable {
    public var beneficiary: String
    public var payor: String

    public init(beneficiary: String, payor: String) {
        self.beneficiary = beneficiary
        self.payor = payor
    }

    /// The EU's member states and the associated territories with country codes of their own.
    public static let euCountryCodes: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "AX", "GF", "GP", "MQ", "RE", "YT", "MF",
    ]

    /// Whether ads to these locations reach the EU (a country, or a region or city in one).
    public static func isRequired(for locations: [TargetingEntry]) -> Bool {
        locations.contains { $0.countryCode.map(euCountryCodes.contains) ?? false }
    }
}

/// Reads integrations and ad accounts; every statement filters by organization_id too.
public struct ConnectionService: Sendable {
    public init() {}

    static let integrationColumns = "id, provider, connected, expires_at, last_synced_at"
    static let accountColumns =
        "a.id, a.integration_id, a.external_account_id, a.name, a.currency, a.removed_at IS NOT NULL AS removed, i.provider, a.page_id, a.page_name, a.dsa_beneficiary, a.dsa_payor, a.login_customer_id"
    static let accountFrom =
        "ad_accounts a JOIN integrations i ON i.organization_id = a.organization_id AND i.id = a.integration_id"

    public func integrations(in session: TenantSession) throws -> [Integration] {
        try session.connection.query(
            "SELECT \(unescaped: Self.integrationColumns) FROM integrations WHERE organization_id = \(session.organizationID) ORDER BY created_at DESC, id DESC"
        ).map(Integration.init(row:))
    }

    public func integration(_ id: UUID, in session: TenantSession) throws -> Integration? {
        try session.connection.query(
            "SELECT \(unescaped: Self.integrationColumns) FROM integrations WHERE organization_id = \(session.organizationID) AND id = \(id)"
        ).map(Integration.init(row:)).first
    }

    /// Accounts not removed, optionally of one platform, by name.
    public func adAccounts(platform: Platform?, in session: TenantSession) throws -> [AdAccount] {
        var filter: PostgresQuery = ""
        if let platform { filter = " AND i.provider = \(platform.rawValue)" }
        return try session.connection.query(
            "SELECT \(unescaped: Self.accountColumns) FROM \(unescaped: Self.accountFrom) WHERE a.organization_id = \(session.organizationID) AND a.removed_at IS NULL\(filter) ORDER BY a.name, a.id"
        ).map(AdAccount.init(row:))
    }

    /// The non-removed accounts of each integration, in one statement.
    public func adAccounts(ofIntegrations ids: [UUID], in session: TenantSession) throws -> [UUID: [AdAccount]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT \(unescaped: Self.accountColumns) FROM \(unescaped: Self.accountFrom)
            WHERE a.organization_id = \(session.organizationID)
            AND a.integration_id = ANY(\(uuidArray(ids))::uuid[]) AND a.removed_at IS NULL
            ORDER BY a.name, a.id
            """)
        return Dictionary(grouping: try rows.map(AdAccount.init(row:)), by: \.integrationID)
    }

    /// Accounts by id (removed ones included: campaigns keep their account), in one statement.
    public func adAccounts(ids: [UUID], in session: TenantSession) throws -> [UUID: AdAccount] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.accountColumns) FROM \(unescaped: Self.accountFrom) WHERE a.organization_id = \(session.organizationID) AND a.id = ANY(\(uuidArray(ids))::uuid[])")
        return Dictionary(try rows.map(AdAccount.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Sets the Page `account`'s ads run as. The caller has checked that the connection can advertise for it.
    public func setPage(_ page: PlatformPage, ofAccount accountID: UUID, in session: TenantSession) throws -> AdAccount? {
        try session.connection.query(
            "UPDATE ad_accounts SET page_id = \(page.id), page_name = \(String(page.name.prefix(255))) WHERE organization_id = \(session.organizationID) AND id = \(accountID)")
        return try adAccounts(ids: [accountID], in: session)[accountID]
    }

    /// Sets who benefits from and pays for the account's ads reaching the EU. The caller has checked the values.
    public func setTransparency(_ transparency: EUTransparency, ofAccount accountID: UUID, in session: TenantSession) throws -> AdAccount? {
        try session.connection.query(
            "UPDATE ad_accounts SET dsa_beneficiary = \(transparency.beneficiary), dsa_payor = \(transparency.payor) WHERE organization_id = \(session.organizationID) AND id = \(accountID)")
        return try adAccounts(ids: [accountID], in: session)[accountID]
    }
}

extension Integration {
    /// A row of `ConnectionService.integrationColumns`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), platform: try row.decode("provider", rawValueOf: Platform.self), connected: try row.decode("connected"),
            expiresAt: try row.decode("expires_at", as: Date?.self), lastSyncedAt: try row.decode("last_synced_at", as: Date?.self))
    }
}

extension AdAccount {
    /// A row of `ConnectionService.accountColumns`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), integrationID: try row.decode("integration_id"),
            externalAccountID: try row.decode("external_account_id"), name: try row.decode("name"),
            currency: try row.decode("currency"), platform: try row.decode("provider", rawValueOf: Platform.self), removed: try row.decode("removed"),
            page: try row.decode("page_id", as: String?.self).map { PlatformPage(id: $0, name: try row.decode("page_name", as: String?.self) ?? "") },
            transparency: try row.decode("dsa_beneficiary", as: String?.self).map {
                EUTransparency(beneficiary: $0, payor: try row.decode("dsa_payor", as: String?.self) ?? $0)
            },
            loginCustomerID: try row.decode("login_customer_id", as: String?.self))
    }
}
