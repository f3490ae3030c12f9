import Campaigns
import Foundation
import GraphQL
import Jobs

/// `Query.jobs`, the `Job` type, `Mutation.syncCampaignMetrics` and `Campaign.lastMetricsSyncAt`. Jobs are read
/// and queued in the request's transaction, as `campaignd_app`: row-level security shows the organization's
/// jobs only, and the workers hear of a queued job when the request commits.
enum JobResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let queue = JobQueue()

        resolvers.field("Query", "jobs") { context in
            let session = try context.context(as: RequestContext.self).session
            guard case .int(let first)? = context.argument("first"), (1...100).contains(first) else {
                throw UserError.badInput("first must be between 1 and 100.", field: "first")
            }
            var after: JobCursor?
            if case .string(let text)? = context.argument("after") {
                guard let cursor = PageCursor.decode(text) else {
                    throw UserError.badInput("after is not a valid cursor.", field: "after")
                }
                after = JobCursor(createdAt: cursor.createdAt, id: cursor.id)
            }
            var state: JobState?
            if case .string(let text)? = context.argument("state") { state = JobState(rawValue: text.lowercased()) }
            return JobConnection(page: try queue.list(
                organizationID: session.organizationID, state: state, first: first, after: after, on: session.connection))
        }
        resolvers.field("JobConnection", "edges", on: JobConnection.self) { connection, _ in
            connection.page.jobs.map { JobEdge(job: $0, cursor: encodeCursor($0.cursor)) }
        }
        resolvers.field("JobConnection", "pageInfo", on: JobConnection.self) { connection, _ in
            PageInfo(hasNextPage: connection.page.hasNextPage, endCursor: connection.page.jobs.last.map { encodeCursor($0.cursor) })
        }
        resolvers.field("JobEdge", "cursor", on: JobEdge.self) { edge, _ in edge.cursor }
        resolvers.field("JobEdge", "node", on: JobEdge.self) { edge, _ in edge.job }

        resolvers.field("Job", "id", on: Job.self) { job, _ in GlobalID.encode("Job", job.id) }
        resolvers.field("Job", "kind", on: Job.self) { job, _ in job.kind }
        resolvers.field("Job", "state", on: Job.self) { job, _ in job.state.rawValue.uppercased() }
        resolvers.field("Job", "attempts", on: Job.self) { job, _ in job.attempts }
        resolvers.field("Job", "maxAttempts", on: Job.self) { job, _ in job.maxAttempts }
        resolvers.field("Job", "runAt", on: Job.self) { job, _ in job.runAt.graphQLDateTime }
        resolvers.field("Job", "lastError", on: Job.self) { job, _ in job.lastError }
        resolvers.field("Job", "createdAt", on: Job.self) { job, _ in job.createdAt.graphQLDateTime }
        resolvers.field("Job", "finishedAt", on: Job.self) { job, _ in job.finishedAt?.graphQLDateTime }

        // A sync asked again while one is queued or running, or within the reuse window of the last one, answers
        // that sync's job: one tenant cannot queue platform syncs faster than the platforms are worth asking.
        resolvers.mutation("syncCampaignMetrics") { context, session in
            let id = try CampaignResolvers.campaignID(context.argument("campaignId"))
            guard try CampaignService().find(id, in: session) != nil else { throw CampaignResolvers.notFound }
            let reuseSeconds = try context.context(as: RequestContext.self).services.limits.syncMetricsReuseSeconds
            if reuseSeconds > 0, let recent = try queue.recent(
                uniqueKey: MetricsSyncRequest.uniqueKey(campaignID: id), organizationID: session.organizationID,
                within: reuseSeconds, on: session.connection) {
                return recent
            }
            let job = try NewJob(
                kind: MetricsSyncRequest.jobKind, payload: MetricsSyncRequest(campaignId: id), organizationID: session.organizationID,
                uniqueKey: MetricsSyncRequest.uniqueKey(campaignID: id), maxAttempts: 3)
            return try queue.enqueue(job, on: session.connection).job
        }

        resolvers.batch("Campaign", "lastMetricsSyncAt", on: Campaign.self) { campaigns, session in
            let synced = try MetricsSyncTimes().lastSync(of: campaigns.map(\.id), in: session)
            return campaigns.map { synced[$0.id]?.graphQLDateTime }
        }
        return resolvers
    }

    /// The job behind a global id, for `Query.node`: `nil` when it is not the organization's.
    static func node(_ id: UUID, in session: TenantSession) throws -> Job? {
        guard let job = try JobQueue().find(id, on: session.connection), job.organizationID == session.organizationID else { return nil }
        return job
    }

    static func encodeCursor(_ cursor: JobCursor) -> String {
        Data("\(cursor.createdAt)|\(cursor.id.uuidString.lowercased())".utf8).base64EncodedString()
    }
}

struct JobConnection: GraphQLObject {
    var page: JobPage
}

struct JobEdge: GraphQLObject {
    var job: Job
    var cursor: String
}

extension Job: GraphQLObject { public var graphQLTypeName: String? { "Job" } }
