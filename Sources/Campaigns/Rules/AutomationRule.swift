import Foundation

/// A rule an organization sets to act on its campaigns while nobody watches.
public struct AutomationRule: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Compares a figure of each campaign in scope over its last days with a threshold.
        case metric
        /// Acts once, at a moment, on one campaign.
        case schedule
    }

    public enum Action: String, Sendable, CaseIterable {
        case pause, resume, alert

        /// The status a campaign must have for the action to apply to it.
        var appliesTo: CampaignStatus { self == .resume ? .paused : .live }
    }

    public enum Comparison: String, Sendable, CaseIterable {
        case greaterThan = "greater_than", lessThan = "less_than"

        func holds(_ value: Decimal, _ threshold: Decimal) -> Bool {
            self == .greaterThan ? value > threshold : value < threshold
        }

        var symbol: String { self == .greaterThan ? ">" : "<" }
    }

    /// The figures a metric rule can compare: the base metrics, the rates of `MetricFigures`, and `pacing`
    /// (`BudgetPacing.pacing`, a ratio: 1.2 is 120 % of the budget).
    public static let metrics = ["impressions", "clicks", "spend", "conversions", "conversion_value",
                                 "ctr", "cpc", "cpm", "conversion_rate", "cost_per_conversion", "roas", "pacing"]

    public var id: UUID
    public var name: String
    public var kind: Kind
    /// One campaign, or every campaign of the organization when nil (metric rules only).
    public var campaignID: UUID?
    public var metric: String?
    public var comparison: Comparison?
    public var threshold: Decimal?
    /// Days the figures cover, today included.
    public var windowDays: Int
    /// Clicks a campaign needs in the window before the rule judges it.
    public var minimumClicks: Int
    public var runAt: Date?
    public var action: Action
    /// Evaluated and logged, never acted on.
    public var dryRun: Bool
    public var enabled: Bool
    public var firedAt: Date?
    public var createdAt: Date
}

/// What a rule is created or replaced with.
public struct AutomationRuleInput: Sendable, Equatable {
    public var name: String
    public var kind: AutomationRule.Kind
    public var campaignID: UUID?
    public var metric: String?
    public var comparison: AutomationRule.Comparison?
    public var threshold: Decimal?
    public var windowDays: Int
    public var minimumClicks: Int
    public var runAt: Date?
    public var action: AutomationRule.Action
    public var dryRun: Bool
    public var enabled: Bool

    public init(name: String, kind: AutomationRule.Kind, campaignID: UUID? = nil, metric: String? = nil,
                comparison: AutomationRule.Comparison? = nil, threshold: Decimal? = nil, windowDays: Int = 1, minimumClicks: Int = 0,
                runAt: Date? = nil, action: AutomationRule.Action, dryRun: Bool = false, enabled: Bool = true) {
        self.name = name
        self.kind = kind
        self.campaignID = campaignID
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
        self.windowDays = windowDays
        self.minimumClicks = minimumClicks
        self.runAt = runAt
        self.action = action
        self.dryRun = dryRun
        self.enabled = enabled
    }
}

/// One evaluation of a rule that acted, would have acted (dry run) or failed to act.
public struct AutomationRuleRun: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        case paused, resumed, alerted
        case wouldPause = "would_pause", wouldResume = "would_resume", wouldAlert = "would_alert"
        case failed
    }

    public var id: UUID
    public var ruleID: UUID
    public var campaignID: UUID
    public var outcome: Outcome
    public var message: String
    /// The figures the rule judged, as text by key (`cost_per_conversion`, `clicks`, `threshold`, …).
    public var figures: [String: String]
    public var createdAt: Date
}

/// What an alert rule raised.
public struct AutomationAlert: Sendable, Equatable {
    public var id: UUID
    public var ruleID: UUID
    public var campaignID: UUID
    public var message: String
    public var figures: [String: String]
    public var createdAt: Date
    public var acknowledgedAt: Date?
}

public enum AutomationRuleError: Error, Sendable, Equatable {
    case invalid(field: String, message: String)
    case notFound
    case tooManyRules(limit: Int)
}
