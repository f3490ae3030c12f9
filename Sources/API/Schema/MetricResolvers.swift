import Campaigns
import Foundation
import GraphQL

/// Metric definitions, a campaign's platform id, execution log, daily metrics and totals. The campaign fields
/// are batch resolvers: one statement per level, whatever the number of campaigns.
enum MetricResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = MetricService()

        resolvers.field("Query", "metricDefinitions") { context in
            try service.definitions(in: try context.context(as: RequestContext.self).session)
        }
        resolvers.field("MetricDefinition", "key", on: MetricDefinition.self) { definition, _ in definition.key }
        resolvers.field("MetricDefinition", "label", on: MetricDefinition.self) { definition, _ in definition.label }
        resolvers.field("MetricDefinition", "unit", on: MetricDefinition.self) { definition, _ in definition.unit }

        resolvers.batch("Campaign", "externalCampaignId", on: Campaign.self) { campaigns, session in
            let ids = try service.externalIDs(of: campaigns.map(\.id), in: session)
            return campaigns.map { ids[$0.id] }
        }

        resolvers.batchField("Campaign", "executionLog") { (batch: BatchFieldContext) throws -> [ExecutionLogConnection] in
            let session = try batch.context(as: RequestContext.self).session
            let campaigns = try batch.parents(as: Campaign.self)
            guard case .int(let first)? = batch.argument("first"), (1...100).contains(first) else {
                throw UserError.badInput("first must be between 1 and 100.", field: "first")
            }
            var after: CreationCursor?
            if case .string(let text)? = batch.argument("after") {
                guard let cursor = PageCursor.decode(text) else {
                    throw UserError.badInput("after is not a valid cursor.", field: "after")
                }
                after = cursor
            }
            let pages = try service.executionLogs(of: campaigns.map(\.id), first: first, after: after, in: session)
            return campaigns.map { ExecutionLogConnection(page: pages[$0.id] ?? ExecutionLogPage(entries: [], hasNextPage: false)) }
        }
        resolvers.field("ExecutionLogConnection", "edges", on: ExecutionLogConnection.self) { connection, _ in
            connection.page.entries.map { ExecutionLogEdge(entry: $0, cursor: PageCursor.encode($0.cursor)) }
        }
        resolvers.field("ExecutionLogConnection", "pageInfo", on: ExecutionLogConnection.self) { connection, _ in
            PageInfo(hasNextPage: connection.page.hasNextPage,
                     endCursor: connection.page.entries.last.map { PageCursor.encode($0.cursor) })
        }
        resolvers.field("ExecutionLogEdge", "cursor", on: ExecutionLogEdge.self) { edge, _ in edge.cursor }
        resolvers.field("ExecutionLogEdge", "node", on: ExecutionLogEdge.self) { edge, _ in edge.entry }
        resolvers.field("ExecutionLogEntry", "id", on: ExecutionLogEntry.self) { entry, _ in GlobalID.encode("ExecutionLogEntry", entry.id) }
        resolvers.field("ExecutionLogEntry", "action", on: ExecutionLogEntry.self) { entry, _ in entry.action }
        resolvers.field("ExecutionLogEntry", "status", on: ExecutionLogEntry.self) { entry, _ in entry.status.uppercased() }
        resolvers.field("ExecutionLogEntry", "message", on: ExecutionLogEntry.self) { entry, _ in entry.message }
        resolvers.field("ExecutionLogEntry", "createdAt", on: ExecutionLogEntry.self) { entry, _ in entry.createdAt.graphQLDateTime }

        resolvers.batchField("Campaign", "metrics") { (batch: BatchFieldContext) throws -> [[MetricPoint]] in
            try ArgumentLimits.check(batch)
            let session = try batch.context(as: RequestContext.self).session
            let campaigns = try batch.parents(as: Campaign.self)
            let (from, to) = try range(batch)
            var keys: [String]?
            if case .array(let values)? = batch.argument("keys") { keys = values.compactMap(\.stringValue) }
            let points = try service.points(of: campaigns.map(\.id), from: from, to: to, keys: keys, in: session)
            return campaigns.map { points[$0.id] ?? [] }
        }
        resolvers.field("MetricPoint", "date", on: MetricPoint.self) { point, _ in point.date }
        resolvers.field("MetricPoint", "key", on: MetricPoint.self) { point, _ in point.key }
        resolvers.field("MetricPoint", "value", on: MetricPoint.self) { point, _ in point.value }

        resolvers.batchField("Campaign", "metricTotals") { (batch: BatchFieldContext) throws -> [[MetricTotal]] in
            let session = try batch.context(as: RequestContext.self).session
            let campaigns = try batch.parents(as: Campaign.self)
            let (from, to) = try range(batch)
            let totals = try service.totals(of: campaigns.map(\.id), from: from, to: to, in: session)
            return campaigns.map { totals[$0.id] ?? [] }
        }
        resolvers.field("MetricTotal", "key", on: MetricTotal.self) { total, _ in total.key }
        resolvers.field("MetricTotal", "label", on: MetricTotal.self) { total, _ in total.label }
        resolvers.field("MetricTotal", "unit", on: MetricTotal.self) { total, _ in total.unit }
        resolvers.field("MetricTotal", "value", on: MetricTotal.self) { total, _ in total.value }
        return resolvers
    }

    /// `from` and `to` as checked `Date`s: `from` ≤ `to`, at most 366 days (inclusive).
    static func range(_ batch: BatchFieldContext) throws -> (String, String) {
        let from = try day(batch.argument("from"), field: "from")
        let to = try day(batch.argument("to"), field: "to")
        guard from.day <= to.day else { throw UserError.badInput("from must not be after to.", field: "from") }
        guard to.day - from.day < 366 else {
            throw UserError.badInput("The range from from to to must be at most 366 days.", field: "to")
        }
        return (from.text, to.text)
    }

    /// A strict `Date` (`YYYY-MM-DD`, a real calendar day, year 1 to 9999) and its day number.
    static func day(_ value: JSON?, field: String) throws -> (text: String, day: Int) {
        let refused = UserError.badInput("\(field) must be a date in the form YYYY-MM-DD.", field: field)
        guard case .string(let text)? = value else { throw refused }
        let characters = Array(text)
        let pattern = Array("dddd-dd-dd")
        guard characters.count == pattern.count else { throw refused }
        for (character, expected) in zip(characters, pattern) {
            if expected == "d" ? !("0"..."9").contains(character) : character != expected { throw refused }
        }
        guard let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])),
              let dayOfMonth = Int(String(characters[8..<10])), year >= 1, (1...12).contains(month) else { throw refused }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...lengths[month - 1]).contains(dayOfMonth) else { throw refused }
        // Days since 0000-03-01 (proleptic Gregorian), for the range's length.
        let shiftedYear = month <= 2 ? year - 1 : year
        let shiftedMonth = (month + 9) % 12
        let number = 365 * shiftedYear + shiftedYear / 4 - shiftedYear / 100 + shiftedYear / 400
            + (shiftedMonth * 306 + 5) / 10 + (dayOfMonth - 1)
        return (text, number)
    }
}

struct ExecutionLogConnection: GraphQLObject {
    var page: ExecutionLogPage
}

struct ExecutionLogEdge: GraphQLObject {
    var entry: ExecutionLogEntry
    var cursor: String
}

extension MetricDefinition: GraphQLObject { public var graphQLTypeName: String? { "MetricDefinition" } }
extension MetricPoint: GraphQLObject { public var graphQLTypeName: String? { "MetricPoint" } }
extension MetricTotal: GraphQLObject { public var graphQLTypeName: String? { "MetricTotal" } }
extension ExecutionLogEntry: GraphQLObject { public var graphQLTypeName: String? { "ExecutionLogEntry" } }
