import Foundation
import Integrations
import Postgres

/// Organization-level reports over `ad_daily_metrics`: sums computed by PostgreSQL over the
/// (organization_id, date) index, grouped and keyset-paged in SQL, so a page costs one aggregate whatever the
/// number of campaigns; the rates come from `MetricFigures`.
public struct ReportService: Sendable {
    public init() {}

    /// The longest range a report covers, in days.
    public static let maximumDays = 731

    /// `first` rows after the keyset `after` (a previous row's `key`).
    public func rows(_ query: PerformanceReportQuery, first: Int, after: [String]?, in session: TenantSession) throws -> PerformanceReportPage {
        let keys = query.keyColumns
        var filters = Self.filters(query, session)
        if let after {
            guard after.count == keys.count else { throw ReportError.invalidCursor }
            let values = zip(after, keys).map { value, key -> PostgresQuery in "\(value)::\(unescaped: key.type)" }
            filters += " AND (\(unescaped: keys.map { "m.\($0.column)" }.joined(separator: ", "))) > (\(PostgresQuery.joined(values, separator: ", ")))"
        }
        let columns = keys.map { "m.\($0.column)" }.joined(separator: ", ")
        let rows = try session.connection.query(
            """
            SELECT \(unescaped: keys.map { "m.\($0.column)::text AS \($0.column)" }.joined(separator: ", ")), \(unescaped: Self.sums)
            FROM ad_daily_metrics m WHERE \(filters)
            GROUP BY \(unescaped: columns) ORDER BY \(unescaped: columns) LIMIT \(first + 1)
            """, plannedForValues: true)
        var result: [PerformanceReportRow] = []
        for row in rows.prefix(first) {
            let key = try keys.map { try row.decode($0.column, as: String.self) }
            let values = Dictionary(uniqueKeysWithValues: zip(keys.map(\.column), key))
            result.append(PerformanceReportRow(
                date: values["date"].flatMap(CalendarDate.init(iso:)), platform: values["platform"].flatMap(Platform.init(rawValue:)),
                campaignID: values["campaign_id"].flatMap(UUID.init(uuidString:)), unitID: values["campaign_unit_id"].flatMap(UUID.init(uuidString:)),
                creativeID: values["ad_creative_id"].flatMap(UUID.init(uuidString:)), currency: values["currency"] ?? "",
                figures: try MetricFigures(row: row), key: key))
        }
        return PerformanceReportPage(rows: result, hasNextPage: rows.count > first)
    }

    /// The report's figures over the whole range and filter, one entry per currency.
    public func totals(_ query: PerformanceReportQuery, in session: TenantSession) throws -> [CurrencyTotals] {
        try session.connection.query(
            "SELECT m.currency, \(unescaped: Self.sums) FROM ad_daily_metrics m WHERE \(Self.filters(query, session)) GROUP BY m.currency ORDER BY m.currency",
            plannedForValues: true
        ).map { CurrencyTotals(currency: try $0.decode("currency"), figures: try MetricFigures(row: $0)) }
    }

    /// Each campaign's figures from `from` to `to` (a campaign has one ad account, so one currency).
    public func campaignFigures(_ campaignIDs: [UUID], from: CalendarDate, to: CalendarDate, in session: TenantSession) throws -> [UUID: MetricFigures] {
        guard !campaignIDs.isEmpty else { return [:] }
        var query = PerformanceReportQuery(from: from, to: to, groupBy: [.campaign])
        query.campaignIDs = campaignIDs
        var result: [UUID: MetricFigures] = [:]
        for row in try session.connection.query(
            "SELECT m.campaign_id, \(unescaped: Self.sums) FROM ad_daily_metrics m WHERE \(Self.filters(query, session)) GROUP BY m.campaign_id",
            plannedForValues: true) {
            result[try row.decode("campaign_id")] = try MetricFigures(row: row)
        }
        return result
    }

    private static let sums = """
        sum(m.impressions)::text AS impressions, sum(m.clicks)::text AS clicks, sum(m.spend)::text AS spend, \
        sum(m.conversions)::text AS conversions, sum(m.conversion_value)::text AS conversion_value
        """

    /// The organization, the range, and only the filters the query sets (a filter left out is no condition at
    /// all, rather than an `IS NULL OR` the plan must carry).
    private static func filters(_ query: PerformanceReportQuery, _ session: TenantSession) -> PostgresQuery {
        var sql: PostgresQuery = "m.organization_id = \(session.organizationID) AND m.date BETWEEN \(query.from.description)::date AND \(query.to.description)::date"
        if let platforms = query.platforms { sql += " AND m.platform = ANY(\(textArray(platforms.map(\.rawValue)))::text[])" }
        if let campaignIDs = query.campaignIDs { sql += " AND m.campaign_id = ANY(\(uuidArray(campaignIDs))::uuid[])" }
        if let statuses = query.statuses {
            sql += """
                 AND m.campaign_id IN (SELECT c.id FROM campaigns c \
                WHERE c.organization_id = \(session.organizationID) AND c.status = ANY(\(textArray(statuses.map(\.rawValue)))::text[]))
                """
        }
        return sql
    }
}

public enum ReportError: Error, Sendable, Equatable {
    case invalidCursor
}

extension MetricFigures {
    /// The summed figures of a report row (`ReportService.sums`).
    init(row: PostgresRow) throws {
        func number(_ column: String) throws -> Decimal {
            try row.decode(column, as: String?.self).flatMap(Decimal.init(posixText:)) ?? 0
        }
        self.init(impressions: try number("impressions"), clicks: try number("clicks"), spend: try number("spend"),
                             conversions: try number("conversions"), conversionValue: try number("conversion_value"))
    }
}
