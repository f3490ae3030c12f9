import Foundation
import Integrations
import Postgres

/// What a report's rows are grouped by; every report is also grouped by currency, so no row or total adds two
/// currencies.
public enum ReportDimension: String, Sendable, CaseIterable {
    case day, platform, campaign, unit, creative
}

/// A report's range and rows: `from`…`to` (inclusive) grouped by `groupBy`, optionally of some platforms,
/// campaign statuses or campaigns only.
public struct PerformanceReportQuery: Sendable, Equatable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var groupBy: Set<ReportDimension>
    public var platforms: [Platform]?
    public var statuses: [CampaignStatus]?
    public var campaignIDs: [UUID]?

    public init(from: CalendarDate, to: CalendarDate, groupBy: Set<ReportDimension>, platforms: [Platform]? = nil,
                statuses: [CampaignStatus]? = nil, campaignIDs: [UUID]? = nil) {
        self.from = from
        self.to = to
        self.groupBy = groupBy
        self.platforms = platforms
        self.statuses = statuses
        self.campaignIDs = campaignIDs
    }

    /// The grouping columns in the order rows are sorted and paged by: day, platform, campaign, unit, creative,
    /// then currency.
    var keyColumns: [(dimension: ReportDimension?, column: String, type: String)] {
        let columns: [(ReportDimension, String, String)] = [
            (.day, "date", "date"), (.platform, "platform", "text"), (.campaign, "campaign_id", "uuid"),
            (.unit, "campaign_unit_id", "uuid"), (.creative, "ad_creative_id", "uuid"),
        ]
        return columns.filter { groupBy.contains($0.0) }.map { (dimension: Optional($0.0), column: $0.1, type: $0.2) }
            + [(dimension: nil, column: "currency", type: "text")]
    }
}

/// One row of a report: the values of its grouping (nil for dimensions it is not grouped by) and its figures.
public struct PerformanceReportRow: Sendable, Equatable {
    public var date: CalendarDate?
    public var platform: Platform?
    public var campaignID: UUID?
    public var unitID: UUID?
    public var creativeID: UUID?
    public var currency: String
    public var figures: MetricFigures
    /// The row's grouping values as text, in `keyColumns` order: the keyset of the next page.
    public var key: [String]
}

public struct PerformanceReportPage: Sendable {
    public var rows: [PerformanceReportRow]
    public var hasNextPage: Bool
}

/// A report's figures over all its rows, for one currency.
public struct CurrencyTotals: Sendable, Equatable {
    public var currency: String
    public var figures: MetricFigures
}
