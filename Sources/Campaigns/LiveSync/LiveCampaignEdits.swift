import Foundation
import Integrations
import Postgres

/// Edits of a campaign that is on its platform (live, paused, or held after a launch that stopped part-way):
/// the platform changes first, and here only once it has accepted, so the two never disagree.
///
/// - Its own fields (`editCampaign`): the edit is tried in a transaction that is rolled back, the campaign before
///   and after are compared (`CampaignUpdate.between`), the difference goes to the platform in one request, and
///   only when the platform accepted it is the edit made for real, with its log entry, in one transaction. A
///   refusal leaves the campaign as it was, logged. The update sets values, so a retry never duplicates anything.
/// - A unit or creative added to a live or paused campaign (`addToCampaign`) is committed first, then launched
///   like a launch would (ids committed as they exist, adopted by `LaunchMarker` on a retry). A platform refusal
///   removes what the edit added; any other failure keeps it pending (no platform id), logged, for
///   `pushPendingChanges` to send, which creates nothing twice.
extension CampaignLifecycleService {
    /// Statuses whose campaign exists on its platform and follows our edits.
    static let followsEdits: Set<CampaignStatus> = [.live, .paused, .error]

    /// Whether edits of the campaign must go through `editCampaign` or `addToCampaign` (it has a platform id and is
    /// not a draft), read in the caller's session: drafts, the common case, then need no second connection.
    public static func isOnPlatform(_ campaignID: UUID, in session: TenantSession) throws -> Bool {
        try session.connection.query(
            """
            SELECT EXISTS (SELECT 1 FROM campaigns c JOIN campaign_platform_maps m ON m.organization_id = c.organization_id AND m.campaign_id = c.id
                           WHERE c.organization_id = \(session.organizationID) AND c.id = \(campaignID) AND c.status <> 'draft') AS on_platform
            """)[0].decode("on_platform")
    }

    /// Applies `apply` (a write through `CampaignService` in the session given) to a campaign, on its platform too
    /// when it is there. Returns false when the campaign is not on a platform: the caller then writes as usual.
    public func editCampaign(_ campaignID: UUID, organizationID: UUID, _ apply: (TenantSession) throws -> Void) throws -> Bool {
        try pool.withConnection { connection in
            try locked(campaignID, on: connection) {
                let before = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
                guard let externalCampaignID = before.externalCampaignID, before.campaign.status != .draft else { return false }
                guard Self.followsEdits.contains(before.campaign.status) else {
                    throw LifecycleError.notChangeableOnPlatform(
                        field: "id", message: "This campaign is \(before.campaign.status.rawValue.uppercased()); it can no longer change.")
                }
                let after = try Self.tried(organizationID, on: connection) { session in
                    try apply(session)
                    return try LaunchPlan.load(campaignID, in: session)
                }
                let update = try CampaignUpdate.between(before, after)
                let recorder = LifecycleRecorder(connection: connection, organizationID: organizationID, campaignID: campaignID)
                if !update.isEmpty {
                    let adapter = adapters.adapter(for: before.campaign.platform)
                    try onPlatform(before, LifecycleStep.update, "Changing \(update.summary)", recorder: recorder, on: connection) { account in
                        try adapter.updateCampaign(update, externalCampaignID: externalCampaignID, in: account)
                    }
                }
                try connection.withTenantTransaction(organizationID) { session in
                    try apply(session)
                    // An edit that changes nothing is no event for the log.
                    guard !update.isEmpty else { return }
                    try recorder.log(LifecycleStep.update, success: true,
                                     "Changed \(update.summary) on \(before.campaign.platform.displayName) campaign \(externalCampaignID) and here.", in: session)
                }
                return true
            }
        }
    }

    /// Adds a unit or creative (`insert`, in the session given, committed at once) to a live or paused campaign and
    /// launches what it added. Returns nil when the campaign is not live or paused: the caller then inserts as usual
    /// (a draft, or a failed launch, which its next launch completes).
    public func addToCampaign<Value>(_ campaignID: UUID, organizationID: UUID, _ insert: (TenantSession) throws -> Value) throws -> Value? {
        try pool.withConnection { connection in
            try locked(campaignID, on: connection) {
                let before = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
                if before.campaign.status == .completed {
                    throw LifecycleError.notChangeableOnPlatform(field: "id", message: "This campaign is COMPLETED; it can no longer change.")
                }
                guard before.externalCampaignID != nil, before.campaign.status == .live || before.campaign.status == .paused else { return nil }
                let value = try connection.withTenantTransaction(organizationID) { try insert($0) }
                try push(campaignID, organizationID, on: connection, pendingBefore: before.pendingObjects)
                return value
            }
        }
    }

    /// Sends a live or paused campaign's units and creatives that are not on its platform yet (an addition whose
    /// launch failed part-way) and pauses the ads of replaced creative versions. Safe to repeat.
    public func pushPendingChanges(_ campaignID: UUID, organizationID: UUID) throws {
        try pool.withConnection { connection in
            try locked(campaignID, on: connection) {
                let plan = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
                guard plan.externalCampaignID != nil, plan.campaign.status == .live || plan.campaign.status == .paused else {
                    throw LifecycleError.notChangeableOnPlatform(
                        field: "id",
                        message: "Only LIVE or PAUSED campaigns have changes to send; this campaign is \(plan.campaign.status.rawValue.uppercased()).")
                }
                try push(campaignID, organizationID, on: connection, pendingBefore: nil)
            }
        }
    }

    /// Launches what has no platform id yet, then retires replaced versions' ads. `pendingBefore` (the objects that
    /// were already pending before this edit) tells what this edit added, which a platform refusal removes again;
    /// nil keeps everything (a retry).
    private func push(_ campaignID: UUID, _ organizationID: UUID, on connection: PostgresConnection, pendingBefore: Set<UUID>?) throws {
        let plan = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
        guard let externalCampaignID = plan.externalCampaignID else { return }
        let problems = plan.additionProblems
        let recorder = LifecycleRecorder(connection: connection, organizationID: organizationID, campaignID: campaignID)
        if !problems.isEmpty {
            if let pendingBefore { try removeAdded(plan, pendingBefore, organizationID, on: connection, recorder: recorder, reason: "it cannot launch") }
            throw LifecycleError.validation(problems)
        }
        let run = LaunchRun(plan: plan, adapter: adapters.adapter(for: plan.campaign.platform), tokens: tokens, connection: connection,
                            organizationID: organizationID, live: true)
        do {
            try run.createMissing(under: externalCampaignID)
        } catch LifecycleError.platform(let step, let error) {
            guard let pendingBefore else { throw LifecycleError.platform(step: step, error) }
            if case .invalidRequest = error {
                try removeAdded(plan, pendingBefore, organizationID, on: connection, recorder: recorder, reason: "\(plan.campaign.platform.displayName) refused it")
                throw LifecycleError.platform(step: step, error)
            }
            throw LifecycleError.pendingOnPlatform(step: step, error)
        }
        do {
            try retireReplacedAds(plan, organizationID, on: connection, recorder: recorder, run: run)
        } catch LifecycleError.platform(let step, let error) where pendingBefore != nil {
            // The new version is live; pausing the old one's ad is what is left, for the next push.
            throw LifecycleError.pendingOnPlatform(step: step, error)
        }
    }

    /// A refused addition is undone: the units and creatives this edit added that have no platform id are deleted.
    private func removeAdded(_ plan: LaunchPlan, _ pendingBefore: Set<UUID>, _ organizationID: UUID, on connection: PostgresConnection,
                             recorder: LifecycleRecorder, reason: String) throws {
        let added = plan.pendingObjects.subtracting(pendingBefore)
        guard !added.isEmpty else { return }
        try connection.withTenantTransaction(organizationID) { session in
            let creatives = try session.connection.query(
                "DELETE FROM ad_creatives WHERE organization_id = \(organizationID) AND id = ANY(\(uuidArray(Array(added)))::uuid[]) AND external_id IS NULL RETURNING id").count
            let units = try session.connection.query(
                "DELETE FROM campaign_units WHERE organization_id = \(organizationID) AND id = ANY(\(uuidArray(Array(added)))::uuid[]) AND external_id IS NULL RETURNING id").count
            try recorder.log(LifecycleStep.refuseAddition, success: false,
                             "Not added, because \(reason): removed \(units) unit\(units == 1 ? "" : "s") and \(creatives) creative\(creatives == 1 ? "" : "s") again; the campaign is as it was.",
                             in: session)
        }
    }

    /// Pauses the ad of each creative version that a newer version with its own ad replaced, once.
    private func retireReplacedAds(_ plan: LaunchPlan, _ organizationID: UUID, on connection: PostgresConnection,
                                   recorder: LifecycleRecorder, run: LaunchRun) throws {
        let replaced = try connection.withTenantTransaction(organizationID) { session in
            try session.connection.query(
                """
                SELECT old.id, old.external_id, old.version FROM ad_creatives old
                JOIN ad_creatives new ON new.organization_id = old.organization_id AND new.parent_id = old.id
                JOIN campaign_units u ON u.organization_id = old.organization_id AND u.id = old.campaign_unit_id
                WHERE old.organization_id = \(organizationID) AND u.campaign_id = \(plan.campaign.id) AND old.external_id IS NOT NULL
                  AND old.platform_retired_at IS NULL AND new.external_id IS NOT NULL
                ORDER BY old.created_at
                """
            ).map { (id: try $0.decode("id", as: UUID.self), externalID: try $0.decode("external_id", as: String.self), version: try $0.decode("version", as: Int.self)) }
        }
        let adapter = adapters.adapter(for: plan.campaign.platform)
        for old in replaced {
            try run.call(LifecycleStep.retireAd, "Pausing ad \(old.externalID) of the replaced version \(old.version)") { account in
                try adapter.setAdStatus(.paused, externalAdID: old.externalID, in: account)
            }
            try connection.withTenantTransaction(organizationID) { session in
                try session.connection.query("UPDATE ad_creatives SET platform_retired_at = now() WHERE organization_id = \(organizationID) AND id = \(old.id)")
                try recorder.log(LifecycleStep.retireAd, success: true,
                                 "Paused ad \(old.externalID) of creative version \(old.version), replaced by version \(old.version + 1).", in: session)
            }
        }
    }

    /// A platform call for a live edit: a failure is logged ("nothing changed") and thrown; the status stays.
    private func onPlatform(_ plan: LaunchPlan, _ step: String, _ what: String, recorder: LifecycleRecorder, on connection: PostgresConnection,
                            _ body: (PlatformAccount) throws -> Void) throws {
        guard let integrationID = plan.account?.integrationID else { throw LifecycleError.notFound }
        do {
            try tokens.withAccessToken(integrationID: integrationID, organizationID: recorder.organizationID, on: connection) { token in
                try body(plan.platformAccount(accessToken: token))
            }
        } catch {
            guard let platformError = PlatformError.of(error) else { throw error }
            try recorder.failed(step, "\(what) on \(plan.campaign.platform.displayName) failed: \(platformError); nothing changed here.", status: nil)
            throw LifecycleError.platform(step: step, platformError)
        }
    }

    /// Runs `body` in a transaction that is always rolled back, and returns the campaign it read: the edit as it would be.
    private static func tried(_ organizationID: UUID, on connection: PostgresConnection,
                              _ body: (TenantSession) throws -> LaunchPlan) throws -> LaunchPlan {
        do {
            _ = try connection.withTenantTransaction(organizationID) { session -> Never in throw RolledBackEdit(plan: try body(session)) }
        } catch let rolledBack as RolledBackEdit {
            return rolledBack.plan
        }
    }
}

/// Carries a tried edit's result out of the transaction it rolls back.
private struct RolledBackEdit: Error {
    let plan: LaunchPlan
}

extension CampaignUpdate {
    /// What a local edit changed that the platform must change too; refuses what a campaign on its platform cannot
    /// change (its objective, its budget's type: Meta refuses a switch between daily and lifetime budgets, Google's
    /// budget keeps its period).
    static func between(_ before: LaunchPlan, _ after: LaunchPlan) throws -> CampaignUpdate {
        let platform = before.campaign.platform.displayName
        if before.campaign.objective != after.campaign.objective {
            throw LifecycleError.notChangeableOnPlatform(
                field: "objective", message: "The objective of a campaign on \(platform) cannot change; create a new campaign instead.")
        }
        guard let old = before.budget, let new = after.budget else {
            throw LifecycleError.notChangeableOnPlatform(field: "budget", message: "A campaign on \(platform) needs its budget.")
        }
        if old.type != new.type {
            throw LifecycleError.notChangeableOnPlatform(
                field: "budget.type", message: "A \(old.type.rawValue) budget on \(platform) cannot become \(new.type.rawValue); create a new campaign instead.")
        }
        // A campaign that runs keeps the day it started; its end can move, but not go away (a lifetime budget needs
        // it, and neither platform is sent an end to remove).
        if before.campaign.startDate != after.campaign.startDate {
            throw LifecycleError.notChangeableOnPlatform(
                field: "startDate", message: "The start date of a campaign on \(platform) cannot change; change its end date, or pause it.")
        }
        if before.campaign.endDate != nil, after.campaign.endDate == nil {
            throw LifecycleError.notChangeableOnPlatform(
                field: "endDate", message: "The end date of a campaign on \(platform) can move, but not be removed.")
        }
        var update = CampaignUpdate(campaignID: after.campaign.id, budgetType: new.type, currency: new.currency)
        if before.campaign.name != after.campaign.name { update.name = after.campaign.name }
        if old.amount.value != new.amount.value { update.budgetAmount = new.amount.value }
        if before.campaign.endDate != after.campaign.endDate, let end = after.campaign.endDate {
            guard end >= LaunchPlan.today else {
                throw LifecycleError.notChangeableOnPlatform(field: "endDate", message: "The end date \(end) has passed.")
            }
            update.endDate = end
            update.externalAdGroupIDs = after.units.compactMap(\.unit.externalID)
        }
        return update
    }
}

extension LaunchPlan {
    /// Units and creatives not on the platform yet.
    var pendingObjects: Set<UUID> {
        var ids = Set<UUID>()
        for planned in units {
            if planned.unit.externalID == nil { ids.insert(planned.unit.id) }
            for item in planned.creatives where item.externalID == nil { ids.insert(item.creative.id) }
        }
        return ids
    }

    /// The launch checks that concern an addition to a live campaign: not its status, and a new unit may wait for
    /// its first creative (its ad group is created at once and serves once it has ads).
    var additionProblems: [LaunchProblem] {
        problems.filter { $0.field != "status" && !($0.code == "MISSING" && $0.field.hasSuffix(".creatives")) }
    }
}
