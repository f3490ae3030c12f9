import Foundation
import Postgres

/// How a campaign's spend keeps to its budget over the budget's period: a daily budget's period is the
/// current calendar month (within the campaign's start and end dates), a lifetime budget's the campaign's start
/// to end. The projection assumes the rest of the period spends as the days so far did, today counted whole.
public struct BudgetPacing: Sendable, Equatable {
    public var campaignID: UUID
    public var budgetType: BudgetType
    public var currency: String
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    /// What the budget allows over the whole period (a daily amount × the period's days, or the lifetime amount).
    public var periodBudget: Decimal
    public var spendToDate: Decimal
    public var projectedSpend: Decimal
    /// Projected spend / period budget (a ratio: 1.2 is 20 % over).
    public var pacing: Decimal? { MetricFigures.rate(projectedSpend, periodBudget) }

    /// The period and projection for a budget on `today`; nil when the period has not begun, or a lifetime
    /// budget has no end date.
    static func period(type: BudgetType, amount: Decimal, start: CalendarDate?, end: CalendarDate?, created: CalendarDate,
                       today: CalendarDate) -> (start: CalendarDate, end: CalendarDate, budget: Decimal)? {
        let campaignStart = start ?? created
        switch type {
        case .daily:
            let monthStart = CalendarDate(year: today.year, month: today.month, day: 1)
            let nextMonth = today.month == 12 ? CalendarDate(year: today.year + 1, month: 1, day: 1) : CalendarDate(year: today.year, month: today.month + 1, day: 1)
            let periodStart = max(monthStart, campaignStart)
            let periodEnd = min(nextMonth.adding(days: -1), end ?? nextMonth.adding(days: -1))
            guard periodStart <= today, periodStart <= periodEnd else { return nil }
            let days = periodEnd.daysSinceUnixEpoch - periodStart.daysSinceUnixEpoch + 1
            return (periodStart, periodEnd, amount * Decimal(days))
        case .lifetime:
            guard let end, campaignStart <= today, campaignStart <= end else { return nil }
            return (campaignStart, end, amount)
        }
    }

    /// Spend so far stretched over the whole period: spend / elapsed days × period days.
    static func projected(spend: Decimal, start: CalendarDate, end: CalendarDate, today: CalendarDate) -> Decimal {
        let days = end.daysSinceUnixEpoch - start.daysSinceUnixEpoch + 1
        let elapsed = min(today, end).daysSinceUnixEpoch - start.daysSinceUnixEpoch + 1
        return MetricFigures.rounded(spend * Decimal(days) / Decimal(max(1, elapsed)), scale: 2)
    }
}

extension ReportService {
    /// The pacing of each of these campaigns that has a budget whose period has begun, in one statement for the
    /// budgets and one for the spend.
    public func pacing(of campaignIDs: [UUID], today: CalendarDate, in session: TenantSession) throws -> [UUID: BudgetPacing] {
        guard !campaignIDs.isEmpty else { return [:] }
        var periods: [(id: UUID, type: BudgetType, currency: String, start: CalendarDate, end: CalendarDate, budget: Decimal)] = []
        for row in try session.connection.query(
            """
            SELECT c.id, b.type, b.amount::text AS amount, acc.currency, c.start_date::text AS start_date, c.end_date::text AS end_date,
                   (c.created_at AT TIME ZONE 'UTC')::date::text AS created
            FROM campaigns c
            JOIN campaign_budgets b ON b.organization_id = c.organization_id AND b.campaign_id = c.id
            JOIN ad_accounts acc ON acc.organization_id = c.organization_id AND acc.id = c.ad_account_id
            WHERE c.organization_id = \(session.organizationID) AND c.id = ANY(\(uuidArray(campaignIDs))::uuid[])
            """) {
            guard let type = BudgetType(rawValue: try row.decode("type")),
                  let amount = Decimal(posixText: try row.decode("amount")),
                  let created = CalendarDate(iso: try row.decode("created")),
                  let period = BudgetPacing.period(
                    type: type, amount: amount, start: try row.decode("start_date", as: String?.self).flatMap(CalendarDate.init(iso:)),
                    end: try row.decode("end_date", as: String?.self).flatMap(CalendarDate.init(iso:)), created: created, today: today)
            else { continue }
            periods.append((try row.decode("id"), type, try row.decode("currency"), period.start, period.end, period.budget))
        }
        guard !periods.isEmpty else { return [:] }
        var spend: [UUID: Decimal] = [:]
        for row in try session.connection.query(
            """
            SELECT p.id, coalesce(sum(m.spend), 0)::text AS spend
            FROM unnest(\(uuidArray(periods.map(\.id)))::uuid[], \(dateArray(periods.map(\.start)))::date[]) AS p(id, start_date)
            LEFT JOIN ad_daily_metrics m ON m.organization_id = \(session.organizationID) AND m.campaign_id = p.id AND m.date BETWEEN p.start_date AND \(today.description)::date
            GROUP BY p.id
            """) {
            spend[try row.decode("id")] = Decimal(posixText: try row.decode("spend")) ?? 0
        }
        var result: [UUID: BudgetPacing] = [:]
        for period in periods {
            let spent = spend[period.id] ?? 0
            result[period.id] = BudgetPacing(
                campaignID: period.id, budgetType: period.type, currency: period.currency, periodStart: period.start, periodEnd: period.end,
                periodBudget: period.budget, spendToDate: spent,
                projectedSpend: BudgetPacing.projected(spend: spent, start: period.start, end: period.end, today: today))
        }
        return result
    }
}
