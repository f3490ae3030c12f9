import Campaigns
import GraphQL
import Synchronization

/// What every resolver of one request shares: the caller's organization-scoped session and the services.
public struct RequestContext: Sendable {
    public let session: TenantSession
    public let services: APIServices
    /// Where uploaded images go; nil when the server has no media folder.
    public var media: MediaStore? = nil
    /// `scheme://host[:port]` of the request as the client sent it, for absolute URLs.
    public var origin: String = ""
    /// What the request's resolvers did that its log line and metrics report.
    let tally = RequestTally()
}

/// Counts, during one request, the fields answered by a planned read (`CampaignReadPlan`) rather than by their
/// resolvers: operators see how much traffic the planner takes, and tests see that it took a document.
final class RequestTally: Sendable {
    private let reads = Atomic<Int>(0)

    func countPlannedRead() {
        reads.add(1, ordering: .relaxed)
    }

    var plannedReads: Int { reads.load(ordering: .relaxed) }
}

extension ResolverContext {
    /// The request's context; throws (masked as an internal error) when a resolver runs outside a request.
    var request: RequestContext { get throws { try context(as: RequestContext.self) } }
    /// The server's services.
    var services: APIServices { get throws { try request.services } }
    /// The caller's organization-scoped session.
    var session: TenantSession { get throws { try request.session } }
}
