import Foundation
import Integrations

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
}
