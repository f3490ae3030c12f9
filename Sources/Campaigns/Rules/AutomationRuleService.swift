import Foundation
import Postgres

/// Rules, their runs and alerts, in the caller's tenant session. Every statement filters by organization.
public struct AutomationRuleService: Sendable {
    public init() {}

    /// Rules an organization may keep: each is evaluated after every sync.
    public static let maximumRules = 100

    static let columns = """
        id, name, kind, campaign_id, metric, comparison, threshold::text AS threshold, window_days, minimum_clicks, run_at,
        action, dry_run, enabled, fired_at, created_at
        """

    public func list(in session: TenantSession) throws -> [AutomationRule] {
        try session.connection.query(
            "SELECT \(unescaped: Self.columns) FROM automation_rules WHERE organization_id = \(session.organizationID) ORDER BY created_at, id").map(AutomationRule.init(row:))
    }

    public func create(_ input: AutomationRuleInput, in session: TenantSession) throws -> AutomationRule {
        try validate(input, in: session)
        let count: Int = try session.connection.query(
            "SELECT count(*)::int AS count FROM automation_rules WHERE organization_id = \(session.organizationID)")[0].decode("count")
        guard count < Self.maximumRules else { throw AutomationRuleError.tooManyRules(limit: Self.maximumRules) }
        let rows = try session.connection.query(
            """
            INSERT INTO automation_rules (organization_id, name, kind, campaign_id, metric, comparison, threshold, window_days,
                                          minimum_clicks, run_at, action, dry_run, enabled)
            VALUES (\(session.organizationID), \(input.trimmedName), \(input.kind.rawValue), \(input.campaignID), \(input.metric),
                    \(input.comparison?.rawValue), \(input.thresholdText)::numeric, \(input.windowDays), \(input.minimumClicks), \(input.runAt),
                    \(input.action.rawValue), \(input.dryRun), \(input.enabled))
            RETURNING \(unescaped: Self.columns)
            """)
        return try AutomationRule(row: rows[0])
    }

    /// Replaces every field of a rule; a schedule rule whose moment changes may fire again.
    public func update(_ id: UUID, _ input: AutomationRuleInput, in session: TenantSession) throws -> AutomationRule {
        try validate(input, in: session)
        let rows = try session.connection.query(
            """
            UPDATE automation_rules SET name = \(input.trimmedName), kind = \(input.kind.rawValue), campaign_id = \(input.campaignID),
                metric = \(input.metric), comparison = \(input.comparison?.rawValue), threshold = \(input.thresholdText)::numeric,
                window_days = \(input.windowDays), minimum_clicks = \(input.minimumClicks),
                fired_at = CASE WHEN run_at IS NOT DISTINCT FROM \(input.runAt)::timestamptz THEN fired_at END, run_at = \(input.runAt),
                action = \(input.action.rawValue), dry_run = \(input.dryRun), enabled = \(input.enabled)
            WHERE organization_id = \(session.organizationID) AND id = \(id) RETURNING \(unescaped: Self.columns)
            """)
        guard let row = rows.first else { throw AutomationRuleError.notFound }
        return try AutomationRule(row: row)
    }

    public func delete(_ id: UUID, in session: TenantSession) throws {
        let result = try session.connection.query(
            "DELETE FROM automation_rules WHERE organization_id = \(session.organizationID) AND id = \(id)")
        guard result.affectedRows == 1 else { throw AutomationRuleError.notFound }
    }

    /// The newest `first` runs of each rule.
    public func runs(of ruleIDs: [UUID], first: Int, in session: TenantSession) throws -> [UUID: [AutomationRuleRun]] {
        guard !ruleIDs.isEmpty else { return [:] }
        var result: [UUID: [AutomationRuleRun]] = [:]
        for row in try session.connection.query(
            """
            SELECT r.* FROM unnest(\(uuidArray(ruleIDs))::uuid[]) AS rule(id)
            CROSS JOIN LATERAL (
                SELECT id, rule_id, campaign_id, outcome, message, figures::text AS figures, created_at FROM automation_rule_runs
                WHERE organization_id = \(session.organizationID) AND rule_id = rule.id ORDER BY created_at DESC, id DESC LIMIT \(first)
            ) r ORDER BY r.rule_id, r.created_at DESC, r.id DESC
            """) {
            let run = AutomationRuleRun(
                id: try row.decode("id"), ruleID: try row.decode("rule_id"), campaignID: try row.decode("campaign_id"),
                outcome: AutomationRuleRun.Outcome(rawValue: try row.decode("outcome")) ?? .failed, message: try row.decode("message"),
                figures: Self.figures(try row.decode("figures")), createdAt: try row.decode("created_at"))
            result[run.ruleID, default: []].append(run)
        }
        return result
    }

    /// Alerts newest first, the open ones only unless `includeAcknowledged`; at most `first`.
    public func alerts(first: Int, includeAcknowledged: Bool, in session: TenantSession) throws -> [AutomationAlert] {
        try session.connection.query(
            """
            SELECT id, rule_id, campaign_id, message, figures::text AS figures, created_at, acknowledged_at FROM automation_alerts
            WHERE organization_id = \(session.organizationID) AND (\(includeAcknowledged) OR acknowledged_at IS NULL) ORDER BY created_at DESC, id DESC LIMIT \(first)
            """).map(AutomationAlert.init(row:))
    }

    /// Marks an alert as seen; acknowledging it again changes nothing.
    public func acknowledge(_ id: UUID, in session: TenantSession) throws -> AutomationAlert {
        let rows = try session.connection.query(
            """
            UPDATE automation_alerts SET acknowledged_at = coalesce(acknowledged_at, now()) WHERE organization_id = \(session.organizationID) AND id = \(id)
            RETURNING id, rule_id, campaign_id, message, figures::text AS figures, created_at, acknowledged_at
            """)
        guard let row = rows.first else { throw AutomationRuleError.notFound }
        return try AutomationAlert(row: row)
    }

    private func validate(_ input: AutomationRuleInput, in session: TenantSession) throws {
        func refuse(_ field: String, _ message: String) -> AutomationRuleError { .invalid(field: field, message: message) }
        let name = input.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(name.count) else { throw refuse("name", "name must have 1 to 200 characters.") }
        guard (1...90).contains(input.windowDays) else { throw refuse("windowDays", "windowDays must be between 1 and 90.") }
        guard (0...1_000_000_000).contains(input.minimumClicks) else {
            throw refuse("minimumClicks", "minimumClicks must be between 0 and 1000000000.")
        }
        switch input.kind {
        case .metric:
            guard let metric = input.metric, AutomationRule.metrics.contains(metric) else {
                throw refuse("metric", "A metric rule needs a metric.")
            }
            guard input.comparison != nil else { throw refuse("comparison", "A metric rule needs a comparison.") }
            guard let threshold = input.threshold, threshold >= 0, threshold < 1_000_000_000_000 else {
                throw refuse("threshold", "A metric rule needs a threshold from 0 to less than 1000000000000.")
            }
            guard input.runAt == nil else { throw refuse("runAt", "Only a schedule rule has runAt.") }
        case .schedule:
            guard input.campaignID != nil else { throw refuse("campaignId", "A schedule rule acts on one campaign.") }
            guard input.runAt != nil else { throw refuse("runAt", "A schedule rule needs runAt.") }
            guard input.action != .alert else { throw refuse("action", "A schedule rule pauses or resumes.") }
            guard input.metric == nil, input.threshold == nil, input.comparison == nil else {
                throw refuse("metric", "A schedule rule has no metric, comparison or threshold.")
            }
        }
        if let campaignID = input.campaignID {
            let found = try session.connection.query(
                "SELECT 1 FROM campaigns WHERE organization_id = \(session.organizationID) AND id = \(campaignID)")
            guard !found.isEmpty else { throw refuse("campaignId", "There is no such campaign.") }
        }
    }

    static func figures(_ json: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]) ?? [:]
    }

    static func json(_ figures: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

private extension AutomationRuleInput {
    var trimmedName: String { name.trimmingCharacters(in: .whitespacesAndNewlines) }
    var thresholdText: String? { threshold.map { "\($0)" } }
}

extension AutomationRule {
    /// A row of `AutomationRuleService.columns`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), name: try row.decode("name"),
            kind: AutomationRule.Kind(rawValue: try row.decode("kind")) ?? .metric,
            campaignID: try row.decode("campaign_id", as: UUID?.self), metric: try row.decode("metric", as: String?.self),
            comparison: try row.decode("comparison", as: String?.self).flatMap(AutomationRule.Comparison.init(rawValue:)),
            threshold: try row.decode("threshold", as: String?.self).flatMap(Decimal.init(posixText:)),
            windowDays: try row.decode("window_days"), minimumClicks: try row.decode("minimum_clicks"),
            runAt: try row.decode("run_at", as: Date?.self), action: AutomationRule.Action(rawValue: try row.decode("action")) ?? .alert,
            dryRun: try row.decode("dry_run"), enabled: try row.decode("enabled"), firedAt: try row.decode("fired_at", as: Date?.self),
            createdAt: try row.decode("created_at"))
    }
}

extension AutomationAlert {
    /// A row of `automation_alerts`.
    init(row: PostgresRow) throws {
        self.init(
            id: try row.decode("id"), ruleID: try row.decode("rule_id"), campaignID: try row.decode("campaign_id"),
            message: try row.decode("message"), figures: AutomationRuleService.figures(try row.decode("figures")), createdAt: try row.decode("created_at"),
            acknowledgedAt: try row.decode("acknowledged_at", as: Date?.self))
    }
}
