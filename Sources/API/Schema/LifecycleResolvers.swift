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
            let outcome = try lifecycle(context).launch(id, organizationID: session.organizationID, dryRun: dryRun)
            return LaunchResult(campaign: try CampaignService().get(id, in: session), dryRun: outcome.dryRun,
                                plannedRequests: outcome.plannedRequests)
        }
        for (field, operation) in [("pauseCampaign", LifecycleOperation.pause), ("resumeCampaign", .resume), ("completeCampaign", .complete)] {
            resolvers.mutation(field) { context, session in
                let id = try CampaignResolvers.campaignID(context.argument("id"))
                let service = try lifecycle(context)
                switch operation {
                case .pause: try service.pause(id, organizationID: session.organizationID)
                case .resume: try service.resume(id, organizationID: session.organizationID)
                case .complete: try service.complete(id, organizationID: session.organizationID)
                }
                return try CampaignService().get(id, in: session)
            }
        }
        resolvers.mutation("pushCampaignChanges") { context, session in
            let id = try CampaignResolvers.campaignID(context.argument("id"))
            try lifecycle(context).pushPendingChanges(id, organizationID: session.organizationID)
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
