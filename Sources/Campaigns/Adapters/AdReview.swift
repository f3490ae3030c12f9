import Foundation

/// An ad's review by its platform, normalized across platforms.
public enum AdReviewStatus: String, Sendable, CaseIterable {
    case approved
    /// Serves, but not everywhere or to everyone (Google `APPROVED_LIMITED`, `AREA_OF_INTEREST_ONLY`).
    case approvedLimited = "approved_limited"
    case underReview = "under_review"
    case disapproved
    /// Meta `WITH_ISSUES`: the ad has a problem to fix before it can deliver as intended.
    case withIssues = "with_issues"
    case unknown
}

/// One ad's review as read from its platform: the normalized status, the platform's own status words, and
/// its reasons (Google's policy topics, Meta's review feedback).
public struct AdReview: Sendable, Equatable {
    /// The ad's external id as the launch recorded it (Google `{adGroupId}~{adId}`, Meta the ad id).
    public var externalAdID: String
    public var status: AdReviewStatus
    public var platformStatus: String
    public var reasons: [String]

    public init(externalAdID: String, status: AdReviewStatus, platformStatus: String, reasons: [String]) {
        self.externalAdID = externalAdID
        self.status = status
        self.platformStatus = String(platformStatus.prefix(200))
        // Stored as they come, within the table's limits.
        self.reasons = reasons.prefix(50).map { String($0.prefix(1000)) }
    }
}
