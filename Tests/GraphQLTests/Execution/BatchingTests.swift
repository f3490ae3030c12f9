import Testing
@testable import GraphQL

@Suite struct BatchingTests {
    struct Campaign: GraphQLObject { var id: Int }
    struct Unit: GraphQLObject { var id: Int }
    struct Creative: GraphQLObject { var id: Int }

    let sdl = """
    type Query { campaigns(count: Int!): [Campaign!]! }
    type Campaign { id: Int!, units(kind: String): [Unit!]! }
    type Unit { id: Int!, creatives: [Creative!]! }
    type Creative { id: Int! }
    """

    func resolvers(log: CallLog) -> Resolvers {
        var resolvers = Resolvers()
        resolvers.field("Query", "campaigns") { ctx async throws -> [Campaign] in
            guard case .int(let count)? = ctx.argument("count") else { return [] }
            return (0..<count).map { Campaign(id: $0) }
        }
        resolvers.field("Campaign", "id") { ctx in try ctx.parent(as: Campaign.self).id }
        resolvers.batchField("Campaign", "units") { batch async throws -> [[Unit]] in
            let kind = stringArgument(batch.argument("kind")) ?? "-"
            log.record("units(\(kind)) x\(batch.parents.count)")
            return try batch.parents(as: Campaign.self).map { campaign in
                (0..<2).map { Unit(id: campaign.id * 10 + $0) }
            }
        }
        resolvers.field("Unit", "id") { ctx in try ctx.parent(as: Unit.self).id }
        resolvers.batchField("Unit", "creatives") { batch -> [[Creative]] in
            log.record("creatives x\(batch.parents.count)")
            return try batch.parents(as: Unit.self).map { [Creative(id: $0.id * 10)] }
        }
        resolvers.field("Creative", "id") { ctx in try ctx.parent(as: Creative.self).id }
        return resolvers
    }

    @Test func oneCallPerLevelAndArgumentSet() async throws {
        let log = CallLog()
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers(log: log))
        let result = try await runAsync(
            executable,
            "{ campaigns(count: 3) { id units { id creatives { id } } other: units(kind: \"x\") { id } } }")
        #expect(log.all.sorted() == ["creatives x6", "units(-) x3", "units(x) x3"])
        #expect(result == #"{"data":{"campaigns":[{"id":0,"units":[{"id":0,"creatives":[{"id":0}]},{"id":1,"creatives":[{"id":10}]}],"other":[{"id":0},{"id":1}]},{"id":1,"units":[{"id":10,"creatives":[{"id":100}]},{"id":11,"creatives":[{"id":110}]}],"other":[{"id":10},{"id":11}]},{"id":2,"units":[{"id":20,"creatives":[{"id":200}]},{"id":21,"creatives":[{"id":210}]}],"other":[{"id":20},{"id":21}]}]}}"#)
    }

    @Test func wrongNumberOfBatchValuesIsAnInternalError() throws {
        var resolvers = Resolvers()
        resolvers.field("Query", "campaigns") { _ in [Campaign(id: 1), Campaign(id: 2)] }
        resolvers.field("Campaign", "id") { ctx in try ctx.parent(as: Campaign.self).id }
        resolvers.batchField("Campaign", "units") { _ in [[Unit]]() }
        resolvers.defaultResolvers(for: "Unit")
        resolvers.defaultResolvers(for: "Creative")
        let logged = CallLog()
        let options = ExecutionOptions(logInternalError: { error, path in logged.record("\(path.count): \(error)") })
        let executable = try ExecutableSchema(schema: try executionTestSchema(sdl), resolvers: resolvers)
        let result = try runSync(executable, "{ campaigns(count: 2) { units { id } } }", options: options)
        // Both parents' fields failed in the one batch call, but the first error's null reaches `data`: a
        // depth-first execution would not have gone on to the second, so only the first is reported.
        #expect(result == #"{"errors":[{"message":"Internal server error","locations":[{"line":1,"column":25}],"path":["campaigns",0,"units"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#)
        #expect(logged.all == [
            "3: Batch resolver for Campaign.units returned 0 values for 2 parents",
            "3: Batch resolver for Campaign.units returned 0 values for 2 parents",
        ])
    }
}

@Suite struct TypedParentResolverTests {
    struct Campaign: GraphQLObject { var id: Int }
    struct Unit: GraphQLObject { var campaignID: Int; var index: Int }

    @Test func resolversReceiveTypedParents() async throws {
        let sdl = """
        type Query { campaigns: [Campaign!]! }
        type Campaign { id: Int!, label: String!, units: [Unit!]! }
        type Unit { name: String! }
        """
        let log = CallLog()
        var resolvers = Resolvers()
        resolvers.field("Query", "campaigns") { _ in [Campaign(id: 1), Campaign(id: 2)] }
        resolvers.field("Campaign", "id", on: Campaign.self) { campaign, _ in campaign.id }
        resolvers.field("Campaign", "label", on: Campaign.self) { campaign, _ async in "C\(campaign.id)" }
        resolvers.batchField("Campaign", "units", on: Campaign.self) { campaigns, _ in
            log.record("units for \(campaigns.map(\.id))")
            return campaigns.map { campaign in [Unit(campaignID: campaign.id, index: 0)] }
        }
        resolvers.field("Unit", "name", on: Unit.self) { unit, _ in "\(unit.campaignID)-\(unit.index)" }
        let executable = try ExecutableSchema(schema: try buildSchema(sdl: sdl), resolvers: resolvers)
        let result = try await runAsync(executable, "{ campaigns { id label units { name } } }")
        #expect(result == #"{"data":{"campaigns":[{"id":1,"label":"C1","units":[{"name":"1-0"}]},{"id":2,"label":"C2","units":[{"name":"2-0"}]}]}}"#)
        #expect(log.all == ["units for [1, 2]"])
    }
}
