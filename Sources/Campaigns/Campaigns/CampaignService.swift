import Foundation
import Postgres

public struct CampaignPage: Sendable {
    public var campaigns: [Campaign]
    public var hasNextPage: Bool
}

/// The orders campaigns are listed in.
public enum CampaignOrder: String, Sendable {
    case newest, oldest, name
}

/// Where a page of campaigns ends, in the terms of its order: the creation instant, or the name (with the id
/// breaking ties in both).
public enum CampaignKeyset: Sendable, Equatable {
    case created(CreationCursor)
    case name(String, UUID)

    /// `campaign`'s position in `order`.
    public static func of(_ campaign: Campaign, in order: CampaignOrder) -> CampaignKeyset {
        order == .name ? .name(campaign.name, campaign.id) : .created(campaign.cursor)
    }
}

public struct CampaignFilter: Sendable, Equatable {
    public var status: CampaignStatus?
    public var platform: Platform?
    /// Part of the name, any case; `%` and `_` match themselves.
    public var nameContains: String?

    public init(status: CampaignStatus? = nil, platform: Platform? = nil, nameContains: String? = nil) {
        self.status = status
        self.platform = platform
        self.nameContains = nameContains
    }
}

/// Campaigns, their budgets, units and creatives. Every statement filters by organization_id too; the
/// batch readers take all parents of one level and answer with one statement.
public struct CampaignService: Sendable {
    public init() {}

    static let columns = """
        c.id, c.ad_account_id, c.name, c.platform, c.objective, c.status, c.created_at, \
        to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time, \
        to_char(c.start_date, 'YYYY-MM-DD') AS start_date, to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.meta_pixel_id, c.copied_from_campaign_id
        """

    // MARK: Campaigns

    /// One page in `order`, after the campaign `after` (a keyset of the same order: `CampaignKeyset.of`).
    public func list(first: Int, after: CampaignKeyset?, order: CampaignOrder = .newest, filter: CampaignFilter,
                     in session: TenantSession) throws -> CampaignPage {
        let source = Self.pageSource(first: first, after: after, order: order, filter: filter, in: session)
        let rows = try session.connection.query("SELECT \(unescaped: Self.columns) \(source)")
        var campaigns = try rows.map(Campaign.init(row:))
        let hasNextPage = campaigns.count > first
        if hasNextPage { campaigns.removeLast() }
        return CampaignPage(campaigns: campaigns, hasNextPage: hasNextPage)
    }

    /// One page's campaigns as a statement's source, `FROM campaigns c WHERE … ORDER BY … LIMIT first + 1` (the extra
    /// row tells whether a next page exists): `list` reads its columns, a planned read joins the page's children to it.
    public static func pageSource(first: Int, after: CampaignKeyset?, order: CampaignOrder, filter: CampaignFilter,
                                  in session: TenantSession) -> PostgresQuery {
        var conditions = Self.conditions(filter, in: session)
        switch after {
        case .created(let cursor)?:
            let comparison = order == .oldest ? ">" : "<"
            conditions += " AND (c.created_at, c.id) \(unescaped: comparison) (\(cursor.createdAt)::timestamptz, \(cursor.id)::uuid)"
        case .name(let name, let id)?:
            conditions += " AND (c.name, c.id) > (\(name)::text, \(id)::uuid)"
        case nil:
            break
        }
        return "FROM campaigns c WHERE \(conditions) ORDER BY \(unescaped: orderBy(order)) LIMIT \(first + 1)"
    }

    /// The page order over the alias `c`, ties broken by id.
    public static func orderBy(_ order: CampaignOrder) -> String {
        switch order {
        case .newest: "c.created_at DESC, c.id DESC"
        case .oldest: "c.created_at, c.id"
        case .name: "c.name, c.id"
        }
    }

    public func count(filter: CampaignFilter, in session: TenantSession) throws -> Int {
        try session.connection.query("SELECT count(*)::bigint AS total FROM campaigns c WHERE \(Self.conditions(filter, in: session))")[0]
            .decode("total")
    }

    private static func conditions(_ filter: CampaignFilter, in session: TenantSession) -> PostgresQuery {
        var conditions: PostgresQuery = "c.organization_id = \(session.organizationID)"
        if let status = filter.status { conditions += " AND c.status = \(status.rawValue)" }
        if let platform = filter.platform { conditions += " AND c.platform = \(platform.rawValue)" }
        if let name = NameSearch.condition("c.name", contains: filter.nameContains) { conditions += " AND \(name)" }
        return conditions
    }

    public func get(_ id: UUID, in session: TenantSession) throws -> Campaign {
        guard let campaign = try find(id, in: session) else { throw CampaignError.notFound(.campaign) }
        return campaign
    }

    public func find(_ id: UUID, in session: TenantSession, lock: Bool = false) throws -> Campaign? {
        try session.connection.query(
            "SELECT \(unescaped: Self.columns) FROM campaigns c WHERE c.organization_id = \(session.organizationID) AND c.id = \(id)\(unescaped: lock ? " FOR UPDATE" : "")"
        ).map(Campaign.init(row:)).first
    }

    public func create(_ draft: CampaignDraft, in session: TenantSession) throws -> Campaign {
        guard let accountID = draft.adAccountID,
              let account = try ConnectionService().adAccounts(ids: [accountID], in: session)[accountID], !account.removed else {
            throw CampaignError.validation(field: "adAccountId", message: "Ad account not found.")
        }
        let name = try CampaignRules.name(draft.name)
        guard let objective = draft.objective else { throw CampaignError.validation(field: "objective", message: "Unknown objective.") }
        let (type, amount, currency) = try CampaignRules.budget(draft.budget, accountCurrency: account.currency)
        let campaign = try session.connection.query(
            """
            INSERT INTO campaigns AS c (organization_id, ad_account_id, name, platform, objective)
            VALUES (\(session.organizationID), \(account.id), \(name), \(account.platform.rawValue), \(objective.rawValue)) RETURNING \(unescaped: Self.columns)
            """
        ).map(Campaign.init(row:))[0]
        try session.connection.query(
            """
            INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
            VALUES (\(campaign.id), \(session.organizationID), \(type.rawValue), \(amount.text)::numeric, \(currency))
            """)
        return campaign
    }

    public func update(_ id: UUID, with changes: CampaignChanges, in session: TenantSession) throws -> Campaign {
        let current = try get(id, in: session)
        let name = try changes.name.map { name throws(CampaignError) in try CampaignRules.name(name) } ?? current.name
        let objective = changes.objective ?? current.objective
        let rows = try session.connection.query(
            "UPDATE campaigns AS c SET name = \(name), objective = \(objective.rawValue) WHERE c.organization_id = \(session.organizationID) AND c.id = \(id) RETURNING \(unescaped: Self.columns)")
        guard let campaign = try rows.map(Campaign.init(row:)).first else { throw CampaignError.notFound(.campaign) }
        return campaign
    }

    /// Sets (or replaces) the budget; the currency must be the ad account's. Fields are named `budget.…`.
    public func setBudget(_ id: UUID, _ draft: BudgetDraft, in session: TenantSession) throws -> Campaign {
        let campaign = try get(id, in: session)
        guard let account = try ConnectionService().adAccounts(ids: [campaign.adAccountID], in: session)[campaign.adAccountID] else {
            throw CampaignError.notFound(.campaign)
        }
        let (type, amount, currency) = try CampaignRules.budget(draft, accountCurrency: account.currency)
        try session.connection.query(
            """
            INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
            VALUES (\(campaign.id), \(session.organizationID), \(type.rawValue), \(amount.text)::numeric, \(currency))
            ON CONFLICT (campaign_id) DO UPDATE SET type = EXCLUDED.type, amount = EXCLUDED.amount, currency = EXCLUDED.currency
            WHERE campaign_budgets.organization_id = EXCLUDED.organization_id
            """)
        return campaign
    }

    /// Sets the first and last day of a draft (`YYYY-MM-DD`, either may be nil); the last not before the first.
    /// A launched campaign keeps its dates: the platforms are not told of a change yet.
    public func setDates(_ id: UUID, start: String?, end: String?, in session: TenantSession) throws -> Campaign {
        guard let campaign = try find(id, in: session, lock: true) else { throw CampaignError.notFound(.campaign) }
        guard campaign.status != .completed else {
            throw CampaignError.validation(field: "id", message: "A completed campaign's dates cannot change.")
        }
        if let start, let end, end < start {
            throw CampaignError.validation(field: "endDate", message: "endDate must not be before startDate.")
        }
        let rows = try session.connection.query(
            """
            UPDATE campaigns AS c SET start_date = \(start)::date, end_date = \(end)::date
            WHERE c.organization_id = \(session.organizationID) AND c.id = \(id) RETURNING \(unescaped: Self.columns)
            """)
        guard let updated = try rows.map(Campaign.init(row:)).first else { throw CampaignError.notFound(.campaign) }
        return updated
    }

    /// Sets the Meta pixel a draft optimizes for; the caller has checked it is one of the ad account's.
    public func setMetaPixel(_ id: UUID, pixelID: String, in session: TenantSession) throws -> Campaign {
        guard let campaign = try find(id, in: session, lock: true) else { throw CampaignError.notFound(.campaign) }
        guard campaign.status == .draft else {
            throw CampaignError.validation(field: "id", message: "Only a draft's pixel can change; this campaign is \(campaign.status.rawValue.uppercased()).")
        }
        let rows = try session.connection.query(
            "UPDATE campaigns AS c SET meta_pixel_id = \(pixelID) WHERE c.organization_id = \(session.organizationID) AND c.id = \(id) RETURNING \(unescaped: Self.columns)")
        guard let updated = try rows.map(Campaign.init(row:)).first else { throw CampaignError.notFound(.campaign) }
        return updated
    }

    /// Deletes a draft (with its budget, units and creatives); other statuses are refused.
    public func delete(_ id: UUID, in session: TenantSession) throws {
        guard let campaign = try find(id, in: session, lock: true) else { throw CampaignError.notFound(.campaign) }
        guard campaign.status == .draft else { throw CampaignError.notDraft(campaign.status) }
        try session.connection.query("DELETE FROM campaigns WHERE organization_id = \(session.organizationID) AND id = \(id)")
    }

    public func campaigns(ids: [UUID], in session: TenantSession) throws -> [UUID: Campaign] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.columns) FROM campaigns c WHERE c.organization_id = \(session.organizationID) AND c.id = ANY(\(uuidArray(ids))::uuid[])")
        return Dictionary(try rows.map(Campaign.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func budgets(of campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: CampaignBudget] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT campaign_id, type, amount::text AS amount, currency FROM campaign_budgets
            WHERE organization_id = \(session.organizationID) AND campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[])
            """)
        var budgets: [UUID: CampaignBudget] = [:]
        for row in rows {
            let budget = CampaignBudget(
                campaignID: try row.decode("campaign_id"), type: try row.decode("type", rawValueOf: BudgetType.self),
                amount: try Self.money(row.decode("amount")), currency: try row.decode("currency"))
            budgets[budget.campaignID] = budget
        }
        return budgets
    }

    // MARK: Units

    /// The keywords as two parallel text arrays (texts, match types), which decode without a JSON decoder.
    static let unitColumns = """
        u.id, u.campaign_id, u.audience_id, u.name, u.budget_allocation::text AS budget_allocation, u.external_id,
        ARRAY(SELECT k.value->>'text' FROM jsonb_array_elements(u.keywords) WITH ORDINALITY AS k(value, n) ORDER BY k.n) AS keyword_texts,
        ARRAY(SELECT k.value->>'match_type' FROM jsonb_array_elements(u.keywords) WITH ORDINALITY AS k(value, n) ORDER BY k.n) AS keyword_match_types
        """

    public func units(of campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: [CampaignUnit]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT \(unescaped: Self.unitColumns) FROM campaign_units u
            WHERE u.organization_id = \(session.organizationID) AND u.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[])
            ORDER BY u.created_at, u.id
            """)
        return Dictionary(grouping: try rows.map(CampaignUnit.init(row:)), by: \.campaignID)
    }

    public func units(ids: [UUID], in session: TenantSession) throws -> [UUID: CampaignUnit] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.unitColumns) FROM campaign_units u WHERE u.organization_id = \(session.organizationID) AND u.id = ANY(\(uuidArray(ids))::uuid[])")
        return Dictionary(try rows.map(CampaignUnit.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func unit(_ id: UUID, in session: TenantSession) throws -> CampaignUnit? {
        try units(ids: [id], in: session)[id]
    }

    public func createUnit(_ draft: CampaignUnitDraft, in session: TenantSession) throws -> CampaignUnit {
        guard let campaignID = draft.campaignID, try find(campaignID, in: session) != nil else {
            throw CampaignError.validation(field: "campaignId", message: "Campaign not found.")
        }
        guard let audienceID = draft.audienceID, try AudienceService().get(ids: [audienceID], in: session)[audienceID] != nil else {
            throw CampaignError.validation(field: "audienceId", message: "Audience not found.")
        }
        let name = try CampaignRules.name(draft.name)
        if let allocation = draft.budgetAllocation {
            if allocation.value < 0 {
                throw CampaignError.validation(field: "budgetAllocation", message: "budgetAllocation must not be negative.")
            }
            if !allocation.fitsColumn {
                throw CampaignError.validation(
                    field: "budgetAllocation", message: "budgetAllocation must have at most 12 digits before and 2 after the decimal point.")
            }
        }
        let keywords = try Self.validatedKeywords(draft.keywords)
        return try session.connection.query(
            """
            INSERT INTO campaign_units AS u (organization_id, campaign_id, audience_id, name, budget_allocation, keywords)
            VALUES (\(session.organizationID), \(campaignID), \(audienceID), \(name), \(draft.budgetAllocation?.text)::numeric, \(try Self.keywordsJSON(keywords))::jsonb)
            RETURNING \(unescaped: Self.unitColumns)
            """
        ).map(CampaignUnit.init(row:))[0]
    }

    /// Replaces a unit's keywords. Only while its campaign is a draft or a failed launch: a live campaign's
    /// ad group changes on Google through the live-sync path, not here.
    public func setKeywords(unitID: UUID, _ keywords: [Keyword], in session: TenantSession) throws -> CampaignUnit {
        guard let unit = try unit(unitID, in: session), let campaign = try find(unit.campaignID, in: session) else {
            throw CampaignError.notFound(.unit)
        }
        guard campaign.status == .draft || campaign.status == .error else {
            throw CampaignError.validation(field: "keywords", message: "Keywords change only on draft campaigns and failed launches.")
        }
        let keywords = try Self.validatedKeywords(keywords)
        return try session.connection.query(
            """
            UPDATE campaign_units u SET keywords = \(try Self.keywordsJSON(keywords))::jsonb
            WHERE u.organization_id = \(session.organizationID) AND u.id = \(unitID)
            RETURNING \(unescaped: Self.unitColumns)
            """
        ).map(CampaignUnit.init(row:))[0]
    }

    static func validatedKeywords(_ keywords: [Keyword]) throws(CampaignError) -> [Keyword] {
        switch KeywordRules.validated(keywords) {
        case .success(let keywords): return keywords
        case .failure(let problem):
            throw .validation(field: problem.index.map { "keywords[\($0)].text" } ?? "keywords", message: problem.message)
        }
    }

    static func keywordsJSON(_ keywords: [Keyword]) throws -> PostgresJSON {
        PostgresJSON(text: String(decoding: try JSONEncoder().encode(keywords), as: UTF8.self))
    }

    // MARK: Creatives

    static let creativeColumns =
        """
        a.id, a.campaign_unit_id, a.headline, a.description, a.media_url, a.call_to_action, a.landing_url, a.version, a.parent_id,
        a.more_headlines, a.more_descriptions
        """
    /// Current versions only: creatives that no other creative revises (`revised`, kept by triggers: migration 0026).
    public static let current = "NOT a.revised"

    public func creatives(ofUnits unitIDs: [UUID], in session: TenantSession) throws -> [UUID: [AdCreative]] {
        guard !unitIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT \(unescaped: Self.creativeColumns) FROM ad_creatives a
            WHERE a.organization_id = \(session.organizationID) AND a.campaign_unit_id = ANY(\(uuidArray(unitIDs))::uuid[]) AND \(unescaped: Self.current) ORDER BY a.created_at, a.id
            """)
        return Dictionary(grouping: try rows.map(AdCreative.init(row:)), by: \.campaignUnitID)
    }

    /// The current creatives of every unit of each campaign, by campaign.
    public func creatives(ofCampaigns campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: [AdCreative]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT u.campaign_id, \(unescaped: Self.creativeColumns) FROM ad_creatives a
            JOIN campaign_units u ON u.organization_id = a.organization_id AND u.id = a.campaign_unit_id
            WHERE a.organization_id = \(session.organizationID) AND u.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[]) AND \(unescaped: Self.current)
            ORDER BY u.created_at, u.id, a.created_at, a.id
            """)
        var result: [UUID: [AdCreative]] = [:]
        for row in rows { result[try row.decode("campaign_id", as: UUID.self), default: []].append(try AdCreative(row: row)) }
        return result
    }

    public func creatives(ids: [UUID], in session: TenantSession) throws -> [UUID: AdCreative] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.creativeColumns) FROM ad_creatives a WHERE a.organization_id = \(session.organizationID) AND a.id = ANY(\(uuidArray(ids))::uuid[])")
        return Dictionary(try rows.map(AdCreative.init(row:)).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Each creative's earlier versions, newest first (its parent, the parent's parent, …), in one statement.
    public func history(of ids: [UUID], in session: TenantSession) throws -> [UUID: [AdCreative]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            WITH RECURSIVE chain (start_id, ancestor_id, depth) AS (
                SELECT id, parent_id, 1 FROM ad_creatives
                WHERE organization_id = \(session.organizationID) AND id = ANY(\(uuidArray(ids))::uuid[]) AND parent_id IS NOT NULL
                UNION ALL
                SELECT chain.start_id, p.parent_id, chain.depth + 1 FROM chain
                JOIN ad_creatives p ON p.organization_id = \(session.organizationID) AND p.id = chain.ancestor_id
                WHERE p.parent_id IS NOT NULL AND chain.depth < 10000
            )
            SELECT chain.start_id, \(unescaped: Self.creativeColumns) FROM chain
            JOIN ad_creatives a ON a.organization_id = \(session.organizationID) AND a.id = chain.ancestor_id
            ORDER BY chain.start_id, chain.depth
            """)
        var result: [UUID: [AdCreative]] = [:]
        for row in rows { result[try row.decode("start_id", as: UUID.self), default: []].append(try AdCreative(row: row)) }
        return result
    }

    public func createCreative(unitID: UUID?, _ draft: AdCreativeDraft, in session: TenantSession) throws -> AdCreative {
        guard let unitID, try unit(unitID, in: session) != nil else {
            throw CampaignError.validation(field: "campaignUnitId", message: "Campaign unit not found.")
        }
        let content = try Self.validated(draft, base: nil)
        return try insertCreative(unitID: unitID, content, version: 1, parentID: nil, in: session)
    }

    /// A new version (n + 1) of the current version `id`, whose parent is `id`; unset fields are kept.
    public func reviseCreative(_ id: UUID, _ draft: AdCreativeDraft, in session: TenantSession) throws -> AdCreative {
        let rows = try session.connection.query(
            "SELECT \(unescaped: Self.creativeColumns) FROM ad_creatives a WHERE a.organization_id = \(session.organizationID) AND a.id = \(id) FOR UPDATE")
        guard let base = try rows.map(AdCreative.init(row:)).first else { throw CampaignError.notFound(.creative) }
        let revised = try session.connection.query(
            "SELECT count(*)::bigint AS n FROM ad_creatives WHERE organization_id = \(session.organizationID) AND parent_id = \(id)"
        )[0].decode("n", as: Int.self)
        if revised > 0 {
            throw CampaignError.validation(field: "id", message: "Only the current version of a creative can be revised.")
        }
        let content = try Self.validated(draft, base: base)
        return try insertCreative(unitID: base.campaignUnitID, content, version: base.version + 1, parentID: base.id, in: session)
    }

    func insertCreative(unitID: UUID, _ content: AdCreative, version: Int, parentID: UUID?, in session: TenantSession) throws -> AdCreative {
        try session.connection.query(
            """
            INSERT INTO ad_creatives AS a (organization_id, campaign_unit_id, headline, description, media_url, call_to_action,
                                           landing_url, version, parent_id, more_headlines, more_descriptions)
            VALUES (\(session.organizationID), \(unitID), \(content.headline), \(content.description), \(content.mediaURL),
                    \(content.callToAction.rawValue), \(content.landingURL), \(version), \(parentID),
                    \(textArray(content.moreHeadlines))::text[], \(textArray(content.moreDescriptions))::text[])
            RETURNING \(unescaped: Self.creativeColumns)
            """
        ).map(AdCreative.init(row:))[0]
    }

    /// The content a new creative gets: the draft over `base` (a revision) or the draft alone.
    static func validated(_ draft: AdCreativeDraft, base: AdCreative?) throws(CampaignError) -> AdCreative {
        let headlineList = try texts(draft.headlines, single: draft.headline, field: "headline", limit: InputLimits.headlines)
        let descriptionList = try texts(
            draft.descriptions, single: draft.description.flatMap { $0 }, field: "description", limit: InputLimits.descriptions)
        guard let headlineText = headlineList?.first ?? draft.headline ?? base?.headline else {
            throw .validation(field: "headline", message: "headline is required.")
        }
        let headline = headlineText.trimmingCharacters(in: .whitespacesAndNewlines)
        if headline.isEmpty { throw .validation(field: "headline", message: "headline must not be empty.") }
        try InputLimits.headline.check(headline, field: "headline", else: CampaignError.validation)
        let moreHeadlines = headlineList.map { Array($0.dropFirst()) } ?? base?.moreHeadlines ?? []
        let description = descriptionList.map(\.first) ?? (draft.description ?? base?.description).flatMap { $0 }
        if let description { try InputLimits.description.check(description, field: "description", else: CampaignError.validation) }
        let moreDescriptions = descriptionList.map { Array($0.dropFirst()) } ?? base?.moreDescriptions ?? []
        var mediaURL = (draft.mediaURL ?? base?.mediaURL).flatMap { $0 }
        if let media = mediaURL { mediaURL = try CampaignRules.webURL(media, field: "mediaUrl") }
        guard let callToAction = draft.callToAction ?? base?.callToAction else {
            throw .validation(field: "callToAction", message: "callToAction is required.")
        }
        guard let landing = draft.landingURL ?? base?.landingURL else {
            throw .validation(field: "landingUrl", message: "landingUrl is required.")
        }
        let landingURL = try CampaignRules.webURL(landing, field: "landingUrl")
        return AdCreative(
            id: UUID(), campaignUnitID: base?.campaignUnitID ?? UUID(), headline: headline, description: description,
            mediaURL: mediaURL, callToAction: callToAction, landingURL: landingURL, version: 1, parentID: nil,
            moreHeadlines: moreHeadlines, moreDescriptions: moreDescriptions)
    }

    /// A whole list of headlines or descriptions, trimmed, each non-empty and within `limit`; `nil` when the
    /// draft does not give one. Giving the list and its first entry alone (`headline`) at once is ambiguous.
    private static func texts(_ list: [String]?, single: String?, field: String, limit: ListLimit) throws(CampaignError) -> [String]? {
        guard let list else { return nil }
        let plural = field + "s"
        if single != nil { throw .validation(field: plural, message: "Give \(field) or \(plural), not both.") }
        let trimmed = list.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if field == "headline", trimmed.isEmpty { throw .validation(field: plural, message: "headlines needs at least one headline.") }
        if trimmed.count > limit.maximumCount {
            throw .validation(field: plural, message: "\(plural) has \(trimmed.count) entries; at most \(limit.maximumCount) are allowed.")
        }
        for (index, text) in trimmed.enumerated() {
            if text.isEmpty { throw .validation(field: "\(plural)[\(index)]", message: "\(plural)[\(index)] must not be empty.") }
            try limit.entry.check(text, field: "\(plural)[\(index)]", else: CampaignError.validation)
        }
        return trimmed
    }

    // MARK: Rows

    static func keywords(_ row: PostgresRow) throws -> [Keyword] {
        let texts: [String] = try row.decode("keyword_texts")
        let matchTypes: [String] = try row.decode("keyword_match_types")
        guard texts.count == matchTypes.count else { throw PostgresError.decoding(column: "keyword_match_types", message: "not one per keyword") }
        return try zip(texts, matchTypes).map { text, matchType in
            guard let type = KeywordMatchType(rawValue: matchType) else {
                throw PostgresError.decoding(column: "keyword_match_types", message: "unknown match type \(matchType)")
            }
            return Keyword(text: text, matchType: type)
        }
    }

    static func money(_ text: String) throws -> Money {
        guard let money = Money(text) else { throw PostgresError.decoding(column: "amount", message: "not a number") }
        return money
    }
}

extension Campaign {
    /// A row of `CampaignService.columns`.
    init(row: PostgresRow) throws {
        guard let cursor = CreationCursor(createdAt: try row.decode("cursor_time"), id: try row.decode("id")) else {
            throw PostgresError.decoding(column: "cursor_time", message: "not a cursor instant")
        }
        self.init(
            id: try row.decode("id"), adAccountID: try row.decode("ad_account_id"), name: try row.decode("name"),
            platform: try row.decode("platform", rawValueOf: Platform.self), objective: try row.decode("objective", rawValueOf: Objective.self),
            status: try row.decode("status", rawValueOf: CampaignStatus.self),
            createdAt: try row.decode("created_at"), cursor: cursor,
            startDate: try row.decode("start_date", as: String?.self), endDate: try row.decode("end_date", as: String?.self),
            metaPixelID: try row.decode("meta_pixel_id", as: String?.self),
            copiedFromID: try row.decode("copied_from_campaign_id", as: UUID?.self))
    }
}

extension CampaignUnit {
    /// A row of `CampaignService.unitColumns`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), campaignID: try row.decode("campaign_id"), audienceID: try row.decode("audience_id"),
            name: try row.decode("name"), budgetAllocation: try row.decode("budget_allocation", as: String?.self).map(CampaignService.money),
            externalID: try row.decode("external_id", as: String?.self), keywords: try CampaignService.keywords(row))
    }
}

extension AdCreative {
    /// A row of `CampaignService.creativeColumns`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), campaignUnitID: try row.decode("campaign_unit_id"), headline: try row.decode("headline"),
            description: try row.decode("description", as: String?.self), mediaURL: try row.decode("media_url", as: String?.self),
            callToAction: try row.decode("call_to_action", rawValueOf: CallToAction.self), landingURL: try row.decode("landing_url"),
            version: try row.decode("version"), parentID: try row.decode("parent_id", as: UUID?.self),
            moreHeadlines: try row.decode("more_headlines"), moreDescriptions: try row.decode("more_descriptions"))
    }
}
