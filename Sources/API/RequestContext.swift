import Campaigns

/// What every resolver of one request shares: the caller's organization-scoped session and the services.
public struct RequestContext: Sendable {
    public let session: TenantSession
    public let services: APIServices
}
