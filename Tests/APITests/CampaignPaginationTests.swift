import Foundation
import Testing
import TestSupport

/// Keyset pagination of `campaigns` while other campaigns are being inserted.
@Suite struct CampaignPaginationTests {
    @Test func pagingWhileCampaignsAreInsertedReturnsEachEarlierCampaignOnceInOrder() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organization = try harness.organizationID(key: key)
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_1", name: "Chips EU")
        let org = organization.uuidString.lowercased(), acc = account.uuidString.lowercased()
        // 45 campaigns, some sharing a created_at (the id breaks the tie).
        try harness.sql(
            """
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
            SELECT \(org), \(acc), 'Before ' || n, 'meta_ads', 'sales', timestamptz '2026-11-01T00:00:00Z' + (n / 3) * interval '1 minute'
            FROM generate_series(1, 45) n
            """)
        let expected: [String] = try harness.database.pool(maximumConnections: 1).withConnection { connection in
            try connection.query("SELECT id FROM campaigns WHERE organization_id = \(organization) ORDER BY created_at DESC, id DESC")
                .map { globalID("Campaign", try $0.decode("id")) }
        }
        #expect(expected.count == 45)

        // Inserts newer campaigns (now()) and ones dated in the middle of the existing ones while paging.
        let writer = Task.detached {
            for n in 0..<40 {
                let createdAt = n.isMultiple(of: 2) ? "now()" : "timestamptz '2026-11-01T00:07:00Z' + interval '1 millisecond' * \(n)"
                try harness.sql(
                    """
                    INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
                    VALUES (\(org), \(acc), \("During \(n)"), 'meta_ads', 'sales', \(unescaped: createdAt))
                    """)
                try await Task.sleep(for: .milliseconds(5))
            }
        }

        var seen: [String] = []
        var after: String?
        var pages = 0
        while true {
            let body = try await harness.send(
                "query($after: String) { campaigns(first: 10, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }",
                after.map { ["after": $0] } ?? [:], key: key)
            #expect(body["errors"] == nil, "\(body)")
            let connection = try #require(data(body, "campaigns") as? [String: Any])
            let edges = try #require(connection["edges"] as? [[String: Any]])
            seen += edges.compactMap { ($0["node"] as? [String: Any])?["id"] as? String }
            let info = try #require(connection["pageInfo"] as? [String: Any])
            pages += 1
            guard info["hasNextPage"] as? Bool == true, let end = info["endCursor"] as? String, pages < 50 else { break }
            after = end
            try await Task.sleep(for: .milliseconds(10))
        }
        try await writer.value

        #expect(Set(seen).count == seen.count, "a campaign was returned twice")
        let existing = Set(expected)
        #expect(seen.filter(existing.contains) == expected)
    }

    /// 300 campaigns searched by part of their name, any case, paged; `%` and `_` are letters, not wildcards; the
    /// count follows the search; a search longer than a name can be is refused before any work.
    @Test func searchFindsCampaignsByPartOfTheirNameAcrossPages() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organization = try harness.organizationID(key: key)
        let integration = try harness.insertIntegration(key: key)
        let account = try harness.insertAdAccount(key: key, integration: integration, external: "act_1", name: "Chips EU")
        try harness.sql(
            """
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
            SELECT \(organization.uuidString)::uuid, \(account.uuidString)::uuid, CASE WHEN n % 10 = 0 THEN 'Spicy Jalapeño ' || n ELSE 'Sea Salt ' || n END, 'meta_ads', 'sales',
                   timestamptz '2026-11-01T00:00:00Z' + n * interval '1 minute'
            FROM generate_series(1, 300) n
            """)
        try harness.sql("INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(organization.uuidString)::uuid, \(account.uuidString)::uuid, '100% Crunch_', 'meta_ads', 'sales')")
        // Another organization's campaign of the same name is not found.
        let other = try harness.organization(named: "Other Co.")
        let otherAccount = try harness.insertAdAccount(key: other, integration: try harness.insertIntegration(key: other), external: "act_2", name: "Other")
        try harness.sql("INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective) VALUES (\(try harness.organizationID(key: other).uuidString)::uuid, \(otherAccount.uuidString)::uuid, 'Spicy Jalapeño 999', 'meta_ads', 'sales')")

        var names: [String] = []
        var after: String?
        repeat {
            let body = try await harness.send(
                "query($after: String) { campaigns(first: 7, after: $after, search: \"JALAPEÑO\") { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }",
                after.map { ["after": $0] } ?? [:], key: key)
            let connection = try #require(data(body, "campaigns") as? [String: Any], "\(body)")
            #expect(connection["totalCount"] as? Int == 30)
            names += (connection["edges"] as? [[String: Any]] ?? []).compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            let info = connection["pageInfo"] as? [String: Any]
            after = info?["hasNextPage"] as? Bool == true ? info?["endCursor"] as? String : nil
        } while after != nil
        #expect(names == stride(from: 300, through: 10, by: -10).map { "Spicy Jalapeño \($0)" })

        for (search, expected) in [("0% C", ["100% Crunch_"]), ("h_", ["100% Crunch_"]), ("%", ["100% Crunch_"]), ("salt 29", ["Sea Salt 299", "Sea Salt 298", "Sea Salt 297", "Sea Salt 296", "Sea Salt 295", "Sea Salt 294", "Sea Salt 293", "Sea Salt 292", "Sea Salt 291", "Sea Salt 29"])] {
            let body = try await harness.send("query($s: String) { campaigns(first: 20, search: $s) { edges { node { name } } } }", ["s": search], key: key)
            let found = ((data(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]] ?? []).compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
            #expect(found == expected, "\(search): \(body)")
        }
        let tooLong = try await harness.send("query($s: String) { campaigns(search: $s) { totalCount } }", ["s": String(repeating: "a", count: 256)], key: key)
        #expect(extensions(tooLong)["code"] as? String == "BAD_USER_INPUT", "\(tooLong)")
        #expect(extensions(tooLong)["field"] as? String == "search")
    }

    /// Each order pages through every campaign once, in that order; a cursor continues only the order it came from.
    @Test func campaignsPageInEachOrder() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organization = try harness.organizationID(key: key)
        let account = try harness.insertAdAccount(key: key, integration: try harness.insertIntegration(key: key), external: "act_1", name: "Chips")
        // Names out of creation order, two of them equal (the id breaks the tie).
        try harness.sql(
            """
            INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, created_at)
            SELECT \(organization.uuidString)::uuid, \(account.uuidString)::uuid, CASE WHEN n IN (4, 9) THEN 'Same name' ELSE chr(90 - n) || ' campaign' END, 'meta_ads', 'sales',
                   timestamptz '2026-11-01T00:00:00Z' + n * interval '1 minute'
            FROM generate_series(1, 23) n
            """)
        func page(_ order: String) async throws -> [String] {
            var names: [String] = []
            var after: String?
            repeat {
                var variables: [String: Any] = ["o": order]
                if let after { variables["after"] = after }
                let body = try await harness.send(
                    "query($o: CampaignOrder, $after: String) { campaigns(first: 5, after: $after, orderBy: $o) { edges { node { name } } pageInfo { hasNextPage endCursor } } }",
                    variables, key: key)
                let connection = try #require(data(body, "campaigns") as? [String: Any], "\(body)")
                names += (connection["edges"] as? [[String: Any]] ?? []).compactMap { ($0["node"] as? [String: Any])?["name"] as? String }
                let info = connection["pageInfo"] as? [String: Any]
                after = info?["hasNextPage"] as? Bool == true ? info?["endCursor"] as? String : nil
            } while after != nil && names.count < 100
            return names
        }
        func names(orderedBy order: String) throws -> [String] {
            try harness.database.pool(maximumConnections: 1).withConnection { connection in
                try connection.query("SELECT name FROM campaigns WHERE organization_id = \(organization) ORDER BY \(unescaped: order)").map { try $0.decode("name") }
            }
        }
        let expected = try names(orderedBy: "created_at")
        #expect(try await page("OLDEST") == expected)
        #expect(try await page("NEWEST") == expected.reversed())
        let byName = try await page("NAME")
        #expect(byName == (try names(orderedBy: "name, id")))
        #expect(byName.first == "C campaign" && byName.last == "Y campaign", "\(byName)")
        #expect(byName.filter { $0 == "Same name" }.count == 2)

        let newest = try await harness.send("{ campaigns(first: 2) { pageInfo { endCursor } } }", key: key)
        let cursor = try #require(((data(newest, "campaigns") as? [String: Any])?["pageInfo"] as? [String: Any])?["endCursor"] as? String)
        let mixed = try await harness.send("query($a: String) { campaigns(first: 2, after: $a, orderBy: NAME) { totalCount } }", ["a": cursor], key: key)
        #expect(extensions(mixed)["code"] as? String == "BAD_USER_INPUT", "\(mixed)")
        #expect(extensions(mixed)["field"] as? String == "after")
    }
}
