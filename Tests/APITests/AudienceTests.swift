import Foundation
import Postgres
import Testing
import TestSupport

/// The audiences slice through HTTP: CRUD, validation, pagination, tenancy and atomic mutations.
@Suite struct AudienceTests {
    static let fields = "id name locations ageMin ageMax interests createdAt"

    /// Posts a request and returns the parsed body.
    func send(_ harness: APITestHarness, _ query: String, _ variables: [String: Any] = [:], key: String) async throws -> [String: Any] {
        let response = try await harness.post(["query": query, "variables": variables], key: key)
        #expect(response.status == 200)
        return try response.json()
    }

    func create(_ harness: APITestHarness, key: String, name: String, locations: [String] = ["DE"], ageMin: Int = 18, ageMax: Int = 35, interests: [String] = []) async throws -> [String: Any] {
        let body = try await send(harness, "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { \(Self.fields) } }",
            ["input": ["name": name, "locations": locations, "ageMin": ageMin, "ageMax": ageMax, "interests": interests]], key: key)
        #expect(body["errors"] == nil, "\(body)")
        return try #require((body["data"] as? [String: Any])?["createAudience"] as? [String: Any])
    }

    func firstError(_ body: [String: Any]) -> (code: String?, field: String?, message: String?) {
        let error = (body["errors"] as? [[String: Any]])?.first
        let extensions = error?["extensions"] as? [String: Any]
        return (extensions?["code"] as? String, extensions?["field"] as? String, error?["message"] as? String)
    }

    func count(_ harness: APITestHarness, _ sql: PostgresQuery) throws -> Int {
        try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query(sql)[0].decode(at: 0, as: Int.self)
        }
    }

    @Test func createListUpdateNodeDelete() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let created = try await create(harness, key: key, name: "  Young snackers ", locations: ["DE", "AT"], ageMin: 18, ageMax: 24, interests: ["chips"])
        #expect(created["name"] as? String == "Young snackers")
        #expect(created["locations"] as? [String] == ["DE", "AT"])
        #expect(created["ageMin"] as? Int == 18)
        #expect(created["ageMax"] as? Int == 24)
        #expect(created["interests"] as? [String] == ["chips"])
        #expect((created["createdAt"] as? String)?.hasSuffix("Z") == true)
        let id = try #require(created["id"] as? String)
        let decoded = String(decoding: try #require(Data(base64Encoded: id)), as: UTF8.self)
        #expect(decoded.hasPrefix("Audience:"))

        let list = try await send(harness, "{ audiences { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }", key: key)
        let audiences = try #require((list["data"] as? [String: Any])?["audiences"] as? [String: Any])
        #expect(audiences["totalCount"] as? Int == 1)
        let edges = try #require(audiences["edges"] as? [[String: Any]])
        #expect((edges.first?["node"] as? [String: Any])?["id"] as? String == id)
        #expect((audiences["pageInfo"] as? [String: Any])?["hasNextPage"] as? Bool == false)

        let updated = try await send(harness, "mutation($id: ID!) { updateAudience(id: $id, input: { name: \"Snackers\", ageMax: 30 }) { \(Self.fields) } }", ["id": id], key: key)
        let audience = try #require((updated["data"] as? [String: Any])?["updateAudience"] as? [String: Any])
        #expect(audience["name"] as? String == "Snackers")
        #expect(audience["ageMin"] as? Int == 18)
        #expect(audience["ageMax"] as? Int == 30)
        #expect(audience["locations"] as? [String] == ["DE", "AT"])

        let node = try await send(harness, "query($id: ID!) { node(id: $id) { __typename id ... on Audience { name ageMax } } }", ["id": id], key: key)
        let found = try #require((node["data"] as? [String: Any])?["node"] as? [String: Any])
        #expect(found["__typename"] as? String == "Audience")
        #expect(found["name"] as? String == "Snackers")
        #expect(found["ageMax"] as? Int == 30)

        let organization = try await send(harness, "{ organization { id } }", key: key)
        let organizationID = try #require(((organization["data"] as? [String: Any])?["organization"] as? [String: Any])?["id"] as? String)
        let orgNode = try await send(harness, "query($id: ID!) { node(id: $id) { __typename id } }", ["id": organizationID], key: key)
        #expect(((orgNode["data"] as? [String: Any])?["node"] as? [String: Any])?["__typename"] as? String == "Organization")

        let deleted = try await send(harness, "mutation($id: ID!) { deleteAudience(id: $id) }", ["id": id], key: key)
        #expect((deleted["data"] as? [String: Any])?["deleteAudience"] as? String == id)
        let gone = try await send(harness, "query($id: ID!) { node(id: $id) { id } }", ["id": id], key: key)
        #expect(firstError(gone).code == "NOT_FOUND")
        #expect(try count(harness, "SELECT count(*)::int FROM audiences") == 0)
    }

    @Test func everyRuleIsCheckedWithItsField() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let cases: [([String: Any], String)] = [
            (["name": "   "], "input.name"),
            (["name": String(repeating: "x", count: 256)], "input.name"),
            (["locations": [String]()], "input.locations"),
            (["locations": [" "]], "input.locations"),
            (["ageMin": 12], "input.ageMin"),
            (["ageMax": 66], "input.ageMax"),
            (["ageMin": 40, "ageMax": 30], "input.ageMin"),
            (["interests": [""]], "input.interests"),
        ]
        for (override, field) in cases {
            var input: [String: Any] = ["name": "Valid", "locations": ["DE"], "ageMin": 18, "ageMax": 35, "interests": ["chips"]]
            input.merge(override) { _, new in new }
            let body = try await send(harness, "mutation($input: CreateAudienceInput!) { createAudience(input: $input) { id } }", ["input": input], key: key)
            let error = firstError(body)
            #expect(error.code == "BAD_USER_INPUT", "\(override)")
            #expect(error.field == field, "\(override)")
        }
        // Updates are validated against the merged state.
        let created = try await create(harness, key: key, name: "Valid", ageMin: 20, ageMax: 30)
        let body = try await send(harness, "mutation($id: ID!) { updateAudience(id: $id, input: { ageMin: 31 }) { id } }", ["id": created["id"]!], key: key)
        #expect(firstError(body).code == "BAD_USER_INPUT")
        #expect(firstError(body).field == "input.ageMin")
        let null = try await send(harness, "mutation($id: ID!) { updateAudience(id: $id, input: { name: null }) { id } }", ["id": created["id"]!], key: key)
        #expect(firstError(null).code == "BAD_USER_INPUT")
        #expect(firstError(null).field == "input.name")
        #expect(try count(harness, "SELECT count(*)::int FROM audiences") == 1)

        for first in [0, 101, nil] as [Int?] {
            let list = try await send(harness, "query($first: Int) { audiences(first: $first) { totalCount } }", ["first": first ?? NSNull()], key: key)
            #expect(firstError(list).code == "BAD_USER_INPUT")
            #expect(firstError(list).field == "first")
        }
        let badCursor = try await send(harness, "{ audiences(after: \"bm9wZQ==\") { totalCount } }", key: key)
        #expect(firstError(badCursor).code == "BAD_USER_INPUT")
    }

    @Test func pagesCoverEveryAudienceOnceNewestFirst() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        var ids: [String] = []
        for index in 0..<25 {
            ids.append(try #require(try await create(harness, key: key, name: "Audience \(index)")["id"] as? String))
        }
        // Several audiences created in one request share created_at: the id breaks the tie.
        let batch = try await send(harness, "mutation { a: createAudience(input: { name: \"Tie A\", locations: [\"DE\"], ageMin: 18, ageMax: 20 }) { id } b: createAudience(input: { name: \"Tie B\", locations: [\"DE\"], ageMin: 18, ageMax: 20 }) { id } }", key: key)
        #expect(batch["errors"] == nil)
        var seen: [String] = []
        var after: String?
        var pages = 0
        repeat {
            var variables: [String: Any] = ["first": 10]
            if let after { variables["after"] = after }
            let body = try await send(harness, "query($first: Int, $after: String) { audiences(first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }", variables, key: key)
            let connection = try #require((body["data"] as? [String: Any])?["audiences"] as? [String: Any])
            #expect(connection["totalCount"] as? Int == 27)
            let edges = try #require(connection["edges"] as? [[String: Any]])
            seen += edges.compactMap { ($0["node"] as? [String: Any])?["id"] as? String }
            let pageInfo = try #require(connection["pageInfo"] as? [String: Any])
            #expect(pageInfo["endCursor"] as? String == edges.last?["cursor"] as? String)
            after = (pageInfo["hasNextPage"] as? Bool == true) ? pageInfo["endCursor"] as? String : nil
            pages += 1
        } while after != nil && pages < 10
        #expect(pages == 3)
        #expect(seen.count == 27)
        #expect(Set(seen).count == 27)
        // Newest first: the 25 sequential ones appear in reverse creation order after the tied pair.
        #expect(Array(seen.suffix(25)) == Array(ids.reversed()))
    }

    /// Searching by part of the name, any case, literally, paged, counted; another organization's audiences are not found.
    @Test func searchFindsAudiencesByPartOfTheirName() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        for name in ["Young snackers", "Older snackers", "Spicy fans", "100% snackers_"] {
            _ = try await create(harness, key: key, name: name)
        }
        let other = try harness.organization(named: "Other Co.")
        _ = try await create(harness, key: other, name: "Other snackers")
        let query = "query($s: String, $after: String) { audiences(first: 2, after: $after, search: $s) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }"
        var names: [String] = []
        var after: String?
        repeat {
            var variables: [String: Any] = ["s": "SNACKERS"]
            if let after { variables["after"] = after }
            let body = try await send(harness, query, variables, key: key)
            let connection = try #require((body["data"] as? [String: Any])?["audiences"] as? [String: Any], "\(body)")
            #expect(connection["totalCount"] as? Int == 3)
            names += (connection["edges"] as? [[String: Any]] ?? []).compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            let info = connection["pageInfo"] as? [String: Any]
            after = info?["hasNextPage"] as? Bool == true ? info?["endCursor"] as? String : nil
        } while after != nil
        #expect(names == ["100% snackers_", "Older snackers", "Young snackers"])
        for (search, expected) in [("0%", ["100% snackers_"]), ("s_", ["100% snackers_"]), ("fan", ["Spicy fans"]), ("", ["100% snackers_", "Spicy fans"])] {
            let body = try await send(harness, query, ["s": search], key: key)
            let found = (((body["data"] as? [String: Any])?["audiences"] as? [String: Any])?["edges"] as? [[String: Any]] ?? [])
                .compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            #expect(found == expected, "\(search)")
        }
        let tooLong = try await send(harness, query, ["s": String(repeating: "x", count: 256)], key: key)
        #expect((((tooLong["errors"] as? [[String: Any]])?.first?["extensions"] as? [String: Any])?["field"] as? String) == "search", "\(tooLong)")
    }

    @Test func anotherOrganizationsAudienceIsNotFound() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let tasty = try harness.organization(named: "Tasty Chips Co.")
        let other = try harness.organization(named: "Other Snacks Ltd.")
        let theirs = try #require(try await create(harness, key: other, name: "Theirs")["id"] as? String)
        _ = try await create(harness, key: tasty, name: "Ours")

        let node = try await send(harness, "query($id: ID!) { node(id: $id) { id } }", ["id": theirs], key: tasty)
        #expect(firstError(node).code == "NOT_FOUND")
        let missing = GlobalIDs.audience(UUID())
        let malformed = ["nope", "QXVkaWVuY2U6eHl6", Data("Campaign:\(UUID().uuidString.lowercased())".utf8).base64EncodedString()]
        for id in [theirs, missing] + malformed {
            let lookedUp = try await send(harness, "query($id: ID!) { node(id: $id) { id } }", ["id": id], key: tasty)
            #expect(firstError(lookedUp).code == "NOT_FOUND", "\(id)")
            #expect(firstError(lookedUp).message == "Not found.")
            let update = try await send(harness, "mutation($id: ID!) { updateAudience(id: $id, input: { name: \"Mine\" }) { id } }", ["id": id], key: tasty)
            #expect(firstError(update).code == "NOT_FOUND", "\(id)")
            #expect(firstError(update).message == "Audience not found.")
            let delete = try await send(harness, "mutation($id: ID!) { deleteAudience(id: $id) }", ["id": id], key: tasty)
            #expect(firstError(delete).code == "NOT_FOUND", "\(id)")
            #expect(firstError(delete).message == "Audience not found.")
        }
        let list = try await send(harness, "{ audiences { totalCount edges { node { id name } } } }", key: tasty)
        let connection = try #require((list["data"] as? [String: Any])?["audiences"] as? [String: Any])
        #expect(connection["totalCount"] as? Int == 1)
        let names = (connection["edges"] as? [[String: Any]])?.compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
        #expect(names == ["Ours"])
        #expect(try count(harness, "SELECT count(*)::int FROM audiences WHERE name = 'Theirs'") == 1)
    }

    @Test func anAudienceInUseCannotBeDeleted() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let id = try #require(try await create(harness, key: key, name: "Used")["id"] as? String)
        let plain = String(decoding: Data(base64Encoded: id) ?? Data(), as: UTF8.self)
        let uuid = try #require(UUID(uuidString: String(plain.dropFirst("Audience:".count))))
        try harness.database.pool(maximumConnections: 1).withTransaction { connection in
            let organization: UUID = try connection.query("SELECT organization_id FROM audiences WHERE id = \(uuid)")[0].decode("organization_id")
            let integration: UUID = try connection.query(
                "INSERT INTO integrations (organization_id, provider) VALUES (\(organization), 'meta_ads') RETURNING id")[0].decode("id")
            let account: UUID = try connection.query(
                "INSERT INTO ad_accounts (organization_id, integration_id, external_account_id, name, currency) VALUES (\(organization), \(integration), 'act_1', 'Main', 'EUR') RETURNING id")[0].decode("id")
            let campaign: UUID = try connection.query(
                "INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(organization), \(account), 'Launch', 'meta_ads', 'sales') RETURNING id")[0].decode("id")
            try connection.query(
                "INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name) VALUES (\(organization), \(campaign), \(uuid), 'Unit')")
        }
        let body = try await send(harness, "mutation($id: ID!) { deleteAudience(id: $id) }", ["id": id], key: key)
        let error = firstError(body)
        #expect(error.code == "BAD_USER_INPUT")
        #expect(error.message?.contains("used by campaign units") == true)
        #expect(error.message?.contains("fkey") == false)
        #expect(!String(describing: body).contains("violates"))
        #expect(try count(harness, "SELECT count(*)::int FROM audiences") == 1)
        // A refused statement does not spoil the request's transaction: a mutation before it is kept.
        // (deleteAudience is non-null, so its error nulls `data` as GraphQL requires.)
        let mixed = try await send(harness, "mutation($id: ID!) { ok: createAudience(input: { name: \"Next\", locations: [\"DE\"], ageMin: 18, ageMax: 20 }) { name } deleteAudience(id: $id) }", ["id": id], key: key)
        #expect(firstError(mixed).code == "BAD_USER_INPUT")
        #expect(try count(harness, "SELECT count(*)::int FROM audiences") == 2)
    }

    @Test func aFailingMutationLeavesNothingWritten() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        // The second field fails in the database after its own checks passed (a location the
        // database refuses is impossible from Swift, so make the database refuse the name instead):
        // its write is rolled back; the first field's stays.
        try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.execute("ALTER TABLE audiences ADD CONSTRAINT audiences_test_no_doomed CHECK (name <> 'Doomed')")
        }
        let body = try await send(harness, """
            mutation {
              kept: createAudience(input: { name: "Kept", locations: ["DE"], ageMin: 18, ageMax: 20 }) { name }
              doomed: createAudience(input: { name: "Doomed", locations: ["DE"], ageMin: 18, ageMax: 20 }) { name }
            }
            """, key: key)
        // createAudience is non-null, so the failure nulls `data`; execution stops at the first failure.
        #expect(body["data"] is NSNull, "\(body)")
        let errors = try #require(body["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        // A CHECK the database enforces is the caller's input, not a server fault (issue 13).
        #expect((errors[0]["message"] as? String) == "A value is outside what can be stored (see the limits in the schema's descriptions).")
        #expect(((errors[0]["extensions"] as? [String: Any])?["code"] as? String) == "BAD_USER_INPUT")
        #expect(!String(describing: body).contains("audiences_test_no_doomed"))
        // A refused validation writes nothing either.
        let invalid = try await send(harness, "mutation { createAudience(input: { name: \"Invalid\", locations: [], ageMin: 18, ageMax: 20 }) { name } }", key: key)
        #expect(firstError(invalid).field == "input.locations")
        #expect(try count(harness, "SELECT count(*)::int FROM audiences") == 1)
        #expect(try count(harness, "SELECT count(*)::int FROM audiences WHERE name = 'Kept'") == 1)
    }
}

enum GlobalIDs {
    static func audience(_ id: UUID) -> String { Data("Audience:\(id.uuidString.lowercased())".utf8).base64EncodedString() }
}
