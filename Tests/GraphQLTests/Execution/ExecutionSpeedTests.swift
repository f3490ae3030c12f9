import Testing
@testable import GraphQL

/// The product's typical nested read: 100 campaigns × 3 units × (audience + 2 creatives) ≈ 10k fields.
@Suite struct ExecutionSpeedTests {
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

    @Test func tenThousandFieldsWithinThreeTimesOfSerialization() throws {
        let executable = try ExecutableSchema(schema: try buildSchema(sdl: Self.sdl), resolvers: Self.typedResolvers())
        let document = try parse(Self.query)
        let variables = JSONObject([("first", .int(100))])
        let first = executable.executeSynchronously(document: document, variables: variables)
        #expect(first.errors.isEmpty)
        let data = first.data!
        let bytes = first.serializedBytes()
        #expect(bytes.count > 100_000)
        var best = (execute: Double.infinity, serialize: Double.infinity)
        for _ in 0..<20 {
            let (_, executeTime) = Self.clock {
                executable.executeSynchronously(document: document, variables: variables).serializedBytes().count
            }
            let (_, serializeTime) = Self.clock { JSON.object(JSONObject([("data", data)])).serializedBytes().count }
            best = (min(best.execute, executeTime), min(best.serialize, serializeTime))
        }
        print("execute+serialize \(best.execute * 1000) ms, serialize only \(best.serialize * 1000) ms, ratio \(best.execute / best.serialize)")
        #if !DEBUG
        #expect(best.execute < best.serialize * 3)
        #endif
    }
}
