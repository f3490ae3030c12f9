/// Field errors: client-facing errors reported as they are, everything else masked, all listed in
/// response order.
extension ExecutionRun {
    /// Records an error with its position's slot indices, so errors can be listed in response order. Until
    /// null propagation says otherwise (`propagated(to:)`), the error nulls its own position.
    func report(_ error: GraphQLError, at position: ResultPosition) {
        let order = Self.order(of: position.node) + [position.slot]
        located.append((order, located.count, order, error))
    }

    /// The slot indices from the root down to `node`'s own position (`[]` for the root).
    static func order(of node: ResultNode) -> [Int] {
        var order: [Int] = []
        var current = node
        while let parent = current.parent {
            order.append(current.slot)
            current = parent
        }
        return order.reversed()
    }

    /// Marks `node` null because of the last reported error.
    func nulled(_ node: ResultNode) {
        node.isNull = true
        anyNodeNulled = true
        guard let order = located.last?.order else { return }
        let key = ObjectIdentifier(node)
        if let earlier = nullingErrors[key], earlier.lexicographicallyPrecedes(order) { return }
        nullingErrors[key] = order
    }

    /// Whether a pending object is left unexecuted because an ancestor is null. graphql-js, depth first, had
    /// already executed what comes before the error that nulled the ancestor, so that part still runs (its
    /// errors are then reported first, in its place).
    func isSkipped(_ node: ResultNode) -> Bool {
        var nulledBy: [Int]?
        var current: ResultNode? = node
        while let candidate = current {
            if candidate.isNull {
                guard let order = nullingErrors[ObjectIdentifier(candidate)] else { return true }
                if nulledBy.map({ order.lexicographicallyPrecedes($0) }) ?? true { nulledBy = order }
            }
            current = candidate.parent
        }
        guard let nulledBy else { return false }
        return !Self.order(of: node).lexicographicallyPrecedes(nulledBy)
    }

    /// The last reported error's null propagated up to `node`, which is now null.
    func propagated(to node: ResultNode) {
        guard !located.isEmpty else { return }
        let order = Self.order(of: node)
        if order.count < located[located.count - 1].nulled.count { located[located.count - 1].nulled = order }
    }

    /// The errors in response order, as graphql-js reports them when resolvers are synchronous (depth first),
    /// although this executor runs breadth first: an error whose null propagated up to a position ends the
    /// execution of that position's subtree in graphql-js, so errors later in the same subtree, which this
    /// executor met because it had already started the next fields of the level, are left out.
    var errors: [GraphQLError] {
        if located.count < 2 { return located.map(\.error) }
        let sorted = located.sorted { lhs, rhs in
            if lhs.order.lexicographicallyPrecedes(rhs.order) { return true }
            if rhs.order.lexicographicallyPrecedes(lhs.order) { return false }
            return lhs.sequence < rhs.sequence
        }
        // Positions under one prefix are contiguous in this order, so one nulled subtree is open at a time.
        var reported: [GraphQLError] = []
        var deadSubtree: [Int]?
        for entry in sorted {
            if let dead = deadSubtree, entry.order.starts(with: dead) { continue }
            reported.append(entry.error)
            deadSubtree = entry.nulled
        }
        return reported
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
