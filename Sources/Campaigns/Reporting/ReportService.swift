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
        var parameters = filterParameters(query, session)
        var keyset = ""
        if let after {
            guard after.count == keys.count else { throw ReportError.invalidCursor }
            let placeholders = zip(after, keys).map { value, key -> String in
                parameters.append(value)
                return "$\(parameters.count)::\(key.type)"
            }
            keyset = "AND (\(keys.map { "m.\($0.column)" }.joined(separator: ", "))) > (\(placeholders.joined(separator: ", ")))"
        }
        parameters.append(first + 1)
        let columns = keys.map { "m.\($0.column)" }.joined(separator: ", ")
        let rows = try session.connection.query(
            """
            SELECT \(keys.map { "m.\($0.column)::text AS \($0.column)" }.joined(separator: ", ")), \(Self.sums)
            FROM ad_daily_metrics m
            WHERE \(Self.filters) \(keyset)
            GROUP BY \(columns)
            ORDER BY \(columns)
            LIMIT $\(parameters.count)
            """, parameters)
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
        try session.connection.query(
            "SELECT m.currency, \(Self.sums) FROM ad_daily_metrics m WHERE \(Self.filters) GROUP BY m.currency ORDER BY m.currency",
            filterParameters(query, session)
        ).map { CurrencyTotals(currency: try $0.decode("currency"), figures: try Self.figures($0)) }
    }

    /// Each campaign's figures from `from` to `to` (a campaign has one ad account, so one currency).
    public func campaignFigures(_ campaignIDs: [UUID], from: CalendarDate, to: CalendarDate, in session: TenantSession) throws -> [UUID: MetricFigures] {
        guard !campaignIDs.isEmpty else { return [:] }
        var result: [UUID: MetricFigures] = [:]
        for row in try session.connection.query(
            """
            SELECT m.campaign_id, \(Self.sums) FROM ad_daily_metrics m
            WHERE m.organization_id = $1 AND m.campaign_id = ANY($2::uuid[]) AND m.date BETWEEN $3::date AND $4::date
            GROUP BY m.campaign_id
            """, [session.organizationID, uuidArray(campaignIDs), from.description, to.description]) {
            result[try row.decode("campaign_id")] = try Self.figures(row)
        }
        return result
    }

    private static let sums = """
        sum(m.impressions)::text AS impressions, sum(m.clicks)::text AS clicks, sum(m.spend)::text AS spend, \
        sum(m.conversions)::text AS conversions, sum(m.conversion_value)::text AS conversion_value
        """

    private static let filters = """
        m.organization_id = $1 AND m.date BETWEEN $2::date AND $3::date
          AND ($4::text[] IS NULL OR m.platform = ANY($4::text[]))
          AND ($5::uuid[] IS NULL OR m.campaign_id = ANY($5::uuid[]))
          AND ($6::text[] IS NULL OR m.campaign_id IN (SELECT c.id FROM campaigns c WHERE c.organization_id = $1 AND c.status = ANY($6::text[])))
        """

    private func filterParameters(_ query: PerformanceReportQuery, _ session: TenantSession) -> [(any PostgresEncodable)?] {
        [session.organizationID, query.from.description, query.to.description,
         query.platforms.map { textArray($0.map(\.rawValue)) }, query.campaignIDs.map(uuidArray),
         query.statuses.map { textArray($0.map(\.rawValue)) }]
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
