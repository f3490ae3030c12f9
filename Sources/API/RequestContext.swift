import Campaigns

/// What every resolver of one request shares: the caller's organization-scoped session and the services.
public struct RequestContext: Sendable {
    public let session: TenantSession
    public let services: APIServices
    /// Where uploaded images go; nil when the server has no media folder.
    public var media: MediaStore? = nil
    /// `scheme://host[:port]` of the request as the client sent it, for absolute URLs.
    public var origin: String = ""
}
