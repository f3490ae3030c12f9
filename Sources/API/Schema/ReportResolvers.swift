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

        resolvers.field("Query", "performanceReport") { context in
            try ArgumentLimits.check(context)
            let session = try context.context(as: RequestContext.self).session
            let query = try reportQuery(context)
            guard case .int(let first)? = context.argument("first"), (1...500).contains(first) else {
                throw UserError.badInput("first must be between 1 and 500.", field: "first")
            }
            var after: [String]?
            if case .string(let text)? = context.argument("after") {
                guard let key = ReportCursor.decode(text, for: query) else {
                    throw UserError.badInput("after is not a cursor of this report.", field: "after")
                }
                after = key
            }
            let page = try service.rows(query, first: first, after: after, in: session)
            return PerformanceReportResult(query: query, page: page, session: session)
        }
        resolvers.field("PerformanceReport", "rows", on: PerformanceReportResult.self) { report, _ in report.page.rows }
        resolvers.field("PerformanceReport", "pageInfo", on: PerformanceReportResult.self) { report, _ in
            PageInfo(hasNextPage: report.page.hasNextPage, endCursor: report.page.rows.last.map { ReportCursor.encode($0.key, query: report.query) })
        }
        resolvers.field("PerformanceReport", "totals", on: PerformanceReportResult.self) { report, _ in
            try service.totals(report.query, in: report.session)
        }
        resolvers.field("PerformanceReportRow", "date", on: PerformanceReportRow.self) { row, _ in row.date?.description }
        resolvers.field("PerformanceReportRow", "platform", on: PerformanceReportRow.self) { row, _ in row.platform?.apiName }
        resolvers.field("PerformanceReportRow", "currency", on: PerformanceReportRow.self) { row, _ in row.currency }
        resolvers.field("PerformanceReportRow", "figures", on: PerformanceReportRow.self) { row, _ in row.figures }
        resolvers.campaign("PerformanceReportRow", "campaign", on: PerformanceReportRow.self) { $0.campaignID }
        resolvers.batch("PerformanceReportRow", "unit", on: PerformanceReportRow.self) { rows, session in
            let units = try CampaignService().units(ids: Array(Set(rows.compactMap(\.unitID))), in: session)
            return rows.map { row in row.unitID.flatMap { units[$0] } }
        }
        resolvers.batch("PerformanceReportRow", "creative", on: PerformanceReportRow.self) { rows, session in
            let creatives = try CampaignService().creatives(ids: Array(Set(rows.compactMap(\.creativeID))), in: session)
            return rows.map { row in row.creativeID.flatMap { creatives[$0] } }
        }
        resolvers.field("CurrencyFigures", "currency", on: CurrencyTotals.self) { totals, _ in totals.currency }
        resolvers.field("CurrencyFigures", "figures", on: CurrencyTotals.self) { totals, _ in totals.figures }

        // Field → metric key; the base figures are never null, the rates are without a denominator.
        let base = [("impressions", "impressions"), ("clicks", "clicks"), ("spend", "spend"), ("conversions", "conversions"),
                    ("conversionValue", "conversion_value")]
        for (field, key) in base {
            resolvers.field("MetricFigures", field, on: MetricFigures.self) { figures, _ in "\(figures.value(of: key) ?? 0)" }
        }
        let rates = [("ctr", "ctr"), ("cpc", "cpc"), ("cpm", "cpm"), ("conversionRate", "conversion_rate"),
                     ("costPerConversion", "cost_per_conversion"), ("roas", "roas")]
        for (field, key) in rates {
            resolvers.field("MetricFigures", field, on: MetricFigures.self) { figures, _ in
                figures.value(of: key)?.fixedText(scale: MetricFigures.rateScale)
            }
        }

        resolvers.batch("Campaign", "pacing", on: Campaign.self) { campaigns, session in
            let pacing = try service.pacing(of: campaigns.map(\.id), today: CalendarDate.today, in: session)
            return campaigns.map { pacing[$0.id] }
        }
        resolvers.field("BudgetPacing", "budgetType", on: BudgetPacing.self) { pacing, _ in pacing.budgetType.apiName }
        resolvers.field("BudgetPacing", "currency", on: BudgetPacing.self) { pacing, _ in pacing.currency }
        resolvers.field("BudgetPacing", "periodStart", on: BudgetPacing.self) { pacing, _ in pacing.periodStart.description }
        resolvers.field("BudgetPacing", "periodEnd", on: BudgetPacing.self) { pacing, _ in pacing.periodEnd.description }
        resolvers.field("BudgetPacing", "periodBudget", on: BudgetPacing.self) { pacing, _ in pacing.periodBudget.fixedText(scale: 2) }
        resolvers.field("BudgetPacing", "spendToDate", on: BudgetPacing.self) { pacing, _ in pacing.spendToDate.fixedText(scale: 2) }
        resolvers.field("BudgetPacing", "projectedSpend", on: BudgetPacing.self) { pacing, _ in pacing.projectedSpend.fixedText(scale: 2) }
        resolvers.field("BudgetPacing", "pacing", on: BudgetPacing.self) { pacing, _ in pacing.pacing?.fixedText(scale: MetricFigures.rateScale) }
        return resolvers
    }

    /// The range, grouping and filter of a report, checked.
    static func reportQuery(_ context: FieldContext) throws -> PerformanceReportQuery {
        let from = try MetricResolvers.day(context.argument("from"), field: "from")
        let to = try MetricResolvers.day(context.argument("to"), field: "to")
        guard from.day <= to.day else { throw UserError.badInput("from must not be after to.", field: "from") }
        guard to.day - from.day < ReportService.maximumDays else {
            throw UserError.badInput("The range from from to to must be at most \(ReportService.maximumDays) days.", field: "to")
        }
        guard let fromDate = CalendarDate(iso: from.text), let toDate = CalendarDate(iso: to.text) else {
            throw UserError.badInput("from and to must be dates in the form YYYY-MM-DD.", field: "from")
        }
        var groupBy: Set<ReportDimension> = []
        if case .array(let values)? = context.argument("groupBy") {
            for value in values {
                guard let name = value.stringValue, let dimension = ReportDimension(rawValue: name.lowercased()) else { continue }
                groupBy.insert(dimension)
            }
        }
        var query = PerformanceReportQuery(from: fromDate, to: toDate, groupBy: groupBy)
        let unmatchable = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        if case .object(let filter)? = context.argument("filter") {
            if case .array(let values)? = filter["platforms"] { query.platforms = values.compactMap { $0.stringValue.flatMap(Platform.init(apiName:)) } }
            if case .array(let values)? = filter["statuses"] { query.statuses = values.compactMap { $0.stringValue.flatMap(CampaignStatus.init(apiName:)) } }
            if case .array(let values)? = filter["campaignIds"] {
                // An id of another organization or another type matches nothing, as a missing one would.
                query.campaignIDs = values.map { value in value.stringValue.flatMap { GlobalID.decode($0, as: "Campaign") } ?? unmatchable }
            }
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
