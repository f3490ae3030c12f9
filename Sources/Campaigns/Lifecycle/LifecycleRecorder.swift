import Foundation
import Postgres

/// Writes what a lifecycle operation did, each call in its own committed transaction on the operation's
/// connection: a platform id is on record the moment the platform has returned it, and a failure's log entry
/// stays whatever happens to the caller's request.
struct LifecycleRecorder {
    let connection: PostgresConnection
    let organizationID: UUID
    let campaignID: UUID

    /// The platform campaign exists: map it to ours and log the step.
    func campaignCreated(platform: Platform, externalID: String) throws {
        try transaction { session in
            try session.connection.query(
                "INSERT INTO campaign_platform_maps (campaign_id, organization_id, platform, external_campaign_id) VALUES (\(campaignID), \(organizationID), \(platform.rawValue), \(externalID))")
            try log(LifecycleStep.createCampaign, success: true, "Created \(platform.displayName) campaign \(externalID).", in: session)
        }
    }

    func adGroupCreated(unit: CampaignUnit, externalID: String) throws {
        try transaction { session in
            try session.connection.query(
                "UPDATE campaign_units SET external_id = \(externalID) WHERE organization_id = \(organizationID) AND id = \(unit.id)")
            try log(LifecycleStep.createAdGroup, success: true, "Created ad group \(externalID) for unit \"\(unit.name)\".", in: session)
        }
    }

    func adCreated(creative: AdCreative, unitName: String, externalID: String) throws {
        try transaction { session in
            try session.connection.query(
                "UPDATE ad_creatives SET external_id = \(externalID) WHERE organization_id = \(organizationID) AND id = \(creative.id)")
            try log(LifecycleStep.createAd, success: true,
                    "Created ad \(externalID) for creative \"\(creative.headline)\" of unit \"\(unitName)\".", in: session)
        }
    }

    /// The operation succeeded: the new status and its log entry, together.
    func statusChanged(to status: CampaignStatus, action: String, _ message: String) throws {
        try transaction { session in
            try setStatus(status, in: session)
            try log(action, success: true, message, in: session)
        }
    }

    /// A step failed: the error is logged and, for a launch, the campaign becomes `error`.
    func failed(_ action: String, _ message: String, status: CampaignStatus?) throws {
        try transaction { session in
            if let status { try setStatus(status, in: session) }
            try log(action, success: false, message, in: session)
        }
    }

    private func setStatus(_ status: CampaignStatus, in session: TenantSession) throws {
        try session.connection.query(
            "UPDATE campaigns SET status = \(status.rawValue), updated_at = now() WHERE organization_id = \(organizationID) AND id = \(campaignID)")
    }

    /// clock_timestamp(), not now(): entries of one transaction still order by when they happened.
    func log(_ action: String, success: Bool, _ message: String, in session: TenantSession) throws {
        try session.connection.query(
            """
            INSERT INTO campaign_execution_logs (organization_id, campaign_id, action, status, message, created_at)
            VALUES (\(organizationID), \(campaignID), \(action), \(success ? "success" : "error"), \(message), clock_timestamp())
            """)
    }

    private func transaction(_ body: (TenantSession) throws -> Void) throws {
        try connection.withTenantTransaction(organizationID, body)
    }
}

/// The `action` of execution-log entries written by lifecycle operations.
public enum LifecycleStep {
    public static let createCampaign = "create_campaign"
    public static let createAdGroup = "create_ad_group"
    public static let createAd = "create_ad"
    public static let launch = "launch"
    public static let pause = "pause"
    public static let resume = "resume"
    public static let complete = "complete"
    /// A live campaign's own fields (name, budget, …) changed on the platform and here.
    public static let update = "update"
    /// A replaced creative version's ad paused on the platform.
    public static let retireAd = "retire_ad"
    /// A live campaign's addition refused by the platform and removed here.
    public static let refuseAddition = "refuse_addition"
}
