import Foundation
import Integrations
import Postgres

/// What a launch did, or for a dry run would do.
public struct LaunchOutcome: Sendable {
    public var campaignID: UUID
    public var dryRun: Bool
    /// For a dry run, the requests a launch would send now, in order; empty otherwise.
    public var plannedRequests: [PlannedPlatformRequest]
}

/// Launches, pauses, resumes and completes campaigns on their platform.
///
/// Each operation works on a connection of its own from the pool, not in the caller's transaction: it holds the
/// campaign's advisory lock there for its whole length, calls the platform outside any transaction, and commits
/// every platform id, status and log entry as soon as it exists. A launch that fails part-way leaves the
/// campaign in `error` with the reason logged, and launching again continues where it stopped.
public struct CampaignLifecycleService: Sendable {
    let pool: PostgresPool
    let adapters: PlatformAdapters
    let tokens: TokenService

    public init(pool: PostgresPool, adapters: PlatformAdapters, tokens: TokenService) {
        self.pool = pool
        self.adapters = adapters
        self.tokens = tokens
    }

    // MARK: Launch

    public func launch(_ campaignID: UUID, organizationID: UUID, dryRun: Bool) throws -> LaunchOutcome {
        try pool.withConnection { connection in
            if dryRun {
                let plan = try validatedPlan(campaignID, organizationID, on: connection)
                return LaunchOutcome(campaignID: campaignID, dryRun: true, plannedRequests: plannedRequests(plan))
            }
            return try locked(campaignID, on: connection) {
                let plan = try validatedPlan(campaignID, organizationID, on: connection)
                try LaunchRun(plan: plan, adapter: adapters.adapter(for: plan.campaign.platform), tokens: tokens,
                              connection: connection, organizationID: organizationID).run()
                return LaunchOutcome(campaignID: campaignID, dryRun: false, plannedRequests: [])
            }
        }
    }

    private func validatedPlan(_ campaignID: UUID, _ organizationID: UUID, on connection: PostgresConnection) throws -> LaunchPlan {
        let plan = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
        let problems = plan.problems
        if !problems.isEmpty { throw LifecycleError.validation(problems) }
        return plan
    }

    /// The requests still to send: steps with a recorded platform id are left out, ids not known yet are
    /// placeholders (`{campaign}`, `{adGroup1}`, …).
    private func plannedRequests(_ plan: LaunchPlan) -> [PlannedPlatformRequest] {
        let campaignRef = plan.externalCampaignID ?? "{campaign}"
        var adGroups: [AdGroupLaunchSpec] = []
        var ads: [AdLaunchSpec] = []
        for (index, planned) in plan.units.enumerated() {
            if planned.unit.externalID == nil { adGroups.append(plan.adGroupSpec(planned, externalCampaignID: campaignRef)) }
            let adGroupRef = planned.unit.externalID ?? "{adGroup\(index + 1)}"
            for item in planned.creatives where item.externalID == nil {
                ads.append(plan.adSpec(item.creative, externalAdGroupID: adGroupRef))
            }
        }
        let adapter = adapters.adapter(for: plan.campaign.platform)
        let account = plan.platformAccount(accessToken: "")
        var requests = adapter.plannedLaunchRequests(campaign: plan.campaignSpec, adGroups: adGroups, ads: ads, in: account)
        if plan.externalCampaignID != nil {
            // The campaign exists: its own requests, which come first, are not sent again.
            let campaignSteps = adapter.plannedLaunchRequests(campaign: plan.campaignSpec, adGroups: [], ads: [], in: account).count
            requests.removeFirst(min(campaignSteps, requests.count))
            // …and the campaign an earlier attempt held paused is enabled last.
            requests.append(adapter.plannedCampaignStatusRequest(.active, externalCampaignID: campaignRef, in: account))
        }
        return requests
    }

    // MARK: Status changes

    /// live → paused: the campaign and its ad groups on the platform first, then here.
    public func pause(_ campaignID: UUID, organizationID: UUID) throws {
        try changeStatus(campaignID, organizationID, action: LifecycleStep.pause, from: [.live], to: .paused, delivery: .paused)
    }

    /// paused → live.
    public func resume(_ campaignID: UUID, organizationID: UUID) throws {
        try changeStatus(campaignID, organizationID, action: LifecycleStep.resume, from: [.paused], to: .live, delivery: .active)
    }

    /// live or paused → completed; a live campaign is paused on the platform first.
    public func complete(_ campaignID: UUID, organizationID: UUID) throws {
        try changeStatus(campaignID, organizationID, action: LifecycleStep.complete, from: [.live, .paused], to: .completed,
                         delivery: .paused)
    }

    private func changeStatus(
        _ campaignID: UUID, _ organizationID: UUID, action: String, from allowed: Set<CampaignStatus>, to target: CampaignStatus,
        delivery: DeliveryStatus
    ) throws {
        try pool.withConnection { connection in
            try locked(campaignID, on: connection) {
                let plan = try connection.withTenantTransaction(organizationID) { try LaunchPlan.load(campaignID, in: $0) }
                let current = plan.campaign.status
                guard allowed.contains(current) else { throw LifecycleError.illegalTransition(action: action, status: current) }
                let recorder = LifecycleRecorder(connection: connection, organizationID: organizationID, campaignID: campaignID)
                let adGroupIDs = plan.units.compactMap(\.unit.externalID)
                // A paused campaign being completed is already paused on the platform.
                let needsPlatform = plan.externalCampaignID != nil && !(target == .completed && current == .paused)
                if needsPlatform, let externalCampaignID = plan.externalCampaignID, let integration = plan.account?.integrationID {
                    do {
                        try tokens.withAccessToken(integrationID: integration, organizationID: organizationID, on: connection) { token in
                            let account = plan.platformAccount(accessToken: token)
                            let adapter = adapters.adapter(for: plan.campaign.platform)
                            try adapter.setCampaignStatus(delivery, externalCampaignID: externalCampaignID, in: account)
                            for id in adGroupIDs { try adapter.setAdGroupStatus(delivery, externalAdGroupID: id, in: account) }
                        }
                    } catch {
                        guard let platformError = PlatformError.of(error) else { throw error }
                        try recorder.failed(action, "\(action.capitalized) failed on \(plan.campaign.platform.displayName): \(platformError); the campaign stays \(current.rawValue).", status: nil)
                        throw LifecycleError.platform(step: action, platformError)
                    }
                }
                let objects = needsPlatform ? " (campaign and \(adGroupIDs.count) ad group\(adGroupIDs.count == 1 ? "" : "s") set to \(delivery.rawValue) on \(plan.campaign.platform.displayName))" : ""
                try recorder.statusChanged(to: target, action: action, "Campaign \(current.rawValue) → \(target.rawValue)\(objects).")
            }
        }
    }

    /// Runs `body` holding the campaign's advisory lock on `connection`; refused at once if another holds it.
    func locked<Value>(_ campaignID: UUID, on connection: PostgresConnection, _ body: () throws -> Value) throws -> Value {
        guard let lock = try CampaignOperationLock.acquire(campaignID, on: connection) else { throw LifecycleError.inProgress }
        defer { lock.release() }
        return try body()
    }
}
