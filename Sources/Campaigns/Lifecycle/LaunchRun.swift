import Foundation
import Integrations
import Postgres

/// One launch attempt after validation: creates on the platform what has no platform id yet, in order
/// (campaign with budget → each unit's ad group → each creative's ad), recording each id and log entry at once.
/// A live campaign's additions go through `createMissing` alone (`live`).
struct LaunchRun {
    let plan: LaunchPlan
    let adapter: any PlatformAdapter
    let tokens: TokenService
    let connection: PostgresConnection
    let organizationID: UUID

    var recorder: LifecycleRecorder {
        LifecycleRecorder(connection: connection, organizationID: organizationID, campaignID: plan.campaign.id)
    }

    /// A live campaign's edit: a failure is logged, but the campaign keeps its status and keeps delivering.
    var live = false

    func run() throws {
        let platform = plan.campaign.platform
        let externalCampaignID: String
        if let existing = plan.externalCampaignID {
            externalCampaignID = existing
        } else {
            let spec = plan.campaignSpec
            externalCampaignID = try call(LifecycleStep.createCampaign, "Creating the campaign") { try adapter.createCampaign(spec, in: $0) }
            try recorder.campaignCreated(platform: platform, externalID: externalCampaignID)
        }
        let created = try createMissing(under: externalCampaignID)
        if plan.externalCampaignID != nil {
            // An earlier attempt stopped part-way and held the campaign paused: it delivers again only now.
            try call(LifecycleStep.launch, "Enabling the campaign", holding: externalCampaignID) {
                try adapter.setCampaignStatus(.active, externalCampaignID: externalCampaignID, in: $0)
            }
        }
        try recorder.statusChanged(
            to: .live, action: LifecycleStep.launch,
            "Live on \(platform.displayName) as campaign \(externalCampaignID) (created \(created.adGroups) ad group\(created.adGroups == 1 ? "" : "s") and \(created.ads) ad\(created.ads == 1 ? "" : "s") in this attempt).")
    }

    /// Creates each unit's ad group and each creative's ad that has no platform id yet, recording each at once;
    /// the adapters adopt what an earlier attempt created without hearing back, so nothing is created twice.
    @discardableResult
    func createMissing(under externalCampaignID: String) throws -> (adGroups: Int, ads: Int) {
        var created = (adGroups: 0, ads: 0)
        for planned in plan.units {
            let externalAdGroupID: String
            if let existing = planned.unit.externalID {
                externalAdGroupID = existing
            } else {
                let spec = plan.adGroupSpec(planned, externalCampaignID: externalCampaignID)
                externalAdGroupID = try call(
                    LifecycleStep.createAdGroup, "Creating the ad group of unit \"\(planned.unit.name)\"", holding: externalCampaignID) {
                    try adapter.createAdGroup(spec, in: $0)
                }
                try recorder.adGroupCreated(unit: planned.unit, externalID: externalAdGroupID)
                created.adGroups += 1
            }
            for item in planned.creatives where item.externalID == nil {
                let spec = plan.adSpec(item.creative, externalAdGroupID: externalAdGroupID)
                let externalAdID = try call(
                    LifecycleStep.createAd, "Creating the ad for creative \"\(item.creative.headline)\"", holding: externalCampaignID) {
                    try adapter.createAd(spec, in: $0)
                }
                try recorder.adCreated(creative: item.creative, unitName: planned.unit.name, externalID: externalAdID)
                created.ads += 1
            }
        }
        return created
    }

    /// A platform call with a current access token. A failure marks the campaign `error`, logs what failed and
    /// why, and ends the attempt; a campaign already on the platform (`holding`) is paused there first, so a
    /// launch that stopped half-way does not spend while it shows `error` here (where it cannot be paused).
    /// For a `live` edit the failure is logged only: the campaign keeps its status and delivery.
    @discardableResult
    func call<Value>(_ step: String, _ what: String, holding externalCampaignID: String? = nil,
                             _ body: (PlatformAccount) throws -> Value) throws -> Value {
        guard let integrationID = plan.account?.integrationID else { throw LifecycleError.notFound }
        do {
            return try tokens.withAccessToken(integrationID: integrationID, organizationID: organizationID, on: connection) { token in
                try body(plan.platformAccount(accessToken: token))
            }
        } catch {
            guard let platformError = PlatformError.of(error) else { throw error }
            if live {
                try recorder.failed(step, "\(what) on \(plan.campaign.platform.displayName) failed: \(platformError). The campaign is otherwise as it was.", status: nil)
                throw LifecycleError.platform(step: step, platformError)
            }
            let held = externalCampaignID.map { hold($0, integrationID: integrationID) } ?? ""
            try recorder.failed(step, "\(what) on \(plan.campaign.platform.displayName) failed: \(platformError)\(held)", status: .error)
            throw LifecycleError.platform(step: step, platformError)
        }
    }

    /// Pauses the platform campaign of a launch that failed part-way (best effort); says how it went, for the log.
    private func hold(_ externalCampaignID: String, integrationID: UUID) -> String {
        let platform = plan.campaign.platform.displayName
        do {
            try tokens.withAccessToken(integrationID: integrationID, organizationID: organizationID, on: connection) { token in
                try adapter.setCampaignStatus(.paused, externalCampaignID: externalCampaignID, in: plan.platformAccount(accessToken: token))
            }
            return " The campaign is paused on \(platform) until a launch completes."
        } catch {
            let reason = PlatformError.of(error).map { "\($0)" } ?? "a database error"
            return " Pausing the campaign on \(platform) failed too (\(reason)): it may be delivering."
        }
    }
}
