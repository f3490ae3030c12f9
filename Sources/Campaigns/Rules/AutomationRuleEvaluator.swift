import Foundation
import Postgres

/// Evaluates organizations' enabled rules (the worker runs it after each metrics sync) and acts through the
/// lifecycle service, as a user's pause or resume would: the campaign's lock, the platform first, the execution
/// log. Every evaluation that acts, would act (dry run) or fails to act is written to the rule's runs with the
/// figures it judged; acting ones are also on the campaign's execution log.
public struct AutomationRuleEvaluator: Sendable {
    let pool: PostgresPool
    let lifecycle: CampaignLifecycleService
    let now: @Sendable () -> Date

    public init(pool: PostgresPool, lifecycle: CampaignLifecycleService, now: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.lifecycle = lifecycle
        self.now = now
    }

    /// Every organization that has an enabled rule; one organization's failure does not stop the others.
    public func evaluateAll(log: @Sendable (String) -> Void = { _ in }) -> [AutomationRuleRun] {
        let organizations: [UUID]
        do {
            organizations = try pool.withConnection { connection in
                try connection.query("SELECT DISTINCT organization_id FROM automation_rules WHERE enabled ORDER BY organization_id")
                    .map { try $0.decode("organization_id") }
            }
        } catch {
            log("automation rules: the organizations with rules could not be read: \(error)")
            return []
        }
        return organizations.flatMap { organizationID -> [AutomationRuleRun] in
            do {
                return try evaluate(organizationID: organizationID)
            } catch {
                log("automation rules of organization \(organizationID.uuidString.lowercased()) failed: \(error)")
                return []
            }
        }
    }

    public func evaluate(organizationID: UUID) throws -> [AutomationRuleRun] {
        let decisions = try pool.withConnection { connection in
            try connection.withTenantTransaction(organizationID) { try decide(in: $0) }
        }
        return try decisions.map { try act($0, organizationID: organizationID) }
    }

    /// A rule's verdict on one campaign, before acting.
    struct Decision {
        var rule: AutomationRule
        var campaignID: UUID
        var campaignName: String
        var reason: String
        var figures: [String: String]
    }

    func decide(in session: TenantSession) throws -> [Decision] {
        let now = now()
        let today = CalendarDate(utcDayOf: now)
        let reports = ReportService()
        var decisions: [Decision] = []
        for rule in try AutomationRuleService().list(in: session) where rule.enabled {
            switch rule.kind {
            case .schedule:
                guard rule.firedAt == nil, let runAt = rule.runAt, runAt <= now, let campaignID = rule.campaignID,
                      let campaign = try campaigns([campaignID], status: nil, in: session).first else { continue }
                let moment = ISO8601DateFormatter().string(from: runAt)
                decisions.append(Decision(rule: rule, campaignID: campaignID, campaignName: campaign.name,
                                          reason: "scheduled for \(moment)", figures: ["runAt": moment]))
            case .metric:
                guard let metric = rule.metric, let comparison = rule.comparison, let threshold = rule.threshold else { continue }
                let scope = try campaigns(rule.campaignID.map { [$0] }, status: rule.action.appliesTo, in: session)
                guard !scope.isEmpty else { continue }
                let from = today.adding(days: -(rule.windowDays - 1))
                let figures = try reports.campaignFigures(scope.map(\.id), from: from, to: today, in: session)
                let pacing = metric == "pacing" ? try reports.pacing(of: scope.map(\.id), today: today, in: session) : [:]
                let alerted = rule.action == .alert ? try openAlerts(of: rule.id, in: session) : []
                for campaign in scope where !alerted.contains(campaign.id) {
                    let sums = figures[campaign.id] ?? MetricFigures()
                    guard sums.clicks >= Decimal(rule.minimumClicks) else { continue }
                    guard let value = metric == "pacing" ? pacing[campaign.id]?.pacing : sums.value(of: metric),
                          comparison.holds(value, threshold) else { continue }
                    let days = rule.windowDays == 1 ? "today" : "over the last \(rule.windowDays) days"
                    decisions.append(Decision(
                        rule: rule, campaignID: campaign.id, campaignName: campaign.name,
                        reason: "\(metric.replacingOccurrences(of: "_", with: " ")) \(value) \(comparison.symbol) \(threshold) \(days) (\(sums.clicks) clicks)",
                        figures: [metric: "\(value)", "threshold": "\(threshold)", "clicks": "\(sums.clicks)", "impressions": "\(sums.impressions)",
                                  "spend": "\(sums.spend)", "conversions": "\(sums.conversions)", "from": from.description, "to": today.description]))
                }
            }
        }
        return decisions
    }

    /// Acts on one decision (unless the rule is a dry run) and records it in its own transaction.
    func act(_ decision: Decision, organizationID: UUID) throws -> AutomationRuleRun {
        let rule = decision.rule
        let outcome: AutomationRuleRun.Outcome
        var failure: String?
        if rule.dryRun {
            outcome = [.pause: .wouldPause, .resume: .wouldResume, .alert: .wouldAlert][rule.action] ?? .wouldAlert
        } else {
            do {
                switch rule.action {
                case .pause: try lifecycle.pause(decision.campaignID, organizationID: organizationID)
                case .resume: try lifecycle.resume(decision.campaignID, organizationID: organizationID)
                case .alert: break
                }
                outcome = [.pause: .paused, .resume: .resumed, .alert: .alerted][rule.action] ?? .alerted
            } catch {
                outcome = .failed
                failure = "\(error)"
            }
        }
        let verb = [.paused: "paused", .resumed: "resumed", .alerted: "alert raised",
                    .wouldPause: "dry run: would pause", .wouldResume: "dry run: would resume", .wouldAlert: "dry run: would alert",
                    .failed: "\(rule.action.rawValue) failed: \(failure ?? "")"][outcome] ?? outcome.rawValue
        let message = String("Rule “\(rule.name)” on “\(decision.campaignName)”: \(decision.reason); \(verb).".prefix(2_000))
        return try pool.withConnection { connection in
            try connection.withTenantTransaction(organizationID) { session in
                let connection = try session.connection
                if rule.kind == .schedule {
                    try connection.query("UPDATE automation_rules SET fired_at = now() WHERE organization_id = \(organizationID) AND id = \(rule.id)")
                }
                if outcome == .alerted {
                    try connection.query(
                        """
                        INSERT INTO automation_alerts (organization_id, rule_id, campaign_id, message, figures)
                        VALUES (\(organizationID), \(rule.id), \(decision.campaignID), \(message), \(AutomationRuleService.json(decision.figures))::jsonb)
                        ON CONFLICT (rule_id, campaign_id) WHERE acknowledged_at IS NULL DO NOTHING
                        """)
                }
                if !rule.dryRun {
                    try connection.query(
                        """
                        INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message)
                        VALUES (\(organizationID), \(decision.campaignID), \("rule_\(rule.action.rawValue)"), \(outcome == .failed ? "error" : "success"), \(message))
                        """)
                }
                let rows = try connection.query(
                    """
                    INSERT INTO automation_rule_runs (organization_id, rule_id, campaign_id, outcome, message, figures)
                    VALUES (\(organizationID), \(rule.id), \(decision.campaignID), \(outcome.rawValue), \(message), \(AutomationRuleService.json(decision.figures))::jsonb) RETURNING id, created_at
                    """)
                return AutomationRuleRun(id: try rows[0].decode("id"), ruleID: rule.id, campaignID: decision.campaignID, outcome: outcome,
                                         message: message, figures: decision.figures, createdAt: try rows[0].decode("created_at"))
            }
        }
    }

    /// The campaigns of `ids` (every campaign when nil) with `status` (any when nil), by name.
    private func campaigns(_ ids: [UUID]?, status: CampaignStatus?, in session: TenantSession) throws -> [(id: UUID, name: String)] {
        try session.connection.query(
            """
            SELECT id, name FROM campaigns WHERE organization_id = \(session.organizationID) AND (\(ids.map(uuidArray))::uuid[] IS NULL OR id = ANY(\(ids.map(uuidArray))::uuid[]))
              AND (\(status?.rawValue)::text IS NULL OR status = \(status?.rawValue)) ORDER BY name, id
            """).map { (try $0.decode("id"), try $0.decode("name")) }
    }

    private func openAlerts(of ruleID: UUID, in session: TenantSession) throws -> Set<UUID> {
        Set(try session.connection.query(
            "SELECT campaign_id FROM automation_alerts WHERE organization_id = \(session.organizationID) AND rule_id = \(ruleID) AND acknowledged_at IS NULL").map { try $0.decode("campaign_id") })
    }
}
