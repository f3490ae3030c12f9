/// Field errors: client-facing errors reported as they are, everything else masked, all listed in
/// response order.
extension ExecutionRun {
    /// Records an error with its position's slot indices, so errors can be listed in response order.
    func report(_ error: GraphQLError, at position: ResultPosition) {
        var order = [position.slot]
        var node = position.node
        while let parent = node.parent {
            order.append(node.slot)
            node = parent
        }
        order.reverse()
        located.append((order, located.count, error))
    }

    /// The errors in response order: the order graphql-js reports them in when resolvers are synchronous
    /// (depth first), although this executor runs breadth first.
    var errors: [GraphQLError] {
        if located.count < 2 { return located.map(\.error) }
        return located.sorted { lhs, rhs in
            if lhs.order.lexicographicallyPrecedes(rhs.order) { return true }
            if rhs.order.lexicographicallyPrecedes(lhs.order) { return false }
            return lhs.sequence < rhs.sequence
        }.map(\.error)
    }

    /// Reports an error a resolver threw: client-facing errors as they are, anything else masked.
    func fieldError(_ error: any Error, plan: FieldPlan, position: ResultPosition) {
        let path = position.path
        if var graphQLError = error as? GraphQLError {
            if graphQLError.locations.isEmpty { graphQLError.locations = plan.locations }
            graphQLError.path = path
            report(graphQLError, at: position)
        } else if let convertible = error as? any GraphQLErrorConvertible ?? shared.options.presentError?(error) {
            var extensions = JSONObject()
            extensions["code"] = .string(convertible.graphQLCode)
            for (key, value) in convertible.graphQLExtensions.entries where key != "code" { extensions[key] = value }
            report(
                GraphQLError(convertible.graphQLMessage, locations: plan.locations, path: path, extensions: extensions),
                at: position)
        } else {
            shared.options.logInternalError?(error, path)
            report(
                GraphQLError(
                    "Internal server error", locations: plan.locations, path: path,
                    extensions: JSONObject([("code", .string("INTERNAL_SERVER_ERROR"))])), at: position)
        }
        fieldFailed(plan: plan, position: position)
    }
}
