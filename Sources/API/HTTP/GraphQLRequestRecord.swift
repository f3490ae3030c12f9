import Foundation

/// What one `/graphql` request was and how it ended: what the server logs and counts for it. It holds no
/// variables, no document text and no key, so a log line cannot leak them.
public struct GraphQLRequestRecord: Sendable {
    public enum Outcome: String, Sendable {
        /// Answered without errors.
        case ok
        /// Answered with errors in the body (refused input, platform failures, limits).
        case errors
        /// Refused before the operation ran (no key, bad request, not acceptable).
        case refused
        /// The database or the server failed: 503.
        case unavailable
    }

    /// nginx's `$request_id`, also sent back as `X-Request-Id`.
    public var requestID: String?
    public var organizationID: UUID?
    public var operationName: String?
    /// `query`, `mutation` or `subscription`, once a valid document selected an operation.
    public var operationType: String?
    public var status = 200
    public var outcome = Outcome.ok
    /// The `extensions.code` of the first error, or the refusal's code.
    public var errorCode: String?
    /// Why the server failed (`unavailable`), for the log only; never sent to the client.
    public var failure: String?
    public var seconds = 0.0
    /// The deprecated fields, arguments, input fields and enum values the document uses.
    public var deprecations: [String] = []
    /// Fields answered by one planned statement instead of their resolvers (`CAMPAIGND_PLANNED_READS`).
    public var plannedReads = 0
}
