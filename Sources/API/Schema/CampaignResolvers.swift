import Campaigns
import Foundation
import GraphQL
import Postgres

/// Campaigns, budgets, units and creatives: queries, batched nested fields and mutations.
enum CampaignResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = CampaignService()
        let metrics = MetricService()
        let reviewService = AdReviewService()
        let audienceService = AudienceService()
        let connections = ConnectionService()
        let syncTimes = MetricsSyncTimes()
        let reports = ReportService()

        // MARK: Queries

        resolvers.query("campaigns") { context -> ResolvedValue in
            let session = try context.session
            let first = try context.first(in: 1...100)
            let arguments = try context.arguments(as: ListArguments.self)
            let order = arguments.orderBy?.value ?? .newest
            let after = try context.after({ CampaignCursor.decode($0, in: order) }, refusal: "after is not a cursor of this order.")
            if let search = arguments.search { try InputLimits.name.check(search, field: "search") }
            let filter = CampaignFilter(status: arguments.status?.value, platform: arguments.platform?.value, nameContains: arguments.search)
            if try context.services.plansReads, let selection = context.info.subfields(on: "CampaignConnection"),
               let plan = CampaignReadPlan(selection, order: order) {
                let source = CampaignService.pageSource(first: first, after: after, order: order, filter: filter, in: session)
                try context.request.tally.countPlannedRead()
                return try plan.run(source: source, first: first, in: session, alone: context.info.operation.operation == .query) {
                    try service.count(filter: filter, in: session)
                }.resolvedValue
            }
            let page = try service.list(first: first, after: after, order: order, filter: filter, in: session)
            return Connection(page.campaigns, hasNextPage: page.hasNextPage, cursor: { CampaignCursor.encode(.of($0, in: order)) },
                              totalCount: { [filter] in try service.count(filter: filter, in: session) }).resolvedValue
        }

        resolvers.query("campaign") { context -> Campaign? in
            let session = try context.session
            guard let id = context.argument("id")?.id(of: .campaign) else { return nil }
            return try service.find(id, in: session)
        }

        resolvers.connection("Campaign", of: Campaign.self, counted: true)

        // MARK: Campaign

        resolvers.object("Campaign", of: Campaign.self) { object in
            object.field("id") { campaign, _ in GlobalID.encode(.campaign, campaign.id) }
            object.field("name") { campaign, _ in campaign.name }
            object.field("platform") { campaign, _ in campaign.platform.apiName }
            object.field("objective") { campaign, _ in campaign.objective.apiName }
            object.field("status") { campaign, _ in campaign.status.apiName }
            object.field("createdAt") { campaign, _ in campaign.createdAt.graphQLDateTime }
            object.field("startDate") { campaign, _ in campaign.startDate }
            object.field("endDate") { campaign, _ in campaign.endDate }
            object.field("metaPixelId") { campaign, _ in campaign.metaPixelID }
            object.batch("adAccount") { campaigns, session in
                let accounts = try connections.adAccounts(ids: campaigns.map(\.adAccountID), in: session)
                return try campaigns.map { campaign in
                    guard let account = accounts[campaign.adAccountID] else { throw UserError.notFound(.adAccount) }
                    return account
                }
            }
            object.batch("budget") { campaigns, session in
                let budgets = try service.budgets(of: campaigns.map(\.id), in: session)
                return campaigns.map { budgets[$0.id] }
            }
            object.campaign("copiedFrom") { $0.copiedFromID }
            object.batch("copies") { campaigns, session in
                let copies = try service.copies(of: campaigns.map(\.id), in: session)
                return campaigns.map { copies[$0.id] ?? [] }
            }
            object.batch("units") { campaigns, session in
                let units = try service.units(of: campaigns.map(\.id), in: session)
                return campaigns.map { units[$0.id] ?? [] }
            }
            object.batch("creatives") { campaigns, session in
                let creatives = try service.creatives(ofCampaigns: campaigns.map(\.id), in: session)
                return campaigns.map { creatives[$0.id] ?? [] }
            }
            object.batch("lastMetricsSyncAt") { campaigns, session in
                let synced = try syncTimes.lastSync(of: campaigns.map(\.id), in: session)
                return campaigns.map { synced[$0.id]?.graphQLDateTime }
            }
            object.batch("externalCampaignId") { campaigns, session in
                let ids = try metrics.externalIDs(of: campaigns.map(\.id), in: session)
                return campaigns.map { ids[$0.id] }
            }
            object.batch("pacing") { campaigns, session in
                let pacing = try reports.pacing(of: campaigns.map(\.id), today: CalendarDate.today, in: session)
                return campaigns.map { pacing[$0.id] }
            }
            object.batchField("executionLog") { campaigns, batch -> [Connection<ExecutionLogEntry>] in
                let session = try batch.session
                let first = try batch.first(in: 1...100)
                let after = try batch.after(PageCursor.decode)
                let pages = try metrics.executionLogs(of: campaigns.map(\.id), first: first, after: after, in: session)
                return campaigns.map { campaign in
                    let page = pages[campaign.id] ?? ExecutionLogPage(entries: [], hasNextPage: false)
                    return Connection(page.entries, hasNextPage: page.hasNextPage, cursor: { PageCursor.encode($0.cursor) })
                }
            }
            object.batchField("metrics") { campaigns, batch -> [[MetricPoint]] in
                try ArgumentLimits.check(batch)
                let session = try batch.session
                let (from, to) = try batch.days(maximumDays: 366)
                var keys: [String]?
                if case .array(let values)? = batch.argument("keys") { keys = values.compactMap(\.stringValue) }
                let points = try metrics.points(of: campaigns.map(\.id), from: from.description, to: to.description, keys: keys, in: session)
                return campaigns.map { points[$0.id] ?? [] }
            }
            object.batchField("metricTotals") { campaigns, batch -> [[MetricTotal]] in
                let session = try batch.session
                let (from, to) = try batch.days(maximumDays: 366)
                let totals = try metrics.totals(of: campaigns.map(\.id), from: from.description, to: to.description, in: session)
                return campaigns.map { totals[$0.id] ?? [] }
            }
        }
        resolvers.object("CampaignBudget", of: CampaignBudget.self) { object in
            object.field("type") { budget, _ in budget.type.apiName }
            object.field("amount") { budget, _ in budget.amount.text }
            object.field("currency") { budget, _ in budget.currency }
        }

        // MARK: Units and creatives

        resolvers.object("CampaignUnit", of: CampaignUnit.self) { object in
            object.field("id") { unit, _ in GlobalID.encode(.campaignUnit, unit.id) }
            object.field("name") { unit, _ in unit.name }
            object.field("budgetAllocation") { unit, _ in unit.budgetAllocation?.text }
            object.field("externalId") { unit, _ in unit.externalID }
            object.batch("audience") { units, session in
                let audiences = try audienceService.get(ids: units.map(\.audienceID), in: session)
                return try units.map { unit in
                    guard let audience = audiences[unit.audienceID] else { throw UserError.notFound(.audience) }
                    return audience
                }
            }
            object.batch("creatives") { units, session in
                let creatives = try service.creatives(ofUnits: units.map(\.id), in: session)
                return units.map { creatives[$0.id] ?? [] }
            }
            object.field("keywords") { unit, _ in unit.keywords }
        }

        resolvers.object("AdCreative", of: AdCreative.self) { object in
            object.field("id") { creative, _ in GlobalID.encode(.adCreative, creative.id) }
            object.field("headline") { creative, _ in creative.headline }
            object.field("description") { creative, _ in creative.description }
            object.field("headlines") { creative, _ in creative.headlines }
            object.field("descriptions") { creative, _ in creative.descriptions }
            object.field("mediaUrl") { creative, _ in creative.mediaURL }
            object.field("callToAction") { creative, _ in creative.callToAction.apiName }
            object.field("landingUrl") { creative, _ in creative.landingURL }
            object.field("version") { creative, _ in creative.version }
            object.batch("parent") { creatives, session in
                let parents = try service.creatives(ids: creatives.compactMap(\.parentID), in: session)
                return creatives.map { $0.parentID.flatMap { parents[$0] } }
            }
            object.batch("history") { creatives, session in
                let history = try service.history(of: creatives.map(\.id), in: session)
                return creatives.map { history[$0.id] ?? [] }
            }
            object.batch("externalId") { creatives, session in
                let ids = try service.externalIDs(ofCreatives: creatives.map(\.id), in: session)
                return creatives.map { ids[$0.id] }
            }
            object.batch("review") { creatives, session in
                let reviews = try reviewService.reviews(ofCreatives: creatives.map(\.id), in: session)
                return creatives.map { reviews[$0.id] }
            }
        }

        // MARK: Mutations

        resolvers.mutation("createCampaign") { context, session in
            let input = try context.arguments(as: CreateCampaignArguments.self).input
            let draft = CampaignDraft(
                adAccountID: input.adAccountId.id(of: .adAccount), name: input.name, objective: input.objective.value,
                budget: input.budget.draft)
            return try withinInput { try service.create(draft, in: session) }
        }
        resolvers.mutation("updateCampaign") { context, session in
            let id = try context.id("id", of: .campaign)
            let input = try context.arguments(as: UpdateCampaignArguments.self).input
            try refuseNull(["name": input.name.isNull, "objective": input.objective.isNull])
            let changes = CampaignChanges(name: input.name.value, objective: input.objective.value?.value)
            try withinInput {
                try LiveEdits.edit(context, campaign: id, session) { _ = try service.update(id, with: changes, in: $0) }
            }
            return try service.get(id, in: session)
        }
        resolvers.mutation("setCampaignBudget") { context, session in
            let id = try context.id("id", of: .campaign)
            let draft = try context.arguments(as: BudgetArguments.self).budget.draft
            try LiveEdits.edit(context, campaign: id, session) { _ = try service.setBudget(id, draft, in: $0) }
            return try service.get(id, in: session)
        }
        resolvers.mutation("setCampaignDates") { context, session in
            let id = try context.id("id", of: .campaign)
            let start = context.argument("startDate")?.stringValue, end = context.argument("endDate")?.stringValue
            try LiveEdits.edit(context, campaign: id, session) { _ = try service.setDates(id, start: start, end: end, in: $0) }
            return try service.get(id, in: session)
        }
        resolvers.mutation("copyCampaign") { context, session in
            let id = try context.id("id", of: .campaign)
            let account = context.argument("adAccountId")?.id(of: .adAccount)
            let budget = try context.arguments(as: CopyArguments.self).budget?.draft
            return try service.copy(id, to: account, budget: budget, in: session)
        }
        resolvers.mutation("deleteCampaign") { context, session in
            let id = try context.id("id", of: .campaign)
            try service.delete(id, in: session)
            return GlobalID.encode(.campaign, id)
        }
        resolvers.mutation("createCampaignUnit") { context, session in
            let input = try context.arguments(as: CreateUnitArguments.self).input
            var allocation: Money?
            if let value = input.budgetAllocation {
                guard let money = value.money else { throw notNumeric("input.budgetAllocation") }
                allocation = money
            }
            let draft = CampaignUnitDraft(
                campaignID: input.campaignId.id(of: .campaign), audienceID: input.audienceId.id(of: .audience),
                name: input.name, budgetAllocation: allocation, keywords: input.keywords?.compactMap(\.keyword) ?? [])
            return try withinInput {
                let unit = try LiveEdits.add(context, campaign: draft.campaignID, session) { try service.createUnit(draft, in: $0) }
                // Read again: on a live campaign, its platform id was recorded after the insert.
                return try service.unit(unit.id, in: session) ?? unit
            }
        }
        resolvers.mutation("createAdCreative") { context, session in
            let input = try context.arguments(as: CreativeArguments.self).input
            let unitID = input.campaignUnitId?.id(of: .campaignUnit)
            return try withinInput {
                let campaignID = try unitID.flatMap { try service.unit($0, in: session)?.campaignID }
                return try LiveEdits.add(context, campaign: campaignID, session) { try service.createCreative(unitID: unitID, input.draft, in: $0) }
            }
        }
        resolvers.mutation("reviseAdCreative") { context, session in
            let id = try context.id("id", of: .adCreative)
            let input = try context.arguments(as: CreativeArguments.self).input
            try refuseNull(["headline": input.headline.isNull, "headlines": input.headlines.isNull, "descriptions": input.descriptions.isNull,
                            "callToAction": input.callToAction.isNull, "landingUrl": input.landingUrl.isNull])
            return try withinInput {
                let campaignID = try service.creatives(ids: [id], in: session)[id]
                    .flatMap { try service.unit($0.campaignUnitID, in: session)?.campaignID }
                return try LiveEdits.add(context, campaign: campaignID, session) { try service.reviseCreative(id, input.draft, in: $0) }
            }
        }
        return resolvers
    }

    static func notNumeric(_ field: String) -> UserError {
        UserError.badInput("\(field) must be a decimal number such as \"50.00\".", field: field)
    }
}

/// Campaign cursors: the creation keyset as audiences have it (newest and oldest first), or for the name order
/// `name|` + the name in base64 + `|` + the id, all in base64; a cursor only continues the order it came from.
enum CampaignCursor {
    static func encode(_ keyset: CampaignKeyset) -> String {
        switch keyset {
        case .created(let cursor): return PageCursor.encode(cursor)
        case .name(let name, let id):
            return Data("name|\(Data(name.utf8).base64EncodedString())|\(id.uuidString.lowercased())".utf8).base64EncodedString()
        }
    }

    static func decode(_ text: String, in order: CampaignOrder) -> CampaignKeyset? {
        guard order == .name else { return PageCursor.decode(text).map(CampaignKeyset.created) }
        guard let data = Data(base64Encoded: text), let plain = String(data: data, encoding: .utf8) else { return nil }
        let parts = plain.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "name", let nameData = Data(base64Encoded: String(parts[1])),
              let name = String(data: nameData, encoding: .utf8), let id = UUID(uuidString: String(parts[2])) else { return nil }
        return .name(name, id)
    }
}

/// `campaigns(first:after:status:platform:search:orderBy:)`'s filter and order (`first` and `after` are read by
/// `first(in:)` and `after(_:)`).
private struct ListArguments: Decodable {
    var status: EnumInput<CampaignStatus>?
    var platform: EnumInput<Platform>?
    var search: String?
    var orderBy: EnumInput<CampaignOrder>?
}

/// `createCampaign(input: CreateCampaignInput!)`.
private struct CreateCampaignArguments: Decodable {
    struct Input: Decodable {
        var adAccountId: IDInput
        var name: String
        var objective: EnumInput<Objective>
        var budget: BudgetInput
    }
    var input: Input
}

/// `updateCampaign(id: ID!, input: UpdateCampaignInput!)`.
private struct UpdateCampaignArguments: Decodable {
    struct Input: Decodable {
        var name: Nullable<String>
        var objective: Nullable<EnumInput<Objective>>
    }
    var input: Input
}

/// `CampaignBudgetInput`.
private struct BudgetInput: Decodable {
    var type: EnumInput<BudgetType>
    var amount: DecimalInput
    var currency: String

    var draft: BudgetDraft { BudgetDraft(type: type.value, amount: amount.money, currency: currency) }
}

/// `setCampaignBudget(id: ID!, budget: CampaignBudgetInput!)`.
private struct BudgetArguments: Decodable {
    var budget: BudgetInput
}

/// `copyCampaign(id: ID!, adAccountId: ID!, budget: CampaignBudgetInput)`.
private struct CopyArguments: Decodable {
    var budget: BudgetInput?
}

/// `createCampaignUnit(input: CreateCampaignUnitInput!)`.
private struct CreateUnitArguments: Decodable {
    struct Input: Decodable {
        var campaignId: IDInput
        var audienceId: IDInput
        var name: String
        var budgetAllocation: DecimalInput?
        var keywords: [KeywordInput]?
    }
    var input: Input
}

/// `createAdCreative(input: CreateAdCreativeInput!)` and `reviseAdCreative(id: ID!, input: ReviseAdCreativeInput!)`: in a
/// revision, fields left out keep the revised version's values.
private struct CreativeArguments: Decodable {
    struct Input: Decodable {
        var campaignUnitId: IDInput?
        var headline: Nullable<String>
        var headlines: Nullable<[String]>
        var description: Nullable<String>
        var descriptions: Nullable<[String]>
        var mediaUrl: Nullable<String>
        var callToAction: Nullable<EnumInput<CallToAction>>
        var landingUrl: Nullable<String>

        var draft: AdCreativeDraft {
            AdCreativeDraft(
                headline: headline.value, description: description.patch, mediaURL: mediaUrl.patch, callToAction: callToAction.value?.value,
                landingURL: landingUrl.value, headlines: headlines.value, descriptions: descriptions.value)
        }
    }
    var input: Input
}

extension Campaign: GraphQLObject { public var graphQLTypeName: String? { "Campaign" } }
extension CampaignBudget: GraphQLObject { public var graphQLTypeName: String? { "CampaignBudget" } }
extension CampaignUnit: GraphQLObject { public var graphQLTypeName: String? { "CampaignUnit" } }
extension AdCreative: GraphQLObject { public var graphQLTypeName: String? { "AdCreative" } }
extension Objective: APIEnum {}
extension CampaignStatus: APIEnum {}
extension BudgetType: APIEnum {}
extension CallToAction: APIEnum {}

extension CampaignOrder: APIEnum {}
