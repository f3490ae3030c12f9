import Campaigns
import Foundation
import GraphQL

/// Metric definitions and the types a campaign's metrics and execution log come in (the `Campaign` fields that
/// read them are bound with the campaign's other fields).
enum MetricResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = MetricService()

        resolvers.query("metricDefinitions") { context in
            try service.definitions(in: try context.session)
        }
        resolvers.object("MetricDefinition", of: MetricDefinition.self) { object in
            object.field("key") { definition, _ in definition.key }
            object.field("label") { definition, _ in definition.label }
            object.field("unit") { definition, _ in definition.unit }
        }

        resolvers.connection("ExecutionLog", of: ExecutionLogEntry.self)
        resolvers.object("ExecutionLogEntry", of: ExecutionLogEntry.self) { object in
            object.field("id") { entry, _ in GlobalID.encode(.executionLogEntry, entry.id) }
            object.field("action") { entry, _ in entry.action }
            object.field("status") { entry, _ in entry.status.uppercased() }
            object.field("message") { entry, _ in entry.message }
            object.field("createdAt") { entry, _ in entry.createdAt.graphQLDateTime }
        }

        resolvers.object("MetricPoint", of: MetricPoint.self) { object in
            object.field("date") { point, _ in point.date }
            object.field("key") { point, _ in point.key }
            object.field("value") { point, _ in point.value }
        }

        resolvers.object("MetricTotal", of: MetricTotal.self) { object in
            object.field("key") { total, _ in total.key }
            object.field("label") { total, _ in total.label }
            object.field("unit") { total, _ in total.unit }
            object.field("value") { total, _ in total.value }
        }
        return resolvers
    }
}

extension MetricDefinition: GraphQLObject { public var graphQLTypeName: String? { "MetricDefinition" } }
extension MetricPoint: GraphQLObject { public var graphQLTypeName: String? { "MetricPoint" } }
extension MetricTotal: GraphQLObject { public var graphQLTypeName: String? { "MetricTotal" } }
extension ExecutionLogEntry: GraphQLObject { public var graphQLTypeName: String? { "ExecutionLogEntry" } }
