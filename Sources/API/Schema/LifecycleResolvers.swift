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
        let campaigns = CampaignService()

        resolvers.mutation("launchCampaign") { context, session in
            let id = try context.id("id", of: .campaign)
            let dryRun = context.argument("dryRun") == .bool(true)
            let outcome = try context.services.lifecycle.launch(id, organizationID: session.organizationID, dryRun: dryRun)
            return LaunchResult(campaign: try campaigns.get(id, in: session), dryRun: outcome.dryRun,
                                plannedRequests: outcome.plannedRequests)
        }
        for (field, operation) in [("pauseCampaign", LifecycleOperation.pause), ("resumeCampaign", .resume), ("completeCampaign", .complete)] {
            resolvers.mutation(field) { context, session in
                let id = try context.id("id", of: .campaign)
                let service = try context.services.lifecycle
                switch operation {
                case .pause: try service.pause(id, organizationID: session.organizationID)
                case .resume: try service.resume(id, organizationID: session.organizationID)
                case .complete: try service.complete(id, organizationID: session.organizationID)
                }
                return try campaigns.get(id, in: session)
            }
        }
        resolvers.mutation("pushCampaignChanges") { context, session in
            let id = try context.id("id", of: .campaign)
            try context.services.lifecycle.pushPendingChanges(id, organizationID: session.organizationID)
            return try campaigns.get(id, in: session)
        }
        resolvers.object("LaunchResult", of: LaunchResult.self) { object in
            object.field("campaign") { result, _ in result.campaign }
            object.field("dryRun") { result, _ in result.dryRun }
            object.field("plannedRequests") { result, _ in result.plannedRequests }
        }
        resolvers.object("PlannedPlatformRequest", of: PlannedPlatformRequest.self) { object in
            object.field("step") { request, _ in request.step }
            object.field("method") { request, _ in request.method }
            object.field("url") { request, _ in request.url }
            object.field("body") { request, _ in request.body }
        }

        resolvers.query("platformCapabilities") { _ in PlatformCapabilities.all }
        typealias Table = PlatformCapabilities
        resolvers.object("PlatformCapabilities", of: Table.self) { object in
            object.field("platform") { table, _ in table.platform.apiName }
            object.field("adFormat") { table, _ in table.adFormat }
            object.field("supportsImages") { table, _ in table.supportsImages }
            object.field("headlineMaxLength") { table, _ in table.headlineMaxLength }
            object.field("headlinePartsMax") { table, _ in table.headlinePartsMax }
            object.field("descriptionMaxLength") { table, _ in table.descriptionMaxLength }
            object.field("callToActions") { table, _ in
                CallToAction.allCases.compactMap { action in
                    table.callToActions[action].map { PlatformCallToAction(callToAction: action, platformValue: $0) }
                }
            }
            object.field("objectives") { table, _ in
                Objective.allCases.compactMap { objective in
                    table.objectives[objective].map { PlatformObjective(objective: objective, platformValue: $0) }
                }
            }
        }
        resolvers.object("PlatformCallToAction", of: PlatformCallToAction.self) { object in
            object.field("callToAction") { entry, _ in entry.callToAction.apiName }
            object.field("platformValue") { entry, _ in entry.platformValue }
            object.field("label") { entry, _ in entry.callToAction.label }
        }
        resolvers.object("PlatformObjective", of: PlatformObjective.self) { object in
            object.field("objective") { entry, _ in entry.objective.apiName }
            object.field("platformValue") { entry, _ in entry.platformValue }
        }
        return resolvers
    }

    enum LifecycleOperation: Sendable { case pause, resume, complete }
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
