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
        var (filters, parameters) = Self.filters(query, session)
        if let after {
            guard after.count == keys.count else { throw ReportError.invalidCursor }
            let placeholders = zip(after, keys).map { value, key -> String in
                parameters.append(value)
                return "$\(parameters.count)::\(key.type)"
            }
            filters += " AND (\(keys.map { "m.\($0.column)" }.joined(separator: ", "))) > (\(placeholders.joined(separator: ", ")))"
        }
        parameters.append(first + 1)
        let columns = keys.map { "m.\($0.column)" }.joined(separator: ", ")
        let rows = try session.connection.query(
            """
            SELECT \(keys.map { "m.\($0.column)::text AS \($0.column)" }.joined(separator: ", ")), \(Self.sums)
            FROM ad_daily_metrics m WHERE \(filters)
            GROUP BY \(columns) ORDER BY \(columns) LIMIT $\(parameters.count)
            """, parameters, plannedForValues: true)
        var result: [PerformanceReportRow] = []
        for row in rows.prefix(first) {
            let key = try keys.map { try row.decode($0.column, as: String.self) }
            let values = Dictionary(uniqueKeysWithValues: zip(keys.map(\.column), key))
            result.append(PerformanceReportRow(
                date: values["date"].flatMap(CalendarDate.init(iso:)), platform: values["platform"].flatMap(Platform.init(rawValue:)),
                campaignID: values["campaign_id"].flatMap(UUID.init(uuidString:)), unitID: values["campaign_unit_id"].flatMap(UUID.init(uuidString:)),
                creativeID: values["ad_creative_id"].flatMap(UUID.init(uuidString:)), currency: values["currency"] ?? "",
                figures: try Self.figures(row), key: key))
        }
        return PerformanceReportPage(rows: result, hasNextPage: rows.count > first)
    }

    /// The report's figures over the whole range and filter, one entry per currency.
    public func totals(_ query: PerformanceReportQuery, in session: TenantSession) throws -> [CurrencyTotals] {
        let (filters, parameters) = Self.filters(query, session)
        return try session.connection.query(
            "SELECT m.currency, \(Self.sums) FROM ad_daily_metrics m WHERE \(filters) GROUP BY m.currency ORDER BY m.currency",
            parameters, plannedForValues: true
        ).map { CurrencyTotals(currency: try $0.decode("currency"), figures: try Self.figures($0)) }
    }

    /// Each campaign's figures from `from` to `to` (a campaign has one ad account, so one currency).
    public func campaignFigures(_ campaignIDs: [UUID], from: CalendarDate, to: CalendarDate, in session: TenantSession) throws -> [UUID: MetricFigures] {
        guard !campaignIDs.isEmpty else { return [:] }
        var query = PerformanceReportQuery(from: from, to: to, groupBy: [.campaign])
        query.campaignIDs = campaignIDs
        let (filters, parameters) = Self.filters(query, session)
        var result: [UUID: MetricFigures] = [:]
        for row in try session.connection.query(
            "SELECT m.campaign_id, \(Self.sums) FROM ad_daily_metrics m WHERE \(filters) GROUP BY m.campaign_id", parameters, plannedForValues: true) {
            result[try row.decode("campaign_id")] = try Self.figures(row)
        }
        return result
    }

    private static let sums = """
        sum(m.impressions)::text AS impressions, sum(m.clicks)::text AS clicks, sum(m.spend)::text AS spend, \
        sum(m.conversions)::text AS conversions, sum(m.conversion_value)::text AS conversion_value
        """

    /// The organization, the range, and only the filters the query sets (a filter left out is no condition at
    /// all, rather than an `IS NULL OR` the plan must carry), with their parameters.
    private static func filters(_ query: PerformanceReportQuery, _ session: TenantSession) -> (String, [(any PostgresEncodable)?]) {
        var parameters: [(any PostgresEncodable)?] = [session.organizationID, query.from.description, query.to.description]
        var sql = "m.organization_id = $1 AND m.date BETWEEN $2::date AND $3::date"
        if let platforms = query.platforms {
            parameters.append(textArray(platforms.map(\.rawValue)))
            sql += " AND m.platform = ANY($\(parameters.count)::text[])"
        }
        if let campaignIDs = query.campaignIDs {
            parameters.append(uuidArray(campaignIDs))
            sql += " AND m.campaign_id = ANY($\(parameters.count)::uuid[])"
        }
        if let statuses = query.statuses {
            parameters.append(textArray(statuses.map(\.rawValue)))
            sql += " AND m.campaign_id IN (SELECT c.id FROM campaigns c WHERE c.organization_id = $1 AND c.status = ANY($\(parameters.count)::text[]))"
        }
        return (sql, parameters)
    }

    static func figures(_ row: PostgresRow) throws -> MetricFigures {
        func number(_ column: String) throws -> Decimal {
            try row.decode(column, as: String?.self).flatMap(Decimal.init(posixText:)) ?? 0
        }
        return MetricFigures(impressions: try number("impressions"), clicks: try number("clicks"), spend: try number("spend"),
                             conversions: try number("conversions"), conversionValue: try number("conversion_value"))
    }
}

public enum ReportError: Error, Sendable, Equatable {
    case invalidCursor
}
