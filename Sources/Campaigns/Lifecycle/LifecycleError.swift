import Foundation
import Integrations
import Postgres

/// One reason a campaign cannot launch, naming the field it concerns (`budget.amount`,
/// `units[0].creatives[1].headline`, …) so a client can point at it.
public struct LaunchProblem: Sendable, Equatable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}

/// Why a lifecycle operation was refused or failed; the API maps each case to a GraphQL error code.
public enum LifecycleError: Error, Sendable, Equatable {
    case notFound
    /// Every problem found before touching the platform, not only the first.
    case validation([LaunchProblem])
    /// `action` (pause, resume, complete) is not allowed from `status`.
    case illegalTransition(action: String, status: CampaignStatus)
    /// Another launch or status change of the same campaign is running.
    case inProgress
    /// The platform refused or failed `step`; the campaign's log has the reason.
    case platform(step: String, PlatformError)
    /// An addition to a live campaign is saved, but `step` failed on the platform for a reason other than a refusal
    /// (the platform may even have applied it): what is left (an object without a platform id, a replaced version's
    /// ad to pause) waits for `pushPendingChanges`.
    case pendingOnPlatform(step: String, PlatformError)
    /// A change a campaign on its platform cannot take (its objective, its budget's type, anything once completed);
    /// `field` names the input.
    case notChangeableOnPlatform(field: String, message: String)
}

extension PlatformError {
    /// A failure of a platform call as a `PlatformError`: an integration that can no longer give a token reads as
    /// "reconnect required"; anything else unexpected as permanent. Database errors are not platform failures (nil).
    static func of(_ error: any Error) -> PlatformError? {
        switch error {
        case let error as PlatformError: return error
        case is PostgresError: return nil
        case IntegrationError.reconnectRequired(_, let message): return .reconnectRequired(message: message)
        case IntegrationError.integrationNotFound: return .reconnectRequired(message: "The integration is gone.")
        default: return .permanent(message: "\(error)")
        }
    }
}
