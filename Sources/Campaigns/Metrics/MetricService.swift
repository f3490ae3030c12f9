import Foundation
import Postgres

public struct MetricDefinition: Sendable, Equatable {
    public var key: String
    public var label: String
    public var unit: String
}

/// One day's value of one metric of a campaign.
public struct MetricPoint: Sendable, Equatable {
    public var date: String
    public var key: String
    public var value: String
}

/// A metric summed over a range, or a rate derived from such sums.
public struct MetricTotal: Sendable, Equatable {
    public var key: String
    public var label: String
    public var unit: String
    public var value: String
}

public struct ExecutionLogEntry: Sendable, Equatable {
    public var id: UUID
    public var campaignID: UUID
    public var action: String
    public var status: String
    public var message: String?
    public var createdAt: Date
    public var cursor: CreationCursor
}

public struct ExecutionLogPage: Sendable {
    public var entries: [ExecutionLogEntry]
    public var hasNextPage: Bool

    public init(entries: [ExecutionLogEntry] = [], hasNextPage: Bool = false) {
        self.entries = entries
        self.hasNextPage = hasNextPage
    }
}

/// Metrics, execution logs and platform ids of campaigns. Every statement filters by organization_id; the
/// batch readers take all campaigns of one level and answer with one statement.
public struct MetricService: Sendable {
    public init() {}

    public func definitions(in session: TenantSession) throws -> [MetricDefinition] {
        try session.connection.query("SELECT key, label, unit FROM metric_definitions ORDER BY key COLLATE \"C\"").map { row in
            MetricDefinition(key: try row.decode("key"), label: try row.decode("label"), unit: try row.decode("unit"))
        }
    }

    public func externalIDs(of campaignIDs: [UUID], in session: TenantSession) throws -> [UUID: String] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            "SELECT campaign_id, external_campaign_id FROM campaign_platform_maps WHERE organization_id = \(session.organizationID) AND campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[])")
        var result: [UUID: String] = [:]
        for row in rows { result[try row.decode("campaign_id")] = try row.decode("external_campaign_id") }
        return result
    }

    /// Newest first; `first` entries per campaign after `after` (keyset on created_at, id), in one statement. Each
    /// campaign's entries come from the (organization_id, campaign_id, created_at DESC, id DESC) index through a
    /// LATERAL join with LIMIT, so the cost is `first` rows per campaign whatever the size of a campaign's log.
    public func executionLogs(of campaignIDs: [UUID], first: Int, after: CreationCursor?, in session: TenantSession) throws
        -> [UUID: ExecutionLogPage] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT l.id, l.campaign_id, l.action, l.status, l.message, l.created_at,
                   to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_time
            FROM unnest(\(uuidArray(Array(Set(campaignIDs))))::uuid[]) AS c(id)
            CROSS JOIN LATERAL (
                SELECT e.id, e.campaign_id, e.action, e.status, e.message, e.created_at
                FROM campaign_execution_logs e
                WHERE e.organization_id = \(session.organizationID) AND e.campaign_id = c.id
                  AND (\(after?.createdAt)::timestamptz IS NULL OR (e.created_at, e.id) < (\(after?.createdAt)::timestamptz, \(after?.id)::uuid))
                ORDER BY e.created_at DESC, e.id DESC
                LIMIT \(first + 1)
            ) l
            ORDER BY l.campaign_id, l.created_at DESC, l.id DESC
            """)
        var pages: [UUID: ExecutionLogPage] = [:]
        for row in rows {
            guard let cursor = CreationCursor(createdAt: try row.decode("cursor_time"), id: try row.decode("id")) else {
                throw PostgresError.decoding(column: "cursor_time", message: "not a cursor instant")
            }
            let entry = ExecutionLogEntry(
                id: try row.decode("id"), campaignID: try row.decode("campaign_id"), action: try row.decode("action"),
                status: try row.decode("status"), message: try row.decode("message", as: String?.self),
                createdAt: try row.decode("created_at"), cursor: cursor)
            pages[entry.campaignID, default: ExecutionLogPage(entries: [], hasNextPage: false)].entries.append(entry)
        }
        for (id, page) in pages where page.entries.count > first {
            pages[id] = ExecutionLogPage(entries: Array(page.entries.prefix(first)), hasNextPage: true)
        }
        return pages
    }

    /// Daily values between `from` and `to` (inclusive, `YYYY-MM-DD`), by date then key; optionally only `keys`.
    public func points(of campaignIDs: [UUID], from: String, to: String, keys: [String]?, in session: TenantSession) throws
        -> [UUID: [MetricPoint]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT m.campaign_id, to_char(m.date, 'YYYY-MM-DD') AS day, d.key, m.value::text AS value
            FROM campaign_metrics m JOIN metric_definitions d ON d.id = m.metric_id
            WHERE m.organization_id = \(session.organizationID) AND m.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[]) AND m.date BETWEEN \(from)::date AND \(to)::date
              AND (\(keys.map(textArray))::text[] IS NULL OR d.key = ANY(\(keys.map(textArray))::text[]))
            ORDER BY m.campaign_id, m.date, d.key COLLATE "C"
            """)
        var result: [UUID: [MetricPoint]] = [:]
        for row in rows {
            result[try row.decode("campaign_id"), default: []].append(
                MetricPoint(date: try row.decode("day"), key: try row.decode("key"), value: try row.decode("value")))
        }
        return result
    }

    /// Sums per metric over the range, by key, plus the rates `MetricFigures` derives from the sums (never
    /// stored), each with `MetricFigures.rateScale` decimals; a rate is left out when its denominator is 0 or
    /// either of its metrics has no value in the range (unknown, not 0). `reach` counts unique people, which do
    /// not add up across days: it is in the totals of a one-day range only.
    public func totals(of campaignIDs: [UUID], from: String, to: String, in session: TenantSession) throws -> [UUID: [MetricTotal]] {
        guard !campaignIDs.isEmpty else { return [:] }
        let rows = try session.connection.query(
            """
            SELECT m.campaign_id, d.key, d.label, d.unit, sum(m.value)::text AS value
            FROM campaign_metrics m JOIN metric_definitions d ON d.id = m.metric_id
            WHERE m.organization_id = \(session.organizationID) AND m.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[]) AND m.date BETWEEN \(from)::date AND \(to)::date
              AND (d.key <> 'reach' OR \(from)::date = \(to)::date)
            GROUP BY m.campaign_id, d.key, d.label, d.unit
            """)
        var sums: [UUID: [MetricTotal]] = [:]
        for row in rows {
            sums[try row.decode("campaign_id"), default: []].append(
                MetricTotal(key: try row.decode("key"), label: try row.decode("label"), unit: try row.decode("unit"),
                            value: try row.decode("value")))
        }
        return sums.mapValues { totals in
            var values: [String: Decimal] = [:]
            for total in totals { values[total.key] = Decimal(posixText: total.value) }
            let figures = MetricFigures(impressions: values["impressions"] ?? 0, clicks: values["clicks"] ?? 0, spend: values["spend"] ?? 0,
                                        conversions: values["conversions"] ?? 0, conversionValue: values["conversion_value"] ?? 0)
            let derived = figures.derivedTotals.filter { rate in
                MetricFigures.operands[rate.key, default: []].allSatisfy { values[$0] != nil }
            }.map { MetricTotal(key: $0.key, label: $0.label, unit: $0.unit, value: $0.value.fixedText(scale: MetricFigures.rateScale)) }
            return (totals + derived).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        }
    }
}
