import Foundation
import Integrations
import Postgres

/// Everything a launch reads, loaded in one transaction: the campaign with its budget, account, integration,
/// units (with audiences) and current creatives, and the platform ids already recorded by an earlier attempt.
struct LaunchPlan: Sendable {
    struct Unit: Sendable {
        var unit: CampaignUnit
        var audience: Audience?
        var creatives: [Creative]
    }

    struct Creative: Sendable {
        var creative: AdCreative
        var externalID: String?
    }

    var campaign: Campaign
    var budget: CampaignBudget?
    var account: AdAccount?
    var integration: Integration?
    var integrationHasToken: Bool
    var advertiserName: String
    var externalCampaignID: String?
    var units: [Unit]

    static func load(_ campaignID: UUID, in session: TenantSession) throws -> LaunchPlan {
        let campaigns = CampaignService()
        guard let campaign = try campaigns.find(campaignID, in: session) else { throw LifecycleError.notFound }
        let connections = ConnectionService()
        let account = try connections.adAccounts(ids: [campaign.adAccountID], in: session)[campaign.adAccountID]
        let integration = try account.flatMap { try connections.integration($0.integrationID, in: session) }
        let hasToken = try account.map { account in
            try session.connection.query(
                "SELECT access_token IS NOT NULL AS has_token FROM integrations WHERE organization_id = \(session.organizationID) AND id = \(account.integrationID)"
            ).first?.decode("has_token", as: Bool.self) ?? false
        } ?? false
        let units = try campaigns.units(of: [campaignID], in: session)[campaignID] ?? []
        let audiences = try AudienceService().get(ids: units.map(\.audienceID), in: session)
        let creatives = try campaigns.creatives(ofUnits: units.map(\.id), in: session)
        let creativeIDs = try campaigns.externalIDs(ofCreatives: creatives.values.flatMap { $0.map(\.id) }, in: session)
        return LaunchPlan(
            campaign: campaign, budget: try campaigns.budgets(of: [campaignID], in: session)[campaignID],
            account: account, integration: integration, integrationHasToken: hasToken,
            advertiserName: try OrganizationService().current(in: session).name,
            externalCampaignID: try MetricService().externalIDs(of: [campaignID], in: session)[campaignID],
            units: units.map { unit in
                Unit(unit: unit, audience: audiences[unit.audienceID],
                     creatives: (creatives[unit.id] ?? []).map { Creative(creative: $0, externalID: creativeIDs[$0.id]) })
            })
    }

    /// Every reason the launch cannot go ahead; empty when it can.
    var problems: [LaunchProblem] {
        var problems: [LaunchProblem] = []
        if campaign.status != .draft && campaign.status != .error {
            problems.append(LaunchProblem(
                field: "status", code: "INVALID_STATUS",
                message: "Only draft campaigns and failed launches can be launched; this campaign is \(campaign.status.rawValue.uppercased())."))
        }
        if let account {
            if account.platform == .metaAds, campaign.objective == .sales, campaign.metaPixelID == nil {
                problems.append(LaunchProblem(
                    field: "metaPixel", code: "MISSING",
                    message: "Choose the Meta pixel the Sales campaign optimizes for (metaPixels, setCampaignMetaPixel): Meta refuses conversion ad sets without one."))
            }
            if account.platform == .metaAds, account.page == nil {
                problems.append(LaunchProblem(
                    field: "adAccount.page", code: "MISSING",
                    message: "Choose the Facebook Page the ads of \(account.name) run as (metaPages, setAdAccountPage): Meta refuses ads without one."))
            }
            if account.platform == .metaAds, account.transparency == nil,
               units.contains(where: { EUTransparency.isRequired(for: $0.audience?.targetedLocations ?? []) }) {
                problems.append(LaunchProblem(
                    field: "adAccount.euTransparency", code: "MISSING",
                    message: "Ads of \(account.name) reach the EU: say who benefits from them and who pays for them (setAdAccountEUTransparency; metaEUTransparencySuggestions suggests names). Meta refuses EU ad sets without both."))
            }
            if account.removed {
                problems.append(LaunchProblem(field: "adAccount", code: "AD_ACCOUNT_REMOVED",
                                              message: "The ad account \(account.name) is no longer on \(account.platform.displayName)."))
            }
        } else {
            problems.append(LaunchProblem(field: "adAccount", code: "MISSING", message: "The campaign's ad account is gone."))
        }
        if integration?.connected != true || !integrationHasToken {
            problems.append(LaunchProblem(
                field: "adAccount.integration", code: "NOT_CONNECTED",
                message: "The \(campaign.platform.displayName) integration is not connected; connect it again."))
        }
        if let budget {
            if budget.amount.value <= 0 {
                problems.append(LaunchProblem(field: "budget.amount", code: "NOT_POSITIVE", message: "The budget must be greater than 0."))
            }
            if budget.type == .lifetime, campaign.endDate == nil {
                problems.append(LaunchProblem(
                    field: "endDate", code: "MISSING",
                    message: "A lifetime budget needs an end date (setCampaignDates): both platforms refuse one without."))
            }
            if let account, budget.currency != account.currency {
                problems.append(LaunchProblem(
                    field: "budget.currency", code: "CURRENCY_MISMATCH",
                    message: "The budget is in \(budget.currency); the ad account bills in \(account.currency)."))
            }
        } else {
            problems.append(LaunchProblem(field: "budget", code: "MISSING", message: "The campaign has no budget."))
        }
        if units.isEmpty {
            problems.append(LaunchProblem(field: "units", code: "MISSING", message: "The campaign needs at least one unit."))
        }
        if let end = campaign.endDate, end < Self.today {
            problems.append(LaunchProblem(field: "endDate", code: "IN_THE_PAST", message: "The end date \(end) has passed."))
        }
        let capabilities = PlatformCapabilities.of(campaign.platform)
        for (unitIndex, planned) in units.enumerated() {
            let unitField = "units[\(unitIndex)]"
            if planned.audience == nil {
                problems.append(LaunchProblem(field: "\(unitField).audience", code: "MISSING", message: "Unit \"\(planned.unit.name)\" has no audience."))
            }
            if planned.creatives.isEmpty {
                problems.append(LaunchProblem(
                    field: "\(unitField).creatives", code: "MISSING", message: "Unit \"\(planned.unit.name)\" needs at least one creative."))
            }
            for (creativeIndex, item) in planned.creatives.enumerated() {
                let creative = item.creative
                for problem in capabilities.problems(
                    headline: creative.headline, description: creative.description, mediaURL: creative.mediaURL,
                    callToAction: creative.callToAction) where problem.severity == .blocking {
                    problems.append(LaunchProblem(
                        field: "\(unitField).creatives[\(creativeIndex)].\(problem.field)", code: problem.code.rawValue,
                        message: problem.message))
                }
                if let unreachable = PublicHost.problem(in: creative.landingURL) {
                    problems.append(LaunchProblem(
                        field: "\(unitField).creatives[\(creativeIndex)].landingUrl", code: "NOT_PUBLIC", message: unreachable))
                }
                for problem in capabilities.countProblems(headlines: creative.headlines, descriptions: creative.descriptions) {
                    problems.append(LaunchProblem(
                        field: "\(unitField).creatives[\(creativeIndex)].\(problem.field)", code: problem.code.rawValue,
                        message: problem.message))
                }
            }
        }
        return problems + adapterProblems
    }

    /// Today in UTC, as `YYYY-MM-DD` (dates compare as text in this form).
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// What the platform's adapter would refuse only once it is sending — a location missing from Google's
    /// geo target table, a budget Meta's minor units cannot express — found here instead, before the campaign
    /// exists on the platform, so a launch never stops half-way for a reason known in advance.
    private var adapterProblems: [LaunchProblem] {
        var problems: [LaunchProblem] = []
        if campaign.platform == .metaAds, let budget, budget.amount.value > 0,
           (try? MetaCurrency.minorUnits(budget.amount.value, currency: budget.currency, field: "budget.amount")) == nil {
            problems.append(LaunchProblem(
                field: "budget.amount", code: "NOT_EXPRESSIBLE",
                message: "\(budget.amount.value) \(budget.currency) is not a whole number of \(budget.currency)'s smallest unit on Meta."))
        }
        for (unitIndex, planned) in units.enumerated() {
            problems += TargetingProblems.of(
                platform: campaign.platform, audience: planned.audience, keywords: planned.unit.keywords,
                unitName: planned.unit.name, field: "units[\(unitIndex)]")
        }
        return problems
    }

    // MARK: Specs (only once `problems` is empty)

    /// Any launch may follow an attempt that created an object whose answer was lost (a 5xx after the platform
    /// applied it, a timeout, or this process dying before it recorded the id, which leaves no `error` status to
    /// tell), so the adapters always look for the step's object before creating it: one read per object.
    var mayFollowAnEarlierAttempt: Bool { true }

    var campaignSpec: CampaignLaunchSpec {
        var spec = CampaignLaunchSpec(
            campaignID: campaign.id, name: campaign.name, objective: campaign.objective, budgetType: budget!.type,
            budgetAmount: budget!.amount.value, currency: budget!.currency)
        spec.startDate = campaign.startDate
        spec.endDate = campaign.endDate
        spec.adoptExisting = mayFollowAnEarlierAttempt
        return spec
    }

    func adGroupSpec(_ planned: Unit, externalCampaignID: String) -> AdGroupLaunchSpec {
        let audience = planned.audience!
        var spec = AdGroupLaunchSpec(
            unitID: planned.unit.id, name: planned.unit.name, externalCampaignID: externalCampaignID, objective: campaign.objective,
            budgetType: budget!.type, budgetAllocation: planned.unit.budgetAllocation?.value, currency: budget!.currency,
            locations: audience.targetedLocations, ageMin: audience.ageMin, ageMax: audience.ageMax,
            interests: audience.targetedInterests, keywords: planned.unit.keywords)
        spec.startDate = campaign.startDate
        spec.endDate = campaign.endDate
        spec.metaPixelID = campaign.metaPixelID
        spec.pageID = account?.page?.id
        spec.transparency = account?.transparency
        spec.adoptExisting = mayFollowAnEarlierAttempt
        return spec
    }

    func adSpec(_ creative: AdCreative, externalAdGroupID: String) -> AdLaunchSpec {
        var spec = AdLaunchSpec(
            creativeID: creative.id, externalAdGroupID: externalAdGroupID, headline: creative.headline,
            description: creative.description, mediaURL: creative.mediaURL, callToAction: creative.callToAction,
            landingURL: creative.landingURL, advertiserName: advertiserName)
        spec.pageID = account?.page?.id
        spec.moreHeadlines = creative.moreHeadlines
        spec.moreDescriptions = creative.moreDescriptions
        spec.adoptExisting = mayFollowAnEarlierAttempt
        return spec
    }

    func platformAccount(accessToken: String) -> PlatformAccount {
        PlatformAccount(externalAccountID: account!.externalAccountID, currency: account!.currency, accessToken: accessToken,
                        loginCustomerID: account!.loginCustomerID)
    }
}
