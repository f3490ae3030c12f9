import Testing
@testable import GraphQL

/// The product's typical nested read: 100 campaigns × 3 units × (audience + 2 creatives) ≈ 10k fields.
@Suite(.serialized) struct ExecutionSpeedTests {
    static let sdl = """
    type Query { campaigns(first: Int!): [Campaign!]! }
    enum Status { ACTIVE PAUSED }
    type Campaign { id: ID!, name: String!, status: Status!, budget: Float, units: [Unit!]! }
    type Unit { id: ID!, name: String!, audience: Audience!, creatives: [Creative!]! }
    type Audience { ageMin: Int!, ageMax: Int!, interests: [String!]!, country: String }
    type Creative { id: ID!, title: String!, url: String!, width: Int!, height: Int! }
    """

    static let query = """
    query Campaigns($first: Int!) {
      campaigns(first: $first) {
        id name status budget
        units {
          id name
          audience { ageMin ageMax interests country }
          creatives { id title url width height }
        }
      }
    }
    """

    struct Campaign: GraphQLObject { var id: Int }
    struct Unit: GraphQLObject { var id: Int }
    struct Creative: GraphQLObject { var id: Int }

    static func typedResolvers() -> Resolvers {
        var r = Resolvers()
        r.field("Query", "campaigns") { ctx -> [Campaign] in
            guard case .int(let first)? = ctx.argument("first") else { return [] }
            return (0..<first).map { Campaign(id: $0) }
        }
        r.field("Campaign", "id") { ctx in String(try ctx.parent(as: Campaign.self).id) }
        r.field("Campaign", "name") { ctx in "Campaign \(try ctx.parent(as: Campaign.self).id)" }
        r.field("Campaign", "status") { ctx in try ctx.parent(as: Campaign.self).id % 2 == 0 ? "ACTIVE" : "PAUSED" }
        r.field("Campaign", "budget") { ctx in Double(try ctx.parent(as: Campaign.self).id) * 1.5 }
        r.batchField("Campaign", "units") { batch -> [[Unit]] in
            try batch.parents(as: Campaign.self).map { c in (0..<3).map { Unit(id: c.id * 3 + $0) } }
        }
        r.field("Unit", "id") { ctx in String(try ctx.parent(as: Unit.self).id) }
        r.field("Unit", "name") { ctx in "Unit \(try ctx.parent(as: Unit.self).id)" }
        r.field("Unit", "audience") { _ in
            JSON.object(JSONObject([
                ("ageMin", .int(18)), ("ageMax", .int(65)), ("interests", .array([.string("sports"), .string("news")])),
                ("country", .string("DE")),
            ]))
        }
        r.defaultResolvers(for: "Audience")
        r.batchField("Unit", "creatives") { batch -> [[Creative]] in
            try batch.parents(as: Unit.self).map { u in [Creative(id: u.id * 2), Creative(id: u.id * 2 + 1)] }
        }
        r.field("Creative", "id") { ctx in String(try ctx.parent(as: Creative.self).id) }
        r.field("Creative", "title") { ctx in "Creative \(try ctx.parent(as: Creative.self).id)" }
        r.field("Creative", "url") { ctx in "https://cdn.example.com/c/\(try ctx.parent(as: Creative.self).id).png" }
        r.field("Creative", "width") { _ in 300 }
        r.field("Creative", "height") { _ in 250 }
        return r
    }

    static func clock<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let value = try body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (value, seconds)
    }

    /// Best time of `iterations` runs of `execute` (+ writing the response) and of writing the same data
    /// as a plain `JSON` value.
    static func measure(
        _ executable: ExecutableSchema, root: ResolvedValue, iterations: Int
    ) throws -> (execute: Double, serialize: Double, result: ExecutionResult) {
        let document = try parse(query)
        let variables = JSONObject([("first", .int(100))])
        let first = executable.executeSynchronously(document: document, variables: variables, rootValue: root)
        let data = first.data ?? .null
        var best = (execute: Double.infinity, serialize: Double.infinity)
        for _ in 0..<iterations {
            let (_, executeTime) = clock {
                executable.executeSynchronously(document: document, variables: variables, rootValue: root)
                    .serializedBytes().count
            }
            let (_, serializeTime) = clock { JSON.object(JSONObject([("data", data)])).serializedBytes().count }
            best = (min(best.execute, executeTime), min(best.serialize, serializeTime))
        }
        return (best.execute, best.serialize, first)
    }

    @Test func typedResolversProduceTheNestedResult() throws {
        let executable = try ExecutableSchema(schema: try buildSchema(sdl: Self.sdl), resolvers: Self.typedResolvers())
        let (execute, serialize, result) = try Self.measure(executable, root: .null, iterations: 20)
        #expect(result.errors.isEmpty)
        let bytes = result.serializedBytes()
        #expect(bytes.count == 106_780)
        let start = #"{"data":{"campaigns":[{"id":"0","name":"Campaign 0","status":"ACTIVE","budget":0,"units":[{"id":"0","name":"Unit 0","audience":{"ageMin":18"#
        #expect(String(decoding: bytes.prefix(start.utf8.count), as: UTF8.self) == start)
        print("typed resolvers: execute+serialize \(execute * 1000) ms, serialize only \(serialize * 1000) ms")
    }

    /// The engine's own cost: every field read by name from a JSON root, as `campaignd graphql bench` does.
    @Test func jsonRootWithinThreeTimesOfSerialization() throws {
        let schema = try buildSchema(sdl: Self.sdl)
        let typed = try ExecutableSchema(schema: schema, resolvers: Self.typedResolvers())
        let data = typed.executeSynchronously(
            document: try parse(Self.query), variables: JSONObject([("first", .int(100))])
        ).data!
        let (execute, serialize, result) = try Self.measure(
            ExecutableSchema.readingByName(schema), root: .json(data), iterations: 30)
        #expect(result.data == data)
        print("JSON root: execute+serialize \(execute * 1000) ms, serialize only \(serialize * 1000) ms, ratio \(execute / serialize)")
        #if !DEBUG
        #expect(execute < serialize * 3)
        #endif
    }
}
