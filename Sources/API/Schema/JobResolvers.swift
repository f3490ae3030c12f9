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

        resolvers.query("jobs") { context in
            let session = try context.session
            let first = try context.first(in: 1...100)
            let after = try context.after(PageCursor.decode).map { JobCursor(createdAt: $0.createdAt, id: $0.id) }
            var state: JobState?
            if case .string(let text)? = context.argument("state") { state = JobState(rawValue: text.lowercased()) }
            return JobConnection(page: try queue.list(
                organizationID: session.organizationID, state: state, first: first, after: after, on: session.connection))
        }
        resolvers.object("JobConnection", of: JobConnection.self) { object in
            object.field("edges") { connection, _ in
                connection.page.jobs.map { JobEdge(job: $0, cursor: encodeCursor($0.cursor)) }
            }
            object.field("pageInfo") { connection, _ in
                PageInfo(hasNextPage: connection.page.hasNextPage, endCursor: connection.page.jobs.last.map { encodeCursor($0.cursor) })
            }
        }
        resolvers.object("JobEdge", of: JobEdge.self) { object in
            object.field("cursor") { edge, _ in edge.cursor }
            object.field("node") { edge, _ in edge.job }
        }

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
            guard try CampaignService().find(id, in: session) != nil else { throw UserError.notFound(.campaign) }
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
