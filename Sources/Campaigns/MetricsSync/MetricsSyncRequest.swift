import Foundation

/// A request for a metrics sync, as a background job's payload: one campaign (`campaignId`, queued by the API
/// for the campaign's organization), or every organization's campaigns (no `campaignId`, queued by the scheduler).
public struct MetricsSyncRequest: Codable, Sendable, Equatable {
    /// The job kind that runs ``MetricsSync``.
    public static let jobKind = "syncCampaignMetrics"

    public var campaignId: UUID?

    public init(campaignId: UUID? = nil) {
        self.campaignId = campaignId
    }

    /// At most one pending sync per campaign.
    public static func uniqueKey(campaignID: UUID) -> String {
        "\(jobKind):\(campaignID.uuidString.lowercased())"
    }
}
