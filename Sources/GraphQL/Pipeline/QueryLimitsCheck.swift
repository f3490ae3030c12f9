extension QueryLimits {
    /// Measures the operation `operationName` selects (or the document's only operation).
    ///
    /// Returns `nil` when no single operation is selected; execution reports that case itself.
    /// `schema` tells which fields return lists; without it, only fields given a list-size
    /// argument count as lists.
    public func measure(
        _ document: Document,
        operationName: String? = nil,
        variables: JSONObject? = nil,
        schema: (any QueryShapeSchema)? = nil
    ) -> QueryMeasurements? {
        guard let operation = document.pipelineOperation(named: operationName) else { return nil }
        var measurer = QueryMeasurer(
            document: document, operation: operation, variables: variables, schema: schema, limits: self)
        return measurer.measure(operation)
    }

    /// One error per exceeded limit, in the order depth, aliases, root fields, cost, list argument; empty when within limits.
    public func violations(
        in document: Document,
        operationName: String? = nil,
        variables: JSONObject? = nil,
        schema: (any QueryShapeSchema)? = nil
    ) -> [GraphQLError] {
        guard let operation = document.pipelineOperation(named: operationName),
            let measured = measure(document, operationName: operationName, variables: variables, schema: schema)
        else { return [] }
        let locations = operation.sourceLocation.map { [$0] } ?? []
        var errors: [GraphQLError] = []
        func report(_ code: QueryLimitCode, _ message: String, _ found: Int, _ limit: Int) {
            let extensions = JSONObject([
                ("code", .string(code.rawValue)), ("limit", .int(limit)), ("found", .int(found)),
            ])
            errors.append(GraphQLError(message, locations: locations, extensions: extensions))
        }
        if let limit = maxDepth, measured.depth > limit {
            report(.tooDeep, "Query is \(measured.depth) levels deep; the maximum depth is \(limit).", measured.depth, limit)
        }
        if let limit = maxAliases, measured.aliases > limit {
            report(.tooManyAliases, "Query uses \(measured.aliases) aliases; at most \(limit) are allowed.", measured.aliases, limit)
        }
        if let limit = maxRootFields, measured.rootFields > limit {
            report(
                .tooManyRootFields, "Query selects \(measured.rootFields) root fields; at most \(limit) are allowed.",
                measured.rootFields, limit)
        }
        if let limit = maxCost, measured.cost > limit {
            let found = measured.cost == Int.max ? "more than \(Int.max - 1)" : "\(measured.cost)"
            report(.tooComplex, "Query costs \(found); the maximum cost is \(limit).", measured.cost, limit)
        }
        if let limit = maxListArgumentLength, let list = measured.longestList, list.length > limit {
            report(
                .listArgumentTooLong,
                "Argument \"\(list.argument)\" of field \"\(list.field)\" has \(list.length) items; at most \(limit) are allowed.",
                list.length, limit)
        }
        return errors
    }
}

extension Document {
    /// The operation a request runs: the one named `name`, or the only one when no name is given.
    /// `nil` when there is no such operation or the choice is ambiguous.
    func pipelineOperation(named name: String?) -> OperationDefinition? {
        var found: OperationDefinition?
        for case .operation(let operation) in definitions {
            if let name {
                if operation.name?.value == name { return operation }
            } else {
                if found != nil { return nil }
                found = operation
            }
        }
        return found
    }
}
