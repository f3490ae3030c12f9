import Campaigns
import Foundation
import GraphQL
import Integrations
import Postgres

/// `Query.performanceReport`, its rows and totals, and `Campaign.pacing`.
enum ReportResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = ReportService()
        let campaigns = CampaignService()

        resolvers.query("performanceReport") { context in
            try ArgumentLimits.check(context)
            let session = try context.session
            let query = try reportQuery(context)
            let first = try context.first(in: 1...500)
            let after = try context.after({ ReportCursor.decode($0, for: query) }, refusal: "after is not a cursor of this report.")
            let page = try service.rows(query, first: first, after: after, in: session)
            return PerformanceReportResult(query: query, page: page, session: session)
        }
        resolvers.object("PerformanceReport", of: PerformanceReportResult.self) { object in
            object.field("rows") { report, _ in report.page.rows }
            object.field("pageInfo") { report, _ in
                PageInfo(hasNextPage: report.page.hasNextPage, endCursor: report.page.rows.last.map { ReportCursor.encode($0.key, query: report.query) })
            }
            object.field("totals") { report, _ in
                try service.totals(report.query, in: report.session)
            }
        }
        resolvers.object("PerformanceReportRow", of: PerformanceReportRow.self) { object in
            object.field("date") { row, _ in row.date?.description }
            object.field("platform") { row, _ in row.platform?.apiName }
            object.field("currency") { row, _ in row.currency }
            object.field("figures") { row, _ in row.figures }
            object.campaign("campaign") { $0.campaignID }
            object.batch("unit") { rows, session in
                let units = try campaigns.units(ids: Array(Set(rows.compactMap(\.unitID))), in: session)
                return rows.map { row in row.unitID.flatMap { units[$0] } }
            }
            object.batch("creative") { rows, session in
                let creatives = try campaigns.creatives(ids: Array(Set(rows.compactMap(\.creativeID))), in: session)
                return rows.map { row in row.creativeID.flatMap { creatives[$0] } }
            }
        }
        resolvers.object("CurrencyFigures", of: CurrencyTotals.self) { object in
            object.field("currency") { totals, _ in totals.currency }
            object.field("figures") { totals, _ in totals.figures }
        }

        // Field → metric key; the base figures are never null, the rates are without a denominator.
        let base = [("impressions", "impressions"), ("clicks", "clicks"), ("spend", "spend"), ("conversions", "conversions"),
                    ("conversionValue", "conversion_value")]
        let rates = [("ctr", "ctr"), ("cpc", "cpc"), ("cpm", "cpm"), ("conversionRate", "conversion_rate"),
                     ("costPerConversion", "cost_per_conversion"), ("roas", "roas")]
        resolvers.object("MetricFigures", of: MetricFigures.self) { object in
            for (field, key) in base {
                object.field(field) { figures, _ in "\(figures.value(of: key) ?? 0)" }
            }
            for (field, key) in rates {
                object.field(field) { figures, _ in figures.value(of: key)?.fixedText(scale: MetricFigures.rateScale) }
            }
        }

        resolvers.object("BudgetPacing", of: BudgetPacing.self) { object in
            object.field("budgetType") { pacing, _ in pacing.budgetType.apiName }
            object.field("currency") { pacing, _ in pacing.currency }
            object.field("periodStart") { pacing, _ in pacing.periodStart.description }
            object.field("periodEnd") { pacing, _ in pacing.periodEnd.description }
            object.field("periodBudget") { pacing, _ in pacing.periodBudget.fixedText(scale: 2) }
            object.field("spendToDate") { pacing, _ in pacing.spendToDate.fixedText(scale: 2) }
            object.field("projectedSpend") { pacing, _ in pacing.projectedSpend.fixedText(scale: 2) }
            object.field("pacing") { pacing, _ in pacing.pacing?.fixedText(scale: MetricFigures.rateScale) }
        }
        return resolvers
    }

    /// `performanceReport`'s grouping and filter (the range is read by `days`).
    private struct Arguments: Decodable {
        struct Filter: Decodable {
            var platforms: [EnumInput<Platform>]?
            var statuses: [EnumInput<CampaignStatus>]?
            var campaignIds: [IDInput]?
        }
        var groupBy: [EnumInput<ReportDimension>]
        var filter: Filter?
    }

    /// The range, grouping and filter of a report, checked.
    static func reportQuery(_ context: FieldContext) throws -> PerformanceReportQuery {
        let (from, to) = try context.days(maximumDays: ReportService.maximumDays)
        let arguments = try context.arguments(as: Arguments.self)
        var query = PerformanceReportQuery(from: from, to: to, groupBy: Set(arguments.groupBy.compactMap(\.value)))
        if let filter = arguments.filter {
            query.platforms = filter.platforms?.compactMap(\.value)
            query.statuses = filter.statuses?.compactMap(\.value)
            // An id of another organization or another type matches nothing, as a missing one would.
            let unmatchable = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
            query.campaignIDs = filter.campaignIds?.map { $0.id(of: .campaign) ?? unmatchable }
        }
        return query
    }
}

/// A report page with what its `totals` and cursor need.
struct PerformanceReportResult: GraphQLObject {
    var query: PerformanceReportQuery
    var page: PerformanceReportPage
    var session: TenantSession
}

/// A report row's keyset as an opaque cursor, tied to the report's grouping so a cursor of another grouping is
/// refused rather than misread.
enum ReportCursor {
    static func encode(_ key: [String], query: PerformanceReportQuery) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [grouping(query)] + key)) ?? Data()
        return data.base64EncodedString()
    }

    static func decode(_ text: String, for query: PerformanceReportQuery) -> [String]? {
        guard text.utf8.count <= 4_096, let data = Data(base64Encoded: text),
              let values = try? JSONSerialization.jsonObject(with: data) as? [String], values.first == grouping(query) else { return nil }
        return Array(values.dropFirst())
    }

    /// The report's dimensions in key order (`day,campaign`).
    private static func grouping(_ query: PerformanceReportQuery) -> String {
        ReportDimension.allCases.filter(query.groupBy.contains).map(\.rawValue).joined(separator: ",")
    }
}

extension PerformanceReportRow: GraphQLObject { public var graphQLTypeName: String? { "PerformanceReportRow" } }
extension CurrencyTotals: GraphQLObject { public var graphQLTypeName: String? { "CurrencyFigures" } }
extension MetricFigures: GraphQLObject { public var graphQLTypeName: String? { "MetricFigures" } }
extension BudgetPacing: GraphQLObject { public var graphQLTypeName: String? { "BudgetPacing" } }

extension ReportDimension: APIEnum {}
