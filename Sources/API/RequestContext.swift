import Campaigns

/// What every resolver of one request shares: the caller's organization-scoped session.
public struct RequestContext: Sendable {
    public let session: TenantSession
}
