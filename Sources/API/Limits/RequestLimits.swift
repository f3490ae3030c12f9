import Campaigns

/// What one API request may cost the shared server beyond its document: its transaction's time limits, and the
/// pace of the mutations that call the ad platforms or queue work for an organization.
public struct RequestLimits: Sendable {
    /// Time limits of each request's transaction.
    public var timeouts: TransactionTimeouts
    /// Expensive mutations an organization may run at once after a quiet period; `0` turns the rate limit off.
    public var rateLimitBurst: Int
    /// How many expensive mutations an organization's bucket regains a minute.
    public var rateLimitPerMinute: Int
    /// A `syncCampaignMetrics` within this many seconds of the campaign's last one answers that sync's job.
    public var syncMetricsReuseSeconds: Int

    public init(
        timeouts: TransactionTimeouts = TransactionTimeouts(), rateLimitBurst: Int = 30, rateLimitPerMinute: Int = 30,
        syncMetricsReuseSeconds: Int = 60
    ) {
        self.timeouts = timeouts
        self.rateLimitBurst = rateLimitBurst
        self.rateLimitPerMinute = rateLimitPerMinute
        self.syncMetricsReuseSeconds = syncMetricsReuseSeconds
    }

    /// The mutations the rate limit counts: each calls an ad platform or queues platform work.
    static let rateLimitedMutations: Set<String> = [
        "launchCampaign", "pauseCampaign", "resumeCampaign", "completeCampaign", "pushCampaignChanges", "syncCampaignMetrics", "evaluateAutomationRules",
        "syncAdAccounts", "setAdAccountPage", "setCampaignMetaPixel", "startOAuth", "completeOAuth", "uploadMedia", "copyCampaign",
    ]
}
