import Campaigns
import Foundation
import GraphQL

/// Automated rules, their runs and alerts: queries, nested fields and mutations.
enum AutomationRuleResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = AutomationRuleService()

        resolvers.field("Query", "automationRules") { context in
            try service.list(in: try context.context(as: RequestContext.self).session)
        }
        resolvers.field("Query", "automationAlerts") { context in
            let session = try context.context(as: RequestContext.self).session
            guard case .int(let first)? = context.argument("first"), (1...100).contains(first) else {
                throw UserError.badInput("first must be between 1 and 100.", field: "first")
            }
            return try service.alerts(first: first, includeAcknowledged: context.argument("includeAcknowledged") == .bool(true), in: session)
        }

        resolvers.mutation("createAutomationRule") { context, session in
            try withinInput { try service.create(try input(context), in: session) }
        }
        resolvers.mutation("updateAutomationRule") { context, session in
            let id = try ruleID(context.argument("id"))
            return try withinInput { try service.update(id, try input(context), in: session) }
        }
        resolvers.mutation("deleteAutomationRule") { context, session in
            let id = try ruleID(context.argument("id"))
            try service.delete(id, in: session)
            return GlobalID.encode("AutomationRule", id)
        }
        resolvers.mutation("acknowledgeAutomationAlert") { context, session in
            guard case .string(let text)? = context.argument("id"), let id = GlobalID.decode(text, as: "AutomationAlert") else {
                throw UserError.notFound("Alert")
            }
            return try service.acknowledge(id, in: session)
        }
        resolvers.mutation("evaluateAutomationRules") { context, session in
            let services = try context.context(as: RequestContext.self).services
            return try AutomationRuleEvaluator(pool: services.pool, lifecycle: services.lifecycle).evaluate(organizationID: session.organizationID)
        }

        resolvers.field("AutomationRule", "id", on: AutomationRule.self) { rule, _ in GlobalID.encode("AutomationRule", rule.id) }
        resolvers.field("AutomationRule", "name", on: AutomationRule.self) { rule, _ in rule.name }
        resolvers.field("AutomationRule", "kind", on: AutomationRule.self) { rule, _ in rule.kind.rawValue.uppercased() }
        resolvers.field("AutomationRule", "metric", on: AutomationRule.self) { rule, _ in rule.metric?.uppercased() }
        resolvers.field("AutomationRule", "comparison", on: AutomationRule.self) { rule, _ in rule.comparison?.rawValue.uppercased() }
        resolvers.field("AutomationRule", "threshold", on: AutomationRule.self) { rule, _ in rule.threshold.map { "\($0)" } }
        resolvers.field("AutomationRule", "windowDays", on: AutomationRule.self) { rule, _ in rule.windowDays }
        resolvers.field("AutomationRule", "minimumClicks", on: AutomationRule.self) { rule, _ in rule.minimumClicks }
        resolvers.field("AutomationRule", "runAt", on: AutomationRule.self) { rule, _ in rule.runAt?.graphQLDateTime }
        resolvers.field("AutomationRule", "action", on: AutomationRule.self) { rule, _ in rule.action.rawValue.uppercased() }
        resolvers.field("AutomationRule", "dryRun", on: AutomationRule.self) { rule, _ in rule.dryRun }
        resolvers.field("AutomationRule", "enabled", on: AutomationRule.self) { rule, _ in rule.enabled }
        resolvers.field("AutomationRule", "firedAt", on: AutomationRule.self) { rule, _ in rule.firedAt?.graphQLDateTime }
        resolvers.field("AutomationRule", "createdAt", on: AutomationRule.self) { rule, _ in rule.createdAt.graphQLDateTime }
        resolvers.campaign("AutomationRule", "campaign", on: AutomationRule.self) { $0.campaignID }
        resolvers.batchField("AutomationRule", "runs") { (batch: BatchFieldContext) throws -> [[AutomationRuleRun]] in
            let session = try batch.context(as: RequestContext.self).session
            let rules = try batch.parents(as: AutomationRule.self)
            guard case .int(let first)? = batch.argument("first"), (1...50).contains(first) else {
                throw UserError.badInput("first must be between 1 and 50.", field: "first")
            }
            let runs = try service.runs(of: rules.map(\.id), first: first, in: session)
            return rules.map { runs[$0.id] ?? [] }
        }

        resolvers.field("AutomationRuleRun", "id", on: AutomationRuleRun.self) { run, _ in GlobalID.encode("AutomationRuleRun", run.id) }
        resolvers.field("AutomationRuleRun", "outcome", on: AutomationRuleRun.self) { run, _ in run.outcome.rawValue.uppercased() }
        resolvers.field("AutomationRuleRun", "message", on: AutomationRuleRun.self) { run, _ in run.message }
        resolvers.field("AutomationRuleRun", "figures", on: AutomationRuleRun.self) { run, _ in RuleFigure.list(run.figures) }
        resolvers.field("AutomationRuleRun", "createdAt", on: AutomationRuleRun.self) { run, _ in run.createdAt.graphQLDateTime }
        resolvers.campaign("AutomationRuleRun", "campaign", on: AutomationRuleRun.self) { $0.campaignID }

        resolvers.field("AutomationAlert", "id", on: AutomationAlert.self) { alert, _ in GlobalID.encode("AutomationAlert", alert.id) }
        resolvers.field("AutomationAlert", "message", on: AutomationAlert.self) { alert, _ in alert.message }
        resolvers.field("AutomationAlert", "figures", on: AutomationAlert.self) { alert, _ in RuleFigure.list(alert.figures) }
        resolvers.field("AutomationAlert", "createdAt", on: AutomationAlert.self) { alert, _ in alert.createdAt.graphQLDateTime }
        resolvers.field("AutomationAlert", "acknowledgedAt", on: AutomationAlert.self) { alert, _ in alert.acknowledgedAt?.graphQLDateTime }
        resolvers.campaign("AutomationAlert", "campaign", on: AutomationAlert.self) { $0.campaignID }
        resolvers.batch("AutomationAlert", "rule", on: AutomationAlert.self) { alerts, session in
            let rules = Dictionary(try service.list(in: session).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            return alerts.map { rules[$0.ruleID] }
        }
        resolvers.field("RuleFigure", "key", on: RuleFigure.self) { figure, _ in figure.key }
        resolvers.field("RuleFigure", "value", on: RuleFigure.self) { figure, _ in figure.value }
        return resolvers
    }

    static func ruleID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "AutomationRule") else {
            throw UserError.notFound("Rule")
        }
        return id
    }

    /// `input` as the domain's rule input; enum values are checked by the engine, the rest by the service.
    static func input(_ context: FieldContext) throws -> AutomationRuleInput {
        guard case .object(let input)? = context.argument("input") else { throw UserError.badInput("input is required.", field: "input") }
        func text(_ name: String) -> String? { input[name]?.stringValue }
        var campaignID: UUID?
        if let id = text("campaignId") {
            guard let decoded = GlobalID.decode(id, as: "Campaign") else {
                throw UserError.badInput("There is no such campaign.", field: "input.campaignId")
            }
            campaignID = decoded
        }
        var threshold: Decimal?
        switch input["threshold"] {
        case .string(let value)?: threshold = Money(value)?.value
        case .int(let value)?: threshold = Decimal(value)
        case .double(let value)?: threshold = Money(String(value))?.value
        default: break
        }
        if input["threshold"].map({ $0 != .null }) == true, threshold == nil {
            throw UserError.badInput("threshold must be a decimal number.", field: "input.threshold")
        }
        var runAt: Date?
        if let value = text("runAt") {
            guard let date = Date(dateTimeText: value) else {
                throw UserError.badInput("runAt must be an RFC 3339 date-time such as 2026-12-24T09:00:00Z.", field: "input.runAt")
            }
            runAt = date
        }
        func int(_ name: String, default value: Int) -> Int { if case .int(let number)? = input[name] { return number } else { return value } }
        return AutomationRuleInput(
            name: text("name") ?? "", kind: AutomationRule.Kind(rawValue: text("kind")?.lowercased() ?? "") ?? .metric, campaignID: campaignID,
            metric: text("metric")?.lowercased(), comparison: text("comparison").flatMap { AutomationRule.Comparison(rawValue: $0.lowercased()) },
            threshold: threshold, windowDays: int("windowDays", default: 1), minimumClicks: int("minimumClicks", default: 0), runAt: runAt,
            action: AutomationRule.Action(rawValue: text("action")?.lowercased() ?? "") ?? .alert,
            dryRun: input["dryRun"] == .bool(true), enabled: input["enabled"] != .bool(false))
    }
}

struct RuleFigure: GraphQLObject {
    var key: String
    var value: String

    static func list(_ figures: [String: String]) -> [RuleFigure] {
        figures.sorted { $0.key < $1.key }.map { RuleFigure(key: $0.key, value: $0.value) }
    }
}

extension Date {
    /// An RFC 3339 date-time (`2026-12-24T09:00:00Z`, fractional seconds and offsets allowed).
    init?(dateTimeText text: String) {
        guard text.utf8.count <= 64 else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) {
            self = date
            return
        }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { return nil }
        self = date
    }
}

extension AutomationRule: GraphQLObject { public var graphQLTypeName: String? { "AutomationRule" } }
extension AutomationRuleRun: GraphQLObject { public var graphQLTypeName: String? { "AutomationRuleRun" } }
extension AutomationAlert: GraphQLObject { public var graphQLTypeName: String? { "AutomationAlert" } }
