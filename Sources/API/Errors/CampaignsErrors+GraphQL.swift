import Campaigns
import GraphQL
import Integrations

// The Campaigns module's refusals as the API reports them. A refusal's `extensions.field` is the field as the
// domain names it; resolvers whose arguments arrive in an input object name it by its path (`withinInput`).

extension CampaignError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .validation(let field, let message): return .badInput(message, field: field)
        case .notFound(let record): return .notFound(record.rawValue)
        case .notDraft(let status):
            return .badInput("Only draft campaigns can be deleted; this campaign is \(status.apiName).", field: "id",
                             [("status", .string(status.apiName))])
        }
    }
}

extension AudienceError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .validation(let field, let message): return .badInput(message, field: field)
        case .notFound: return .notFound(.audience)
        case .inUse: return UserError("The audience is used by campaign units; remove it from them before deleting it.", code: .badUserInput)
        }
    }
}

extension AutomationRuleError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .invalid(let field, let message): return .badInput(message, field: field)
        case .notFound: return UserError("Not found.", code: .notFound)
        case .tooManyRules(let limit):
            return UserError("An organization keeps at most \(limit) rules.", code: .limitExceeded, extensions: JSONObject([("limit", .int(limit))]))
        }
    }
}

extension TargetingSearchError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .validation(let field, let message): return .badInput(message, field: field)
        case .notConnected(let platform):
            return UserError("Connect \(platform.displayName) first: its targeting search needs the connection.", code: .notConnected,
                             extensions: JSONObject([("field", .string("platform"))]))
        }
    }
}

extension ReportError: PresentedAsUserError {
    var presented: UserError { .badInput("after is not a cursor of this report.", field: "after") }
}

extension MediaError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .invalid(let field, let message): return .badInput(message, field: field)
        }
    }
}

extension LifecycleError: PresentedAsUserError {
    var presented: UserError {
        switch self {
        case .notFound:
            return .notFound(.campaign)
        case .validation(let problems):
            let list = problems.map { problem -> JSON in
                .object(JSONObject([("field", .string(problem.field)), ("code", .string(problem.code)), ("message", .string(problem.message))]))
            }
            let summary = problems.map { "\($0.field): \($0.message)" }.joined(separator: " ")
            return .badInput("The campaign cannot launch (\(problems.count) problem\(problems.count == 1 ? "" : "s")). \(summary)",
                             field: problems.first?.field ?? "id", [("problems", .array(list))])
        case .illegalTransition(let action, let status):
            let allowed = action == LifecycleStep.resume ? "PAUSED" : action == LifecycleStep.complete ? "LIVE or PAUSED" : "LIVE"
            return .badInput(
                "Only \(allowed) campaigns can be \(action == LifecycleStep.complete ? "completed" : action + "d"); this campaign is \(status.apiName).",
                field: "id", [("status", .string(status.apiName))])
        case .notChangeableOnPlatform(let field, let message):
            return .badInput(message, field: field)
        case .inProgress:
            return UserError("Another launch or status change of this campaign is running; try again when it has finished.", code: .conflict)
        case .pendingOnPlatform(let step, let platformError):
            var error = LifecycleError.platform(step: step, platformError).presented
            error.graphQLMessage += " The change is saved; what it still needs on the platform waits for pushCampaignChanges, which never creates anything twice."
            error.graphQLExtensions["pending"] = .bool(true)
            return error
        case .platform(let step, let platformError):
            // The platform's own code (PLATFORM_RATE_LIMITED, PLATFORM_UNAVAILABLE, RECONNECT_REQUIRED, …), plus the step that failed.
            var error = platformError.presented
            error.graphQLMessage = "The \(step.replacingOccurrences(of: "_", with: " ")) step failed. " + error.graphQLMessage
            error.graphQLExtensions["step"] = .string(step)
            return error
        }
    }
}
