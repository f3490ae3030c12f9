import Campaigns
import Foundation
import GraphQL

/// Automated rules, their runs and alerts: queries, nested fields and mutations.
enum AutomationRuleResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = AutomationRuleService()

        resolvers.query("automationRules") { context in
            try service.list(in: try context.session)
        }
        resolvers.query("automationAlerts") { context in
            let session = try context.session
            let first = try context.first(in: 1...100)
            return try service.alerts(first: first, includeAcknowledged: context.argument("includeAcknowledged") == .bool(true), in: session)
        }

        resolvers.mutation("createAutomationRule") { context, session in
            try withinInput { try service.create(try input(context), in: session) }
        }
        resolvers.mutation("updateAutomationRule") { context, session in
            let id = try context.id("id", of: .automationRule)
            return try withinInput { try service.update(id, try input(context), in: session) }
        }
        resolvers.mutation("deleteAutomationRule") { context, session in
            let id = try context.id("id", of: .automationRule)
            try service.delete(id, in: session)
            return GlobalID.encode(.automationRule, id)
        }
        resolvers.mutation("acknowledgeAutomationAlert") { context, session in
            let id = try context.id("id", of: .automationAlert)
            return try service.acknowledge(id, in: session)
        }
        resolvers.mutation("evaluateAutomationRules") { context, session in
            let services = try context.request.services
            return try AutomationRuleEvaluator(pool: services.pool, lifecycle: services.lifecycle).evaluate(organizationID: session.organizationID)
        }

        resolvers.object("AutomationRule", of: AutomationRule.self) { object in
            object.field("id") { rule, _ in GlobalID.encode(.automationRule, rule.id) }
            object.field("name") { rule, _ in rule.name }
            object.field("kind") { rule, _ in rule.kind.apiName }
            object.field("metric") { rule, _ in rule.metric?.uppercased() }
            object.field("comparison") { rule, _ in rule.comparison?.apiName }
            object.field("threshold") { rule, _ in rule.threshold.map { "\($0)" } }
            object.field("windowDays") { rule, _ in rule.windowDays }
            object.field("minimumClicks") { rule, _ in rule.minimumClicks }
            object.field("runAt") { rule, _ in rule.runAt?.graphQLDateTime }
            object.field("action") { rule, _ in rule.action.apiName }
            object.field("dryRun") { rule, _ in rule.dryRun }
            object.field("enabled") { rule, _ in rule.enabled }
            object.field("firedAt") { rule, _ in rule.firedAt?.graphQLDateTime }
            object.field("createdAt") { rule, _ in rule.createdAt.graphQLDateTime }
            object.campaign("campaign") { $0.campaignID }
            object.batchField("runs") { rules, batch -> [[AutomationRuleRun]] in
                let session = try batch.session
                let first = try batch.first(in: 1...50)
                let runs = try service.runs(of: rules.map(\.id), first: first, in: session)
                return rules.map { runs[$0.id] ?? [] }
            }
        }

        resolvers.object("AutomationRuleRun", of: AutomationRuleRun.self) { object in
            object.field("id") { run, _ in GlobalID.encode(.automationRuleRun, run.id) }
            object.field("outcome") { run, _ in run.outcome.rawValue.uppercased() }
            object.field("message") { run, _ in run.message }
            object.field("figures") { run, _ in RuleFigure.list(run.figures) }
            object.field("createdAt") { run, _ in run.createdAt.graphQLDateTime }
            object.campaign("campaign") { $0.campaignID }
        }

        resolvers.object("AutomationAlert", of: AutomationAlert.self) { object in
            object.field("id") { alert, _ in GlobalID.encode(.automationAlert, alert.id) }
            object.field("message") { alert, _ in alert.message }
            object.field("figures") { alert, _ in RuleFigure.list(alert.figures) }
            object.field("createdAt") { alert, _ in alert.createdAt.graphQLDateTime }
            object.field("acknowledgedAt") { alert, _ in alert.acknowledgedAt?.graphQLDateTime }
            object.campaign("campaign") { $0.campaignID }
            object.batch("rule") { alerts, session in
                let rules = Dictionary(try service.list(in: session).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                return alerts.map { rules[$0.ruleID] }
            }
        }
        resolvers.object("RuleFigure", of: RuleFigure.self) { object in
            object.field("key") { figure, _ in figure.key }
            object.field("value") { figure, _ in figure.value }
        }
        return resolvers
    }

    /// The `input` argument (`AutomationRuleInput`): enum values are checked by the engine, the rest by the service.
    private struct Arguments: Decodable {
        struct Input: Decodable {
            var name: String
            var kind: EnumInput<AutomationRule.Kind>
            var campaignId: IDInput?
            var metric: String?
            var comparison: EnumInput<AutomationRule.Comparison>?
            var threshold: DecimalInput?
            var windowDays: Int?
            var minimumClicks: Int?
            var runAt: DateTimeInput?
            var action: EnumInput<AutomationRule.Action>
            var dryRun: Bool?
            var enabled: Bool?
        }
        var input: Input
    }

    static func input(_ context: FieldContext) throws -> AutomationRuleInput {
        let input = try context.arguments(as: Arguments.self).input
        var campaignID: UUID?
        if let id = input.campaignId {
            guard let decoded = id.id(of: .campaign) else { throw UserError.badInput("There is no such campaign.", field: "input.campaignId") }
            campaignID = decoded
        }
        let threshold = input.threshold?.decimal
        if input.threshold != nil, threshold == nil {
            throw UserError.badInput("threshold must be a decimal number.", field: "input.threshold")
        }
        let runAt = input.runAt?.date
        if input.runAt != nil, runAt == nil {
            throw UserError.badInput("runAt must be an RFC 3339 date-time such as 2026-12-24T09:00:00Z.", field: "input.runAt")
        }
        return AutomationRuleInput(
            name: input.name, kind: input.kind.value ?? .metric, campaignID: campaignID, metric: input.metric?.lowercased(),
            comparison: input.comparison?.value, threshold: threshold, windowDays: input.windowDays ?? 1,
            minimumClicks: input.minimumClicks ?? 0, runAt: runAt, action: input.action.value ?? .alert,
            dryRun: input.dryRun ?? false, enabled: input.enabled ?? true)
    }
}

extension AutomationRule.Kind: APIEnum {}
extension AutomationRule.Comparison: APIEnum {}
extension AutomationRule.Action: APIEnum {}

struct RuleFigure: GraphQLObject {
    var key: String
    var value: String

    static func list(_ figures: [String: String]) -> [RuleFigure] {
        figures.sorted { $0.key < $1.key }.map { RuleFigure(key: $0.key, value: $0.value) }
    }
}

extension AutomationRule: GraphQLObject { public var graphQLTypeName: String? { "AutomationRule" } }
extension AutomationRuleRun: GraphQLObject { public var graphQLTypeName: String? { "AutomationRuleRun" } }
extension AutomationAlert: GraphQLObject { public var graphQLTypeName: String? { "AutomationAlert" } }
