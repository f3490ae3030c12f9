import Foundation
import Integrations
import Postgres

/// Reads daily metrics from the platforms and upserts them into `campaign_metrics`, and each ad's into
/// `ad_daily_metrics` (what reports and automated rules read): for every live campaign a
/// rolling window of days, for campaigns paused lately their last days. Campaigns go in batches by id, and
/// each account's campaigns of a batch are read with one bulk call. Re-running is idempotent, and a late
/// correction on the platform overwrites the stored value. One campaign's failure is written to its execution
/// log and the others carry on.
public struct MetricsSync: Sendable {
    public struct Settings: Sendable {
        /// Days read for a live campaign, today included.
        public var windowDays: Int
        /// Days read for a paused campaign, and how long after its pause it is still read.
        public var pausedDays: Int
        /// Campaigns per batch (one transaction of writes; one platform call per account).
        public var batchSize: Int

        public init(windowDays: Int = 7, pausedDays: Int = 3, batchSize: Int = 500) {
            self.windowDays = max(1, windowDays)
            self.pausedDays = max(1, pausedDays)
            self.batchSize = max(1, batchSize)
        }
    }

    /// A usable access token for an integration of an organization (refreshed when it is about to expire, or
    /// always with `forceRefresh`, after the platform said the token expired).
    public typealias AccessTokens = @Sendable (_ organizationID: UUID, _ integrationID: UUID, _ forceRefresh: Bool) throws -> String

    let pool: PostgresPool
    let adapters: @Sendable (Platform) -> any PlatformAdapter
    let accessToken: AccessTokens
    let settings: Settings
    let unknownMetrics: UnknownMetricLog
    let log: @Sendable (String) -> Void
    let today: @Sendable () -> CalendarDate

    public init(pool: PostgresPool, adapters: PlatformAdapters, accessToken: @escaping AccessTokens, settings: Settings = Settings(),
                unknownMetrics: UnknownMetricLog = .shared, log: @escaping @Sendable (String) -> Void = { _ in },
                today: @escaping @Sendable () -> CalendarDate = { .today }) {
        self.pool = pool
        self.adapters = { adapters.adapter(for: $0) }
        self.accessToken = accessToken
        self.settings = settings
        self.unknownMetrics = unknownMetrics
        self.log = log
        self.today = today
    }

    /// Every organization's live campaigns, and those paused within the last `pausedDays`. The list of
    /// organizations is the worker's one read across them; each organization's campaigns are read and written in
    /// its own scope (`withOrganizationScope`).
    public func syncAll() throws -> MetricsSyncReport {
        var report = MetricsSyncReport()
        let organizations: [UUID] = try pool.withConnection { connection in
            try connection.query("SELECT id FROM organizations ORDER BY id").map { try $0.decode("id") }
        }
        let pausedSince = Date(timeIntervalSinceNow: -Double(settings.pausedDays) * 86_400)
        for organizationID in organizations {
            var after: UUID?
            while true {
                let targets = try pool.withOrganizationScope(organizationID) { connection in
                    try MetricsSyncTarget.load(organizationID: organizationID, statuses: [.live], pausedSince: pausedSince, only: nil,
                                               after: after, limit: settings.batchSize, on: connection)
                }
                guard let last = targets.last else { break }
                report.add(syncBatch(targets))
                after = last.campaignID
            }
        }
        return report
    }

    /// One campaign, whatever its status, as long as it exists on its platform.
    public func sync(campaignID: UUID, organizationID: UUID) throws -> MetricsSyncReport {
        let targets = try pool.withOrganizationScope(organizationID) { connection in
            try MetricsSyncTarget.load(organizationID: organizationID, statuses: nil, pausedSince: nil, only: campaignID,
                                       after: nil, limit: 1, on: connection)
        }
        return try sync(targets)
    }

    /// One batch of a sync of many: a batch whose writes fail (a deadlock, a lost connection, a refused value)
    /// counts its campaigns as failed, on their execution logs, and the next batches and organizations go on.
    func syncBatch(_ targets: [MetricsSyncTarget]) -> MetricsSyncReport {
        do {
            return try sync(targets)
        } catch {
            log("metrics sync: a batch of \(targets.count) campaign(s) could not be stored: \(Self.describe(error))")
            var report = MetricsSyncReport()
            report.campaigns = targets.count
            report.failed = targets.count
            let message = "the metrics read from the platform could not be stored; the next sync tries again"
            for target in targets { report.failures[target.campaignID] = message }
            guard let organizationID = targets.first?.organizationID else { return report }
            do {
                try pool.withOrganizationScope(organizationID) { connection in
                    try connection.query(
                        """
                        INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message)
                        SELECT organization_id, id, 'sync_metrics', 'error', \("Metrics sync failed: \(message)") FROM campaigns
                        WHERE organization_id = \(organizationID) AND id = ANY(\(uuidArray(targets.map(\.campaignID)))::uuid[])
                        """)
                }
            } catch {
                log("metrics sync: the batch's failure could not be written to its execution logs: \(Self.describe(error))")
            }
            return report
        }
    }

    /// Reads one batch from the platforms and writes it in one transaction.
    func sync(_ targets: [MetricsSyncTarget]) throws -> MetricsSyncReport {
        let today = today()
        var values: [MetricKey: Decimal] = [:]
        var adValues: [AdDayKey: [String: Decimal]] = [:]
        var failures: [UUID: String] = [:]
        var succeeded: [UUID] = []
        // One bulk read per account and window.
        let groups = Dictionary(grouping: targets) { AccountWindow(target: $0) }
        for (group, campaigns) in groups.sorted(by: { $0.key.sortKey < $1.key.sortKey }) {
            let days = group.paused ? settings.pausedDays : settings.windowDays
            let from = today.adding(days: -(days - 1))
            let outcome = read(campaigns, from: from, to: today)
            for (campaignID, result) in outcome {
                switch result {
                case .success(let metrics):
                    succeeded.append(campaignID)
                    for metric in metrics {
                        if let adID = metric.externalAdID {
                            adValues[AdDayKey(campaignID: campaignID, externalAdID: adID, date: metric.date), default: [:]][metric.key] = metric.value
                        } else {
                            values[MetricKey(campaignID: campaignID, key: metric.key, date: metric.date)] = metric.value
                        }
                    }
                case .failure(let error):
                    failures[campaignID] = Self.describe(error)
                }
            }
        }
        let organizationID = targets.first?.organizationID
        let reviews = readReviews(groups)
        var report = MetricsSyncReport()
        report.campaigns = targets.count
        report.synced = succeeded.count
        report.failed = failures.count
        report.failures = failures
        guard let organizationID else { return report }
        report.valuesWritten = try pool.withOrganizationScope(organizationID) { connection in
            let known = Set(try connection.query("SELECT key FROM metric_definitions").map { try $0.decode("key", as: String.self) })
            let unknownKeys = Set(values.keys.map(\.key)).subtracting(known)
            for key in unknownMetrics.firstSightings(unknownKeys) {
                log("metrics sync: the adapters report \(key), which has no metric definition; not stored")
            }
            let rows = values.filter { known.contains($0.key.key) }
            let written = try write(rows, organizationID: organizationID, on: connection)
                + writeAds(adValues, organizationID: organizationID, on: connection)
            try AdReviewService.store(reviews.reviews, platform: reviews.platforms, organizationID: organizationID, on: connection)
            try connection.query(
                "UPDATE campaigns SET last_metrics_sync_at = now() WHERE organization_id = \(organizationID) AND id = ANY(\(uuidArray(succeeded))::uuid[])")
            for (campaignID, message) in failures.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                try connection.query(
                    """
                    INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message)
                    SELECT organization_id, id, 'sync_metrics', 'error', \("Metrics sync failed: \(message)") FROM campaigns WHERE organization_id = \(organizationID) AND id = \(campaignID)
                    """)
            }
            return written
        }
        return report
    }

    /// The campaigns' metrics from their platform: one bulk call, and campaign by campaign when it fails, so
    /// that one failing campaign does not fail the others.
    private func read(_ campaigns: [MetricsSyncTarget], from: CalendarDate, to: CalendarDate) -> [UUID: Result<[NormalizedMetric], any Error>] {
        guard let first = campaigns.first else { return [:] }
        let adapter = adapters(first.platform)
        var account: PlatformAccount
        do {
            account = PlatformAccount(externalAccountID: first.externalAccountID, currency: first.currency,
                                      accessToken: try accessToken(first.organizationID, first.integrationID, false),
                                      loginCustomerID: first.loginCustomerID)
        } catch {
            return Dictionary(uniqueKeysWithValues: campaigns.map { ($0.campaignID, .failure(error)) })
        }
        func fetch(_ group: [MetricsSyncTarget]) throws -> [UUID: [NormalizedMetric]] {
            let ids = group.map(\.externalCampaignID)
            // The campaigns' figures, then their ads'.
            func fetchBoth() throws -> NormalizedMetrics {
                var read = try adapter.fetchNormalizedMetrics(externalCampaignIDs: ids, from: from, to: to, in: account)
                read.metrics += try adapter.fetchAdMetrics(externalCampaignIDs: ids, from: from, to: to, in: account).metrics
                return read
            }
            let read: NormalizedMetrics
            do {
                read = try fetchBoth()
            } catch PlatformError.tokenExpired {
                // Revoked or expired early: one refresh, one more try.
                account.accessToken = try accessToken(first.organizationID, first.integrationID, true)
                read = try fetchBoth()
            }
            for name in unknownMetrics.firstSightings(read.unknownPlatformMetrics) {
                log("metrics sync: \(first.platform.rawValue) reports \(name), which maps to no metric definition; not stored")
            }
            let byExternalID = Dictionary(grouping: read.metrics, by: \.externalCampaignID)
            return Dictionary(uniqueKeysWithValues: group.map { ($0.campaignID, byExternalID[$0.externalCampaignID] ?? []) })
        }
        do {
            return try fetch(campaigns).mapValues { .success($0) }
        } catch {
            guard campaigns.count > 1 else { return [first.campaignID: .failure(error)] }
            var results: [UUID: Result<[NormalizedMetric], any Error>] = [:]
            for campaign in campaigns {
                do {
                    results[campaign.campaignID] = .success(try fetch([campaign])[campaign.campaignID] ?? [])
                } catch {
                    results[campaign.campaignID] = .failure(error)
                }
            }
            return results
        }
    }

    /// The review of every ad of the batch's campaigns, one bulk read per account, by creative. Best effort: an
    /// account whose read fails keeps its last stored reviews and is reported in the worker's log only.
    private func readReviews(_ groups: [AccountWindow: [MetricsSyncTarget]]) -> (reviews: [UUID: AdReview], platforms: [UUID: Platform]) {
        var reviews: [UUID: AdReview] = [:], platforms: [UUID: Platform] = [:]
        guard let organizationID = groups.values.first?.first?.organizationID else { return ([:], [:]) }
        let ads: [UUID: [(creativeID: UUID, externalAdID: String)]]
        do {
            ads = try pool.withOrganizationScope(organizationID) { connection in
                try AdReviewService.ads(ofCampaigns: groups.values.flatMap { $0.map(\.campaignID) }, organizationID: organizationID, on: connection)
            }
        } catch {
            log("metrics sync: the ads to review could not be read: \(Self.describe(error))")
            return ([:], [:])
        }
        for (_, campaigns) in groups.sorted(by: { $0.key.sortKey < $1.key.sortKey }) {
            guard let first = campaigns.first else { continue }
            let groupAds = campaigns.flatMap { ads[$0.campaignID] ?? [] }
            guard !groupAds.isEmpty else { continue }
            let creatives = Dictionary(groupAds.map { ($0.externalAdID, $0.creativeID) }, uniquingKeysWith: { first, _ in first })
            do {
                var account = PlatformAccount(externalAccountID: first.externalAccountID, currency: first.currency,
                                              accessToken: try accessToken(first.organizationID, first.integrationID, false),
                                              loginCustomerID: first.loginCustomerID)
                let adapter = adapters(first.platform)
                let read: [AdReview]
                do {
                    read = try adapter.fetchAdReviews(externalAdIDs: groupAds.map(\.externalAdID), in: account)
                } catch PlatformError.tokenExpired {
                    account.accessToken = try accessToken(first.organizationID, first.integrationID, true)
                    read = try adapter.fetchAdReviews(externalAdIDs: groupAds.map(\.externalAdID), in: account)
                }
                for review in read {
                    guard let creativeID = creatives[review.externalAdID] else { continue }
                    reviews[creativeID] = review
                    platforms[creativeID] = first.platform
                }
            } catch {
                log("metrics sync: the ad reviews of \(first.platform.rawValue) account \(first.externalAccountID) could not be read: \(Self.describe(error))")
            }
        }
        return (reviews, platforms)
    }

    /// Upserts by campaign, metric and day; rows whose value did not change are left alone. Returns rows written.
    private func write(_ values: [MetricKey: Decimal], organizationID: UUID, on connection: PostgresConnection) throws -> Int {
        guard !values.isEmpty else { return 0 }
        let rows = values.sorted { ($0.key.campaignID.uuidString, $0.key.date, $0.key.key) < ($1.key.campaignID.uuidString, $1.key.date, $1.key.key) }
        var written = 0
        for chunk in stride(from: 0, to: rows.count, by: 10_000).map({ rows[$0..<min($0 + 10_000, rows.count)] }) {
            written += try connection.query(
                """
                INSERT INTO campaign_metrics (organization_id, campaign_id, metric_id, date, value)
                SELECT c.organization_id, c.id, d.id, v.date, v.value
                FROM unnest(\(uuidArray(chunk.map(\.key.campaignID)))::uuid[], \(textArray(chunk.map(\.key.key)))::text[],
                            \(dateArray(chunk.map(\.key.date)))::date[], \(decimalArray(chunk.map(\.value)))::numeric[])
                     AS v(campaign_id, key, date, value)
                JOIN metric_definitions d ON d.key = v.key
                JOIN campaigns c ON c.organization_id = \(organizationID) AND c.id = v.campaign_id
                ON CONFLICT (campaign_id, metric_id, date) DO UPDATE SET value = EXCLUDED.value
                WHERE campaign_metrics.value IS DISTINCT FROM EXCLUDED.value
                """).affectedRows
        }
        return written
    }

    /// Upserts each ad's day by creative (found by its platform id among its campaign's creatives), with the
    /// campaign's platform and its account's currency; figures a day does not report are 0. Returns rows written.
    private func writeAds(_ values: [AdDayKey: [String: Decimal]], organizationID: UUID, on connection: PostgresConnection) throws -> Int {
        guard !values.isEmpty else { return 0 }
        let rows = values.sorted { ($0.key.campaignID.uuidString, $0.key.externalAdID, $0.key.date) < ($1.key.campaignID.uuidString, $1.key.externalAdID, $1.key.date) }
        func numbers(_ chunk: ArraySlice<(key: AdDayKey, value: [String: Decimal])>, _ key: String) -> String {
            decimalArray(chunk.map { $0.value[key] ?? 0 })
        }
        var written = 0
        for chunk in stride(from: 0, to: rows.count, by: 5_000).map({ rows[$0..<min($0 + 5_000, rows.count)] }) {
            written += try connection.query(
                """
                INSERT INTO ad_daily_metrics (organization_id, ad_creative_id, campaign_unit_id, campaign_id, platform, currency, date,
                                              impressions, clicks, spend, conversions, conversion_value)
                SELECT c.organization_id, a.id, u.id, c.id, c.platform, acc.currency, v.date,
                       v.impressions::bigint, v.clicks::bigint, v.spend, v.conversions, v.conversion_value
                FROM unnest(\(uuidArray(chunk.map(\.key.campaignID)))::uuid[], \(textArray(chunk.map(\.key.externalAdID)))::text[],
                            \(dateArray(chunk.map(\.key.date)))::date[], \(numbers(chunk, "impressions"))::numeric[],
                            \(numbers(chunk, "clicks"))::numeric[], \(numbers(chunk, "spend"))::numeric[],
                            \(numbers(chunk, "conversions"))::numeric[], \(numbers(chunk, "conversion_value"))::numeric[])
                     AS v(campaign_id, external_ad_id, date, impressions, clicks, spend, conversions, conversion_value)
                JOIN campaigns c ON c.organization_id = \(organizationID) AND c.id = v.campaign_id
                JOIN ad_accounts acc ON acc.organization_id = \(organizationID) AND acc.id = c.ad_account_id
                JOIN campaign_units u ON u.organization_id = \(organizationID) AND u.campaign_id = c.id
                JOIN ad_creatives a ON a.organization_id = \(organizationID) AND a.campaign_unit_id = u.id AND a.external_id = v.external_ad_id
                ON CONFLICT (ad_creative_id, date) DO UPDATE SET
                    impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks, spend = EXCLUDED.spend,
                    conversions = EXCLUDED.conversions, conversion_value = EXCLUDED.conversion_value
                WHERE (ad_daily_metrics.impressions, ad_daily_metrics.clicks, ad_daily_metrics.spend, ad_daily_metrics.conversions, ad_daily_metrics.conversion_value)
                      IS DISTINCT FROM (EXCLUDED.impressions, EXCLUDED.clicks, EXCLUDED.spend, EXCLUDED.conversions, EXCLUDED.conversion_value)
                """).affectedRows
        }
        return written
    }

    static func describe(_ error: any Error) -> String {
        String(String(describing: error).prefix(1000))
    }
}

/// The campaigns read with one platform call: same account (so the same token), same window.
private struct AccountWindow: Hashable {
    var platform: Platform
    var integrationID: UUID
    var externalAccountID: String
    var paused: Bool

    init(target: MetricsSyncTarget) {
        platform = target.platform
        integrationID = target.integrationID
        externalAccountID = target.externalAccountID
        paused = target.status == .paused
    }

    var sortKey: String { "\(platform.rawValue)|\(integrationID)|\(externalAccountID)|\(paused)" }
}

private struct AdDayKey: Hashable {
    var campaignID: UUID
    var externalAdID: String
    var date: CalendarDate
}

private struct MetricKey: Hashable {
    var campaignID: UUID
    var key: String
    var date: CalendarDate
}
