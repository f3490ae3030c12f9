import Campaigns
import Foundation
import GraphQL

/// Campaigns, budgets, units and creatives: queries, batched nested fields and mutations.
enum CampaignResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = CampaignService()

        // MARK: Queries

        resolvers.field("Query", "campaigns") { context in
            let session = try context.context(as: RequestContext.self).session
            guard case .int(let first)? = context.argument("first"), (1...100).contains(first) else {
                throw UserError.badInput("first must be between 1 and 100.", field: "first")
            }
            let order = context.argument("orderBy")?.stringValue.flatMap { CampaignOrder(rawValue: $0.lowercased()) } ?? .newest
            var after: CampaignKeyset?
            if case .string(let text)? = context.argument("after") {
                guard let keyset = CampaignCursor.decode(text, in: order) else {
                    throw UserError.badInput("after is not a cursor of this order.", field: "after")
                }
                after = keyset
            }
            var filter = CampaignFilter()
            if case .string(let text)? = context.argument("status") { filter.status = CampaignStatus(apiName: text) }
            if case .string(let text)? = context.argument("platform") { filter.platform = Platform(apiName: text) }
            if case .string(let text)? = context.argument("search") {
                try InputLimits.name.check(text, field: "search")
                filter.nameContains = text
            }
            let page = try service.list(first: first, after: after, order: order, filter: filter, in: session)
            return CampaignConnection(page: page, order: order, filter: filter, session: session)
        }
        resolvers.field("CampaignConnection", "edges", on: CampaignConnection.self) { connection, _ in
            connection.page.campaigns.map { CampaignEdge(campaign: $0, cursor: CampaignCursor.encode(.of($0, in: connection.order))) }
        }
        resolvers.field("CampaignConnection", "pageInfo", on: CampaignConnection.self) { connection, _ in
            PageInfo(hasNextPage: connection.page.hasNextPage,
                     endCursor: connection.page.campaigns.last.map { CampaignCursor.encode(.of($0, in: connection.order)) })
        }
        resolvers.field("CampaignConnection", "totalCount", on: CampaignConnection.self) { connection, _ in
            try service.count(filter: connection.filter, in: connection.session)
        }
        resolvers.field("CampaignEdge", "cursor", on: CampaignEdge.self) { edge, _ in edge.cursor }
        resolvers.field("CampaignEdge", "node", on: CampaignEdge.self) { edge, _ in edge.campaign }

        resolvers.field("Query", "campaign") { context -> Campaign? in
            let session = try context.context(as: RequestContext.self).session
            guard case .string(let text)? = context.argument("id"), let id = GlobalID.decode(text, as: "Campaign") else { return nil }
            return try service.find(id, in: session)
        }

        // MARK: Campaign

        resolvers.field("Campaign", "id", on: Campaign.self) { campaign, _ in GlobalID.encode("Campaign", campaign.id) }
        resolvers.field("Campaign", "name", on: Campaign.self) { campaign, _ in campaign.name }
        resolvers.field("Campaign", "platform", on: Campaign.self) { campaign, _ in campaign.platform.apiName }
        resolvers.field("Campaign", "objective", on: Campaign.self) { campaign, _ in campaign.objective.apiName }
        resolvers.field("Campaign", "status", on: Campaign.self) { campaign, _ in campaign.status.apiName }
        resolvers.field("Campaign", "createdAt", on: Campaign.self) { campaign, _ in campaign.createdAt.graphQLDateTime }
        resolvers.field("Campaign", "startDate", on: Campaign.self) { campaign, _ in campaign.startDate }
        resolvers.field("Campaign", "endDate", on: Campaign.self) { campaign, _ in campaign.endDate }
        resolvers.field("Campaign", "metaPixelId", on: Campaign.self) { campaign, _ in campaign.metaPixelID }
        resolvers.batch("Campaign", "adAccount", on: Campaign.self) { campaigns, session in
            let accounts = try ConnectionService().adAccounts(ids: campaigns.map(\.adAccountID), in: session)
            return try campaigns.map { campaign in
                guard let account = accounts[campaign.adAccountID] else { throw UserError.notFound("Ad account") }
                return account
            }
        }
        resolvers.batch("Campaign", "budget", on: Campaign.self) { campaigns, session in
            let budgets = try service.budgets(of: campaigns.map(\.id), in: session)
            return campaigns.map { budgets[$0.id] }
        }
        resolvers.campaign("Campaign", "copiedFrom", on: Campaign.self) { $0.copiedFromID }
        resolvers.batch("Campaign", "copies", on: Campaign.self) { campaigns, session in
            let copies = try service.copies(of: campaigns.map(\.id), in: session)
            return campaigns.map { copies[$0.id] ?? [] }
        }
        resolvers.batch("Campaign", "units", on: Campaign.self) { campaigns, session in
            let units = try service.units(of: campaigns.map(\.id), in: session)
            return campaigns.map { units[$0.id] ?? [] }
        }
        resolvers.batch("Campaign", "creatives", on: Campaign.self) { campaigns, session in
            let creatives = try service.creatives(ofCampaigns: campaigns.map(\.id), in: session)
            return campaigns.map { creatives[$0.id] ?? [] }
        }
        resolvers.field("CampaignBudget", "type", on: CampaignBudget.self) { budget, _ in budget.type.apiName }
        resolvers.field("CampaignBudget", "amount", on: CampaignBudget.self) { budget, _ in budget.amount.text }
        resolvers.field("CampaignBudget", "currency", on: CampaignBudget.self) { budget, _ in budget.currency }

        // MARK: Units and creatives

        resolvers.field("CampaignUnit", "id", on: CampaignUnit.self) { unit, _ in GlobalID.encode("CampaignUnit", unit.id) }
        resolvers.field("CampaignUnit", "name", on: CampaignUnit.self) { unit, _ in unit.name }
        resolvers.field("CampaignUnit", "budgetAllocation", on: CampaignUnit.self) { unit, _ in unit.budgetAllocation?.text }
        resolvers.field("CampaignUnit", "externalId", on: CampaignUnit.self) { unit, _ in unit.externalID }
        resolvers.batch("CampaignUnit", "audience", on: CampaignUnit.self) { units, session in
            let audiences = try AudienceService().get(ids: units.map(\.audienceID), in: session)
            return try units.map { unit in
                guard let audience = audiences[unit.audienceID] else { throw AudienceResolvers.notFound }
                return audience
            }
        }
        resolvers.batch("CampaignUnit", "creatives", on: CampaignUnit.self) { units, session in
            let creatives = try service.creatives(ofUnits: units.map(\.id), in: session)
            return units.map { creatives[$0.id] ?? [] }
        }

        resolvers.field("AdCreative", "id", on: AdCreative.self) { creative, _ in GlobalID.encode("AdCreative", creative.id) }
        resolvers.field("AdCreative", "headline", on: AdCreative.self) { creative, _ in creative.headline }
        resolvers.field("AdCreative", "description", on: AdCreative.self) { creative, _ in creative.description }
        resolvers.field("AdCreative", "headlines", on: AdCreative.self) { creative, _ in creative.headlines }
        resolvers.field("AdCreative", "descriptions", on: AdCreative.self) { creative, _ in creative.descriptions }
        resolvers.field("AdCreative", "mediaUrl", on: AdCreative.self) { creative, _ in creative.mediaURL }
        resolvers.field("AdCreative", "callToAction", on: AdCreative.self) { creative, _ in creative.callToAction.apiName }
        resolvers.field("AdCreative", "landingUrl", on: AdCreative.self) { creative, _ in creative.landingURL }
        resolvers.field("AdCreative", "version", on: AdCreative.self) { creative, _ in creative.version }
        resolvers.batch("AdCreative", "parent", on: AdCreative.self) { creatives, session in
            let parents = try service.creatives(ids: creatives.compactMap(\.parentID), in: session)
            return creatives.map { $0.parentID.flatMap { parents[$0] } }
        }
        resolvers.batch("AdCreative", "history", on: AdCreative.self) { creatives, session in
            let history = try service.history(of: creatives.map(\.id), in: session)
            return creatives.map { history[$0.id] ?? [] }
        }

        // MARK: Mutations

        resolvers.mutation("createCampaign") { context, session in
            let input = context.argument("input")?.objectValue ?? JSONObject()
            let budget = input["budget"]?.objectValue ?? JSONObject()
            let draft = CampaignDraft(
                adAccountID: input["adAccountId"]?.stringValue.flatMap { GlobalID.decode($0, as: "AdAccount") },
                name: input["name"]?.stringValue ?? "",
                objective: input["objective"]?.stringValue.flatMap(Objective.init(apiName:)),
                budget: budgetDraft(budget))
            return try withinInput { try service.create(draft, in: session) }
        }
        resolvers.mutation("updateCampaign") { context, session in
            let id = try campaignID(context.argument("id"))
            let input = context.argument("input")?.objectValue ?? JSONObject()
            for key in ["name", "objective"] where input[key] == .null {
                throw UserError.badInput("\(key) cannot be null; leave it out to keep the current value.", field: "input.\(key)")
            }
            let changes = CampaignChanges(
                name: input["name"]?.stringValue, objective: input["objective"]?.stringValue.flatMap(Objective.init(apiName:)))
            try withinInput {
                try LiveEdits.edit(context, campaign: id, session) { _ = try service.update(id, with: changes, in: $0) }
            }
            return try service.get(id, in: session)
        }
        resolvers.mutation("setCampaignBudget") { context, session in
            let id = try campaignID(context.argument("id"))
            let draft = budgetDraft(context.argument("budget")?.objectValue ?? JSONObject())
            try LiveEdits.edit(context, campaign: id, session) { _ = try service.setBudget(id, draft, in: $0) }
            return try service.get(id, in: session)
        }
        resolvers.mutation("setCampaignDates") { context, session in
            let id = try campaignID(context.argument("id"))
            let start = context.argument("startDate")?.stringValue, end = context.argument("endDate")?.stringValue
            try LiveEdits.edit(context, campaign: id, session) { _ = try service.setDates(id, start: start, end: end, in: $0) }
            return try service.get(id, in: session)
        }
        resolvers.mutation("copyCampaign") { context, session in
            let id = try campaignID(context.argument("id"))
            let account = context.argument("adAccountId")?.stringValue.flatMap { GlobalID.decode($0, as: "AdAccount") }
            let budget = context.argument("budget")?.objectValue.map(budgetDraft)
            return try service.copy(id, to: account, budget: budget, in: session)
        }
        resolvers.mutation("deleteCampaign") { context, session in
            let id = try campaignID(context.argument("id"))
            try service.delete(id, in: session)
            return GlobalID.encode("Campaign", id)
        }
        resolvers.mutation("createCampaignUnit") { context, session in
            let input = context.argument("input")?.objectValue ?? JSONObject()
            var allocation: Money?
            if let value = input["budgetAllocation"], value != .null {
                guard let money = money(value) else { throw notNumeric("input.budgetAllocation") }
                allocation = money
            }
            let draft = CampaignUnitDraft(
                campaignID: input["campaignId"]?.stringValue.flatMap { GlobalID.decode($0, as: "Campaign") },
                audienceID: input["audienceId"]?.stringValue.flatMap { GlobalID.decode($0, as: "Audience") },
                name: input["name"]?.stringValue ?? "", budgetAllocation: allocation,
                keywords: TargetingResolvers.keywords(input["keywords"]))
            return try withinInput {
                let unit = try LiveEdits.add(context, campaign: draft.campaignID, session) { try service.createUnit(draft, in: $0) }
                // Read again: on a live campaign, its platform id was recorded after the insert.
                return try service.unit(unit.id, in: session) ?? unit
            }
        }
        resolvers.mutation("createAdCreative") { context, session in
            let input = context.argument("input")?.objectValue ?? JSONObject()
            let unitID = input["campaignUnitId"]?.stringValue.flatMap { GlobalID.decode($0, as: "CampaignUnit") }
            return try withinInput {
                let campaignID = try unitID.flatMap { try service.unit($0, in: session)?.campaignID }
                return try LiveEdits.add(context, campaign: campaignID, session) { try service.createCreative(unitID: unitID, creativeDraft(input), in: $0) }
            }
        }
        resolvers.mutation("reviseAdCreative") { context, session in
            guard case .string(let text)? = context.argument("id"), let id = GlobalID.decode(text, as: "AdCreative") else {
                throw UserError.notFound("Ad creative")
            }
            let input = context.argument("input")?.objectValue ?? JSONObject()
            for key in ["headline", "headlines", "descriptions", "callToAction", "landingUrl"] where input[key] == .null {
                throw UserError.badInput("\(key) cannot be null; leave it out to keep the current value.", field: "input.\(key)")
            }
            return try withinInput {
                let campaignID = try service.creatives(ids: [id], in: session)[id]
                    .flatMap { try service.unit($0.campaignUnitID, in: session)?.campaignID }
                return try LiveEdits.add(context, campaign: campaignID, session) { try service.reviseCreative(id, creativeDraft(input), in: $0) }
            }
        }
        return resolvers
    }

    static func creativeDraft(_ input: JSONObject) -> AdCreativeDraft {
        func optional(_ key: String) -> String?? {
            guard let value = input[key] else { return nil }
            return .some(value.stringValue)
        }
        return AdCreativeDraft(
            headline: input["headline"]?.stringValue, description: optional("description"), mediaURL: optional("mediaUrl"),
            callToAction: input["callToAction"]?.stringValue.flatMap(CallToAction.init(apiName:)),
            landingURL: input["landingUrl"]?.stringValue,
            headlines: input["headlines"]?.stringList,
            descriptions: input["descriptions"]?.stringList)
    }

    static func budgetDraft(_ budget: JSONObject) -> BudgetDraft {
        BudgetDraft(
            type: budget["type"]?.stringValue.flatMap(BudgetType.init(apiName:)),
            amount: budget["amount"].flatMap(money), currency: budget["currency"]?.stringValue ?? "")
    }

    /// A `Decimal` input: a numeric string or a JSON number.
    static func money(_ value: JSON) -> Money? {
        switch value {
        case .string(let text): Money(text)
        case .int(let number): Money(String(number))
        // Swift's shortest round-trip form: 12.34 stays "12.34" (a Decimal conversion could add binary noise).
        case .double(let number) where number.isFinite: Money("\(number)")
        default: nil
        }
    }

    static func notNumeric(_ field: String) -> UserError {
        UserError.badInput("\(field) must be a decimal number such as \"50.00\".", field: field)
    }

    static func campaignID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "Campaign") else { throw notFound }
        return id
    }

    static let notFound = UserError.notFound("Campaign")
}

struct CampaignConnection: GraphQLObject {
    var page: CampaignPage
    var order: CampaignOrder
    var filter: CampaignFilter
    var session: TenantSession
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

struct CampaignEdge: GraphQLObject {
    var campaign: Campaign
    var cursor: String
}

extension Campaign: GraphQLObject { public var graphQLTypeName: String? { "Campaign" } }
extension CampaignBudget: GraphQLObject { public var graphQLTypeName: String? { "CampaignBudget" } }
extension CampaignUnit: GraphQLObject { public var graphQLTypeName: String? { "CampaignUnit" } }
extension AdCreative: GraphQLObject { public var graphQLTypeName: String? { "AdCreative" } }
extension Objective: APIEnum {}
extension CampaignStatus: APIEnum {}
extension BudgetType: APIEnum {}
extension CallToAction: APIEnum {}
