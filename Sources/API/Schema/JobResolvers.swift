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
        let campaigns = CampaignService()

        resolvers.query("jobs") { context in
            let session = try context.session
            let first = try context.first(in: 1...100)
            let after = try context.after(PageCursor.decode).map { JobCursor(createdAt: $0.createdAt, id: $0.id) }
            var state: JobState?
            if case .string(let text)? = context.argument("state") { state = JobState(rawValue: text.lowercased()) }
            let page = try queue.list(organizationID: session.organizationID, state: state, first: first, after: after, on: session.connection)
            return Connection(page.jobs, hasNextPage: page.hasNextPage, cursor: { PageCursor.encode(createdAt: $0.cursor.createdAt, id: $0.cursor.id) })
        }

        resolvers.connection("Job", of: Job.self)
        resolvers.object("Job", of: Job.self) { object in
            object.field("id") { job, _ in GlobalID.encode(.job, job.id) }
            object.field("kind") { job, _ in job.kind }
            object.field("state") { job, _ in job.state.rawValue.uppercased() }
            object.field("attempts") { job, _ in job.attempts }
            object.field("maxAttempts") { job, _ in job.maxAttempts }
            object.field("runAt") { job, _ in job.runAt.graphQLDateTime }
            object.field("lastError") { job, _ in job.lastError }
            object.field("createdAt") { job, _ in job.createdAt.graphQLDateTime }
            object.field("finishedAt") { job, _ in job.finishedAt?.graphQLDateTime }
        }

        // A sync asked again while one is queued or running, or within the reuse window of the last one, answers
        // that sync's job: one tenant cannot queue platform syncs faster than the platforms are worth asking.
        resolvers.mutation("syncCampaignMetrics") { context, session in
            let id = try context.id("campaignId", of: .campaign)
            guard try campaigns.find(id, in: session) != nil else { throw UserError.notFound(.campaign) }
            let reuseSeconds = try context.request.services.limits.syncMetricsReuseSeconds
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

        return resolvers
    }
}

extension Job: GraphQLObject { public var graphQLTypeName: String? { "Job" } }
