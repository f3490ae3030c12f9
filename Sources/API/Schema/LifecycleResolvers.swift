import Campaigns
import Foundation
import GraphQL
import Integrations

/// launchCampaign, pauseCampaign, resumeCampaign, completeCampaign, and the platform capability table.
///
/// The lifecycle service commits its own steps on connections of its own; the mutation's savepoint in the request
/// transaction only covers what the resolver itself reads, so a failed launch keeps its `error` status and log.
enum LifecycleResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()

        resolvers.mutation("launchCampaign") { context, session in
            let id = try CampaignResolvers.campaignID(context.argument("id"))
            let dryRun = context.argument("dryRun") == .bool(true)
            let outcome = try mapped { try lifecycle(context).launch(id, organizationID: session.organizationID, dryRun: dryRun) }
            return LaunchResult(campaign: try CampaignService().get(id, in: session), dryRun: outcome.dryRun,
                                plannedRequests: outcome.plannedRequests)
        }
        for (field, operation) in [("pauseCampaign", LifecycleOperation.pause), ("resumeCampaign", .resume), ("completeCampaign", .complete)] {
            resolvers.mutation(field) { context, session in
                let id = try CampaignResolvers.campaignID(context.argument("id"))
                let service = try lifecycle(context)
                try mapped {
                    switch operation {
                    case .pause: try service.pause(id, organizationID: session.organizationID)
                    case .resume: try service.resume(id, organizationID: session.organizationID)
                    case .complete: try service.complete(id, organizationID: session.organizationID)
                    }
                }
                return try CampaignService().get(id, in: session)
            }
        }
        resolvers.mutation("pushCampaignChanges") { context, session in
            let id = try CampaignResolvers.campaignID(context.argument("id"))
            try mapped { try lifecycle(context).pushPendingChanges(id, organizationID: session.organizationID) }
            return try CampaignService().get(id, in: session)
        }
        resolvers.field("LaunchResult", "campaign", on: LaunchResult.self) { result, _ in result.campaign }
        resolvers.field("LaunchResult", "dryRun", on: LaunchResult.self) { result, _ in result.dryRun }
        resolvers.field("LaunchResult", "plannedRequests", on: LaunchResult.self) { result, _ in result.plannedRequests }
        resolvers.field("PlannedPlatformRequest", "step", on: PlannedPlatformRequest.self) { request, _ in request.step }
        resolvers.field("PlannedPlatformRequest", "method", on: PlannedPlatformRequest.self) { request, _ in request.method }
        resolvers.field("PlannedPlatformRequest", "url", on: PlannedPlatformRequest.self) { request, _ in request.url }
        resolvers.field("PlannedPlatformRequest", "body", on: PlannedPlatformRequest.self) { request, _ in request.body }

        resolvers.field("Query", "platformCapabilities") { _ in PlatformCapabilities.all }
        typealias Table = PlatformCapabilities
        resolvers.field("PlatformCapabilities", "platform", on: Table.self) { table, _ in table.platform.apiName }
        resolvers.field("PlatformCapabilities", "adFormat", on: Table.self) { table, _ in table.adFormat }
        resolvers.field("PlatformCapabilities", "supportsImages", on: Table.self) { table, _ in table.supportsImages }
        resolvers.field("PlatformCapabilities", "headlineMaxLength", on: Table.self) { table, _ in table.headlineMaxLength }
        resolvers.field("PlatformCapabilities", "headlinePartsMax", on: Table.self) { table, _ in table.headlinePartsMax }
        resolvers.field("PlatformCapabilities", "descriptionMaxLength", on: Table.self) { table, _ in table.descriptionMaxLength }
        resolvers.field("PlatformCapabilities", "callToActions", on: Table.self) { table, _ in
            CallToAction.allCases.compactMap { action in
                table.callToActions[action].map { PlatformCallToAction(callToAction: action, platformValue: $0) }
            }
        }
        resolvers.field("PlatformCapabilities", "objectives", on: Table.self) { table, _ in
            Objective.allCases.compactMap { objective in
                table.objectives[objective].map { PlatformObjective(objective: objective, platformValue: $0) }
            }
        }
        resolvers.field("PlatformCallToAction", "callToAction", on: PlatformCallToAction.self) { entry, _ in entry.callToAction.apiName }
        resolvers.field("PlatformCallToAction", "platformValue", on: PlatformCallToAction.self) { entry, _ in entry.platformValue }
        resolvers.field("PlatformCallToAction", "label", on: PlatformCallToAction.self) { entry, _ in entry.callToAction.label }
        resolvers.field("PlatformObjective", "objective", on: PlatformObjective.self) { entry, _ in entry.objective.apiName }
        resolvers.field("PlatformObjective", "platformValue", on: PlatformObjective.self) { entry, _ in entry.platformValue }
        return resolvers
    }

    enum LifecycleOperation: Sendable { case pause, resume, complete }

    static func lifecycle(_ context: FieldContext) throws -> CampaignLifecycleService {
        try context.context(as: RequestContext.self).services.lifecycle
    }

    /// Lifecycle refusals and platform failures as client-facing errors.
    static func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as LifecycleError {
            throw userError(error)
        }
    }

    static func userError(_ error: LifecycleError) -> UserError {
        switch error {
        case .notFound:
            return CampaignResolvers.notFound
        case .validation(let problems):
            let list = problems.map { problem -> JSON in
                .object(JSONObject([("field", .string(problem.field)), ("code", .string(problem.code)), ("message", .string(problem.message))]))
            }
            let summary = problems.map { "\($0.field): \($0.message)" }.joined(separator: " ")
            return UserError(
                "The campaign cannot launch (\(problems.count) problem\(problems.count == 1 ? "" : "s")). \(summary)", code: "BAD_USER_INPUT",
                extensions: JSONObject([("field", .string(problems.first?.field ?? "id")), ("problems", .array(list))]))
        case .illegalTransition(let action, let status):
            let allowed = action == LifecycleStep.resume ? "PAUSED" : action == LifecycleStep.complete ? "LIVE or PAUSED" : "LIVE"
            return UserError(
                "Only \(allowed) campaigns can be \(action == LifecycleStep.complete ? "completed" : action + "d"); this campaign is \(status.apiName).",
                code: "BAD_USER_INPUT", extensions: JSONObject([("field", .string("id")), ("status", .string(status.apiName))]))
        case .notChangeableOnPlatform(let field, let message):
            return UserError(message, code: "BAD_USER_INPUT", extensions: JSONObject([("field", .string(field))]))
        case .inProgress:
            return UserError("Another launch or status change of this campaign is running; try again when it has finished.", code: "CONFLICT")
        case .pendingOnPlatform(let step, let platformError):
            var error = userError(.platform(step: step, platformError))
            error.graphQLMessage += " The change is saved; what it still needs on the platform waits for pushCampaignChanges, which never creates anything twice."
            error.graphQLExtensions["pending"] = .bool(true)
            return error
        case .platform(let step, let platformError):
            // The integration endpoints' codes (PLATFORM_RATE_LIMITED, PLATFORM_UNAVAILABLE, RECONNECT_REQUIRED, …),
            // plus the step that failed.
            guard var mapped = IntegrationErrorMapping.graphQLError(platformError) as? UserError else {
                return UserError(platformError.message, code: "PLATFORM_ERROR")
            }
            mapped.graphQLMessage = "The \(step.replacingOccurrences(of: "_", with: " ")) step failed. " + mapped.graphQLMessage
            mapped.graphQLExtensions["step"] = .string(step)
            return mapped
        }
    }
}

extension APIServices {
    /// The lifecycle service over this server's pool, adapters and token store.
    var lifecycle: CampaignLifecycleService {
        CampaignLifecycleService(
            pool: pool, adapters: adapters, tokens: TokenService(providers: providers, encryptionKey: tokenEncryptionKey))
    }
}

struct LaunchResult: GraphQLObject {
    var campaign: Campaign
    var dryRun: Bool
    var plannedRequests: [PlannedPlatformRequest]
}

struct PlatformCallToAction: GraphQLObject {
    var callToAction: CallToAction
    var platformValue: String
}

struct PlatformObjective: GraphQLObject {
    var objective: Objective
    var platformValue: String
}

extension PlannedPlatformRequest: GraphQLObject {}
extension PlatformCapabilities: GraphQLObject {}
