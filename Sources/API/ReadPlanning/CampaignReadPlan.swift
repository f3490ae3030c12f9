import Campaigns
import Foundation
import GraphQL
import Postgres

/// `campaigns(…)` read in one statement: the page's campaigns joined to their budgets, units and the units' current
/// creatives, written straight into the response (`SerializedJSON`), instead of one statement per level decoded
/// into Swift values and completed field by field.
///
/// The planner lives in the API layer because it reads GraphQL selections; what it may touch is narrow. It only
/// reads, through the request's tenant session (row-level security on), starting from the page the domain defines
/// (`CampaignService.pageSource`: the organization filter, the keyset and the order), and joins each child on the
/// parent's `organization_id` as well as its id. It plans a selection only when it knows every field in it; anything
/// else (another field, two lists under one object, an argument) is left to the resolvers, which remain the
/// reference: `PlannedReadTests` compares the two on the same data.
struct CampaignReadPlan: Sendable {
    private var columns: [String] = []
    private var joinsBudget = false
    private var joinsUnits = false
    private var joinsUnitCreatives = false
    private var connectionFields: [(key: [UInt8], value: ConnectionValue)] = []
    private var edge = PlannedObject(key: 0)
    /// The edge cursor, once a field asks for one (its columns are read only then).
    private var cursor: (@Sendable (PostgresResult, Int) -> String)?
    let order: CampaignOrder
    /// Whether the selection asks for `totalCount`, which costs a count of its own.
    private(set) var countsTotal = false

    private enum ConnectionValue {
        case edges
        case pageInfo([(key: [UInt8], value: PageInfoValue)])
        case totalCount
        case constant([UInt8])
    }

    private enum PageInfoValue {
        case hasNextPage, endCursor
        case constant([UInt8])
    }

    /// The plan of a `CampaignConnection` selection, or nil when it selects a field this plan does not read.
    init?(_ connection: SelectedFields, order: CampaignOrder) {
        self.order = order
        let campaignID = column("c.id")
        edge.key = campaignID
        for field in connection.fields {
            switch field.fieldName {
            case "__typename": connectionFields.append((field.keyBytes, .constant(Self.quoted("CampaignConnection"))))
            case "totalCount":
                countsTotal = true
                connectionFields.append((field.keyBytes, .totalCount))
            case "pageInfo":
                guard let selection = field.subfields(on: "PageInfo") else { return nil }
                var pageInfo: [(key: [UInt8], value: PageInfoValue)] = []
                for info in selection.fields {
                    switch info.fieldName {
                    case "hasNextPage": pageInfo.append((info.keyBytes, .hasNextPage))
                    case "endCursor":
                        _ = readCursor()
                        pageInfo.append((info.keyBytes, .endCursor))
                    case "__typename": pageInfo.append((info.keyBytes, .constant(Self.quoted("PageInfo"))))
                    default: return nil
                    }
                }
                connectionFields.append((field.keyBytes, .pageInfo(pageInfo)))
            case "edges":
                // The edges once: two aliases of them would share one planned edge.
                guard edge.fields.isEmpty, let selection = field.subfields(on: "CampaignEdge") else { return nil }
                for edgeField in selection.fields {
                    switch edgeField.fieldName {
                    case "__typename": edge.fields.append(PlannedField(key: edgeField.keyBytes, value: .constant(Self.quoted("CampaignEdge"))))
                    case "cursor": edge.fields.append(PlannedField(key: edgeField.keyBytes, value: .computed(readCursor())))
                    case "node":
                        guard let node = edgeField.subfields(on: "Campaign"), let campaign = planCampaign(node, id: campaignID) else { return nil }
                        edge.fields.append(PlannedField(key: edgeField.keyBytes, value: .embedded(campaign)))
                    default: return nil
                    }
                }
                connectionFields.append((field.keyBytes, .edges))
            default:
                return nil
            }
        }
    }

    /// The cursor of an edge's row (`campaigns(after:)` reads it back), its columns added to the statement on first use.
    private mutating func readCursor() -> @Sendable (PostgresResult, Int) -> String {
        if let cursor { return cursor }
        let id = column("c.id")
        let read: @Sendable (PostgresResult, Int) -> String
        switch order {
        case .name:
            let name = column("c.name")
            read = { result, row in CampaignCursor.encode(.name(result.string(row, name) ?? "", Self.uuid(result, row, id))) }
        case .newest, .oldest:
            let time = column(Self.cursorTime)
            read = { result, row in PageCursor.encode(createdAt: result.string(row, time) ?? "", id: Self.uuid(result, row, id)) }
        }
        cursor = read
        return read
    }

    /// A uuid column's value, which PostgreSQL prints in the canonical form.
    private static func uuid(_ result: PostgresResult, _ row: Int, _ column: Int) -> UUID {
        UUID(uuidString: result.string(row, column)!)!
    }

    // MARK: Types

    /// An object of type `typeName` whose fields `value` reads (nil: a field this plan does not read, so no plan);
    /// `__typename` is read here, and a field that takes arguments is never planned.
    private mutating func plan(
        _ selection: SelectedFields, typeName: String, key: Int, _ value: (inout CampaignReadPlan, SelectedField) -> PlannedValue?
    ) -> PlannedObject? {
        var object = PlannedObject(key: key)
        for field in selection.fields {
            guard !field.definesArguments else { return nil }
            guard let planned = field.fieldName == "__typename" ? .constant(Self.quoted(typeName)) : value(&self, field) else { return nil }
            object.fields.append(PlannedField(key: field.keyBytes, value: planned))
        }
        return object
    }

    private mutating func planCampaign(_ selection: SelectedFields, id: Int) -> PlannedObject? {
        plan(selection, typeName: "Campaign", key: id) { plan, field in
            switch field.fieldName {
            case "id": return .globalID(.campaign, column: id)
            case "name": return .text(column: plan.column("c.name"))
            case "platform": return .enumValue(column: plan.column("c.platform"))
            case "objective": return .enumValue(column: plan.column("c.objective"))
            case "status": return .enumValue(column: plan.column("c.status"))
            case "createdAt": return .text(column: plan.column(Self.dateTime("c.created_at")))
            case "startDate": return .text(column: plan.column("to_char(c.start_date, 'YYYY-MM-DD')"))
            case "endDate": return .text(column: plan.column("to_char(c.end_date, 'YYYY-MM-DD')"))
            case "metaPixelId": return .text(column: plan.column("c.meta_pixel_id"))
            case "budget":
                guard !plan.joinsBudget, let selection = field.subfields(on: "CampaignBudget") else { return nil }
                return plan.planBudget(selection).map(PlannedValue.optional)
            case "units":
                guard !plan.joinsUnits, let selection = field.subfields(on: "CampaignUnit") else { return nil }
                return plan.planUnit(selection).map(PlannedValue.list)
            default: return nil
            }
        }
    }

    private mutating func planBudget(_ selection: SelectedFields) -> PlannedObject? {
        joinsBudget = true
        // Any NOT NULL column of the budget tells whether the LEFT JOIN found one; its type is the shortest.
        return plan(selection, typeName: "CampaignBudget", key: column("b.type")) { plan, field in
            switch field.fieldName {
            case "type": return .enumValue(column: plan.column("b.type"))
            case "amount": return .text(column: plan.column("b.amount::text"))
            case "currency": return .text(column: plan.column("b.currency"))
            default: return nil
            }
        }
    }

    private mutating func planUnit(_ selection: SelectedFields) -> PlannedObject? {
        joinsUnits = true
        let id = column("u.id")
        return plan(selection, typeName: "CampaignUnit", key: id) { plan, field in
            switch field.fieldName {
            case "id": return .globalID(.campaignUnit, column: id)
            case "name": return .text(column: plan.column("u.name"))
            case "budgetAllocation": return .text(column: plan.column("u.budget_allocation::text"))
            case "externalId": return .text(column: plan.column("u.external_id"))
            case "creatives":
                guard !plan.joinsUnitCreatives, let selection = field.subfields(on: "AdCreative") else { return nil }
                return plan.planCreative(selection).map(PlannedValue.list)
            default: return nil
            }
        }
    }

    private mutating func planCreative(_ selection: SelectedFields) -> PlannedObject? {
        joinsUnitCreatives = true
        let id = column("a.id")
        return plan(selection, typeName: "AdCreative", key: id) { plan, field in
            switch field.fieldName {
            case "id": return .globalID(.adCreative, column: id)
            case "headline": return .text(column: plan.column("a.headline"))
            case "description": return .text(column: plan.column("a.description"))
            case "mediaUrl": return .text(column: plan.column("a.media_url"))
            case "callToAction": return .enumValue(column: plan.column("a.call_to_action"))
            case "landingUrl": return .text(column: plan.column("a.landing_url"))
            case "version": return .integer(column: plan.column("a.version"))
            default: return nil
            }
        }
    }

    // MARK: Statement

    /// The column reading `expression`, added once however many fields read it.
    private mutating func column(_ expression: String) -> Int {
        if let index = columns.firstIndex(of: expression) { return index }
        columns.append(expression)
        return columns.count - 1
    }

    /// The statement over the page `source` (`CampaignService.pageSource`).
    func statement(source: PostgresQuery) -> PostgresQuery {
        var joins = ""
        var order = CampaignService.orderBy(self.order)
        if joinsBudget {
            joins += " LEFT JOIN campaign_budgets b ON b.organization_id = c.organization_id AND b.campaign_id = c.id"
        }
        if joinsUnits {
            joins += " LEFT JOIN campaign_units u ON u.organization_id = c.organization_id AND u.campaign_id = c.id"
            order += ", u.created_at, u.id"
        }
        if joinsUnitCreatives {
            joins += """
                 LEFT JOIN ad_creatives a ON a.organization_id = u.organization_id AND a.campaign_unit_id = u.id \
                AND \(CampaignService.current)
                """
            order += ", a.created_at, a.id"
        }
        return "SELECT \(unescaped: columns.joined(separator: ", ")) FROM (SELECT c.* " + source
            + " ) c\(unescaped: joins) ORDER BY \(unescaped: order)"
    }

    /// Runs the statement and writes the connection: the first `first` campaigns of the page (the statement reads one
    /// more, to tell whether a next page exists). `alone` when the request is a query, whose first statement may have a
    /// transaction of its own (`TenantSession.queryResult`).
    func run(source: PostgresQuery, first: Int, in session: TenantSession, alone: Bool, totalCount: () throws -> Int)
        throws -> SerializedJSON {
        // The page first: as the request's first statement it travels with the transaction's beginning (and its end).
        let result = try session.queryResult(statement(source: source), alone: alone)
        let total = countsTotal ? try totalCount() : 0
        var writer = PlannedJSONWriter(result: result, capacity: 64 + result.rowCount * 96)
        var end = 0, lastStart: Int?
        for _ in 0..<first where end < result.rowCount {
            lastStart = end
            end = writer.endOfObject(edge, from: end, within: result.rowCount)
        }
        let hasNextPage = end < result.rowCount
        for (index, field) in connectionFields.enumerated() {
            writer.output.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            writer.output.append(contentsOf: field.key)
            switch field.value {
            case .edges: writer.writeList(edge, rows: 0..<end)
            case .totalCount: JSONWriter.writeInt(total, into: &writer.output)
            case .constant(let bytes): writer.output.append(contentsOf: bytes)
            case .pageInfo(let fields):
                let endCursor = lastStart.flatMap { start in cursor.map { $0(result, start) } }
                Self.writePageInfo(fields, hasNextPage: hasNextPage, endCursor: endCursor, into: &writer.output)
            }
        }
        writer.output.append(UInt8(ascii: "}"))
        return SerializedJSON(completed: writer.output)
    }

    private static func writePageInfo(
        _ fields: [(key: [UInt8], value: PageInfoValue)], hasNextPage: Bool, endCursor: String?, into output: inout [UInt8]
    ) {
        for (index, field) in fields.enumerated() {
            output.append(index == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
            output.append(contentsOf: field.key)
            switch field.value {
            case .hasNextPage: JSONWriter.write(.bool(hasNextPage), into: &output)
            case .endCursor: JSONWriter.write(endCursor.map(JSON.string) ?? .null, into: &output)
            case .constant(let bytes): output.append(contentsOf: bytes)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    // MARK: Formats

    /// The creation instant as cursors carry it, to the microsecond.
    private static let cursorTime = #"to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"#

    /// The `DateTime` scalar's form, to the millisecond (truncated, as `Date.graphQLDateTime`).
    private static func dateTime(_ column: String) -> String {
        #"to_char("# + column + #" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#
    }

    private static func quoted(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.writeString(text, into: &bytes)
        return bytes
    }
}
