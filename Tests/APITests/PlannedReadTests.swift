import Foundation
import Postgres
import Testing
import TestSupport

/// A `campaigns(…)` page the read planner answers in one statement must be byte for byte what the resolvers answer:
/// two servers on one database, one planning (the default) and one with `CAMPAIGND_PLANNED_READS=off`, get the same
/// documents. The data has what a planner gets wrong first: no budget, no units, a unit without creatives, revised
/// creatives (only current versions show), NULLs, fractional money, text that needs JSON escapes, instants on a
/// millisecond boundary, and another organization's campaigns, which must never show.
@Suite struct PlannedReadTests {
    static let everyField = """
        __typename id name platform objective status createdAt startDate endDate metaPixelId
        budget { __typename type amount currency }
        units { __typename id name budgetAllocation externalId
                creatives { __typename id headline description mediaUrl callToAction landingUrl version } }
        """

    static let documents: [(query: String, variables: [String: Bool])] = [
        ("{ campaigns(first: 100) { __typename totalCount pageInfo { __typename hasNextPage endCursor } edges { __typename cursor node { \(everyField) } } } }", [:]),
        ("{ campaigns(first: 3) { pageInfo { hasNextPage endCursor } edges { cursor node { name budget { amount } units { name creatives { headline } } } } } }", [:]),
        ("{ campaigns(first: 2, orderBy: NAME) { pageInfo { endCursor hasNextPage } edges { cursor node { name } } } }", [:]),
        ("{ campaigns(first: 4, orderBy: OLDEST) { edges { node { id createdAt units { id } } } } }", [:]),
        ("{ campaigns(first: 10, status: LIVE) { totalCount edges { node { name status } } } }", [:]),
        ("{ campaigns(first: 10, platform: GOOGLE_ADS, search: \"quote\") { totalCount edges { node { name platform } } } }", [:]),
        ("{ c: campaigns(first: 5) { e: edges { n: node { a: name b: name u: units { x: creatives { v: version } } } } } }", [:]),
        ("query($full: Boolean!) { campaigns(first: 5) { edges { node { name ...F @include(if: $full) } } } } fragment F on Campaign { budget { currency } status }", ["full": true]),
        ("query($full: Boolean!) { campaigns(first: 5) { edges { node { name ...F @include(if: $full) } } } } fragment F on Campaign { budget { currency } status }", ["full": false]),
        ("{ campaigns(first: 100) { edges { node { units { creatives { id } } } } } }", [:]),
        ("{ campaigns(first: 0) { edges { node { name } } } }", [:]),
        // Not planned: edges twice (the planner reads them once), and a field it does not know.
        ("{ campaigns(first: 2) { a: edges { node { name } } b: edges { cursor node { id } } } }", [:]),
        ("{ campaigns(first: 2) { edges { node { name externalCampaignId } } } }", [:]),
    ]
    /// The documents above the planner answers: all but the last three.
    static let plannedDocuments = documents.count - 3

    @Test func plannedPagesAreWhatTheResolversAnswer() async throws {
        let (harness, resolversOnly, key) = try planningAndResolversOnly()
        defer { harness.stop(); resolversOnly.stop() }

        for (query, variables) in Self.documents {
            let document: (query: String, variables: [String: Any]) = (query, variables)
            let planned = try await raw(harness.server, document, key: key)
            let resolved = try await raw(resolversOnly, document, key: key)
            #expect(planned == resolved, "\(document.query)")
            #expect(!planned.contains("Other Org"), "\(document.query)")
        }

        // The next page, through the planned cursor, is the resolvers' next page.
        let first: (String, [String: Any]) = ("{ campaigns(first: 3, orderBy: NAME) { pageInfo { endCursor } } }", [:])
        let cursor = try #require(((try JSONSerialization.jsonObject(with: Data(try await raw(harness.server, first, key: key).utf8)) as? [String: Any])
            .flatMap { data($0, "campaigns") as? [String: Any] }?["pageInfo"] as? [String: Any])?["endCursor"] as? String)
        let next: (String, [String: Any]) = (
            "query($after: String) { campaigns(first: 3, after: $after, orderBy: NAME) { edges { node { \(Self.everyField) } } } }", ["after": cursor])
        let nextPlanned = try await raw(harness.server, next, key: key)
        #expect(nextPlanned == (try await raw(resolversOnly, next, key: key)))
        #expect(nextPlanned.contains("\"name\":\"D"), "the page after the third name: \(nextPlanned)")

        // The planned documents and the two pages of the cursor check were planned, and only on the planning server.
        #expect(try await plannedReads(harness.server) == Self.plannedDocuments + 2)
        #expect(try await plannedReads(resolversOnly) == 0)
    }

    /// In a query, a planned page that is the request's first statement runs in a transaction of its own, begun and
    /// committed with it; a later root field the resolvers answer begins another, in the same organization and no other.
    @Test func aFirstPlannedPageCommitsAloneAndLaterReadsBeginTheirOwnTransaction() async throws {
        let (harness, resolversOnly, key) = try planningAndResolversOnly(environment: ["CAMPAIGND_API_KEY_CACHE_SECONDS": "300"])
        defer { harness.stop(); resolversOnly.stop() }
        let document: (query: String, variables: [String: Any]) = (
            "{ a: campaigns(first: 2) { edges { node { name } } } b: campaigns(first: 3) { totalCount edges { node { name externalCampaignId units { name } } } } }", [:])
        // The first request remembers the key; the second's first statement opens (and here ends) its transaction.
        for _ in 0..<2 {
            let planned = try await raw(harness.server, document, key: key)
            #expect(planned == (try await raw(resolversOnly, document, key: key)))
            #expect(planned.contains(#""totalCount":8"#) && !planned.contains("Other Org") && !planned.contains("errors"), "\(planned)")
        }
        #expect(try await plannedReads(harness.server) == 2)
        // Nothing was left open: the pool's connections are idle, not idle in a transaction.
        #expect(try harness.scalar("SELECT count(*)::int FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' AND datname = current_database()") == 0)
    }

    /// Fields the planner does not read leave the whole page to the resolvers, with the same answer.
    @Test func selectionsBeyondThePlannerGoThroughTheResolvers() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        try seed(harness, key: key, campaigns: 2)
        let body = try await harness.send(
            "{ campaigns(first: 2) { edges { node { name adAccount { name } units { keywords { text } creatives { headlines } } } } } }", key: key)
        let edges = try #require((data(body, "campaigns") as? [String: Any])?["edges"] as? [[String: Any]])
        #expect(edges.count == 2)
        #expect(Set(edges.compactMap { (($0["node"] as? [String: Any])?["adAccount"] as? [String: Any])?["name"] as? String }) == ["Chips EU", "Chips Search"])
        #expect(try await plannedReads(harness.server) == 0)
    }

    /// The planning server (the harness's) and one with `CAMPAIGND_PLANNED_READS=off` on the same database, seeded with
    /// the caller's organization (`key`) and another's two campaigns, which must never show.
    func planningAndResolversOnly(environment: [String: String] = [:]) throws
        -> (harness: APITestHarness, resolversOnly: TestServer, key: String) {
        let harness = try APITestHarness(environment: environment)
        do {
            let resolversOnly = try TestServer(databaseURL: harness.database.url, environment: ["CAMPAIGND_PLANNED_READS": "off"])
            do {
                let key = try harness.organization(named: "Tasty Chips Co.")
                try seed(harness, key: key)
                try seed(harness, key: try harness.organization(named: "Other Org"), campaigns: 2)
                return (harness, resolversOnly, key)
            } catch {
                resolversOnly.stop()
                throw error
            }
        } catch {
            harness.stop()
            throw error
        }
    }

    func raw(_ server: TestServer, _ document: (query: String, variables: [String: Any]), key: String) async throws -> String {
        var headers = ["Content-Type": "application/json", "Authorization": "Bearer \(key)"]
        headers["Accept"] = "application/json"
        let body = try JSONSerialization.data(withJSONObject: ["query": document.query, "variables": document.variables])
        let response = try await HTTPClient.send(server.url("/graphql"), method: "POST", headers: headers, body: body)
        #expect(response.status == 200)
        return response.text
    }

    /// Campaigns A…, one organization's; `campaigns` of them, with every shape the planner must get right.
    func seed(_ harness: APITestHarness, key: String, campaigns: Int = 8) throws {
        let organization = try harness.organizationID(key: key)
        let metaAccount = try harness.insertAdAccount(
            key: key, integration: try harness.insertIntegration(key: key), external: "act_\(UUID().uuidString.prefix(8))", name: "Chips EU")
        let googleAccount = try harness.insertAdAccount(
            key: key, integration: try harness.insertIntegration(key: key, provider: "google_ads"), external: "\(Int.random(in: 1_000_000...9_999_999))",
            name: "Chips Search")
        let names = ["A \"quote\" \\ slash", "B été 🍟", "C\nnew line", "D plain", "E tab\there", "F", "G", "H"]
        try harness.database.pool(maximumConnections: 1).withTransaction { connection in
            let audience: UUID = try connection.query(
                "INSERT INTO audiences (organization_id, name, rules) VALUES (\(organization), 'Everyone', '{\"locations\": [\"FR\"]}'::jsonb) RETURNING id"
            )[0].decode("id")
            for index in 0..<campaigns {
                let platform = index % 3 == 0 ? "google_ads" : "meta_ads"
                let account = index % 3 == 0 ? googleAccount : metaAccount
                let status = ["draft", "live", "paused", "completed"][index % 4]
                // Milliseconds on a boundary (…123000 µs) and microseconds that must be truncated, not rounded.
                let created = "2026-11-0\(index % 9 + 1) 10:00:00.\(index.isMultiple(of: 2) ? "123000" : "999999")+00"
                let campaign: UUID = try connection.query(
                    """
                    INSERT INTO campaigns (organization_id, ad_account_id, name, platform, objective, status, created_at, start_date, end_date, meta_pixel_id)
                    VALUES (\(organization), \(account), \(names[index % names.count]), \(platform), 'sales', \(status), \(created)::timestamptz,
                            \(index % 2 == 0 ? "2026-12-01" : nil)::date, \(index % 4 == 0 ? "2026-12-31" : nil)::date, \(index == 1 ? "123456" : nil))
                    RETURNING id
                    """)[0].decode("id")
                if index % 3 != 2 {
                    try connection.query(
                        """
                        INSERT INTO campaign_budgets (campaign_id, organization_id, type, amount, currency)
                        VALUES (\(campaign), \(organization), \(index % 2 == 0 ? "daily" : "lifetime"), \(index % 2 == 0 ? "12.50" : "1000"), 'EUR')
                        """)
                }
                for unitIndex in 0..<(index % 4) {
                    let unit: UUID = try connection.query(
                        """
                        INSERT INTO campaign_units (organization_id, campaign_id, audience_id, name, budget_allocation, external_id, created_at)
                        VALUES (\(organization), \(campaign), \(audience), \("Unit \(unitIndex) \"x\""), \(unitIndex == 1 ? "3.75" : nil)::numeric,
                                \(unitIndex == 0 ? "ext-\(index)" : nil), now() + \(unitIndex)::int * interval '1 second')
                        RETURNING id
                        """)[0].decode("id")
                    var parent: UUID?
                    for creativeIndex in 0..<(unitIndex + index % 2) {
                        let creative: UUID = try connection.query(
                            """
                            INSERT INTO ad_creatives (organization_id, campaign_unit_id, headline, description, media_url, call_to_action, landing_url,
                                                      version, parent_id, created_at)
                            VALUES (\(organization), \(unit), \("Crunchy \(creativeIndex) | \"now\""), \(creativeIndex == 0 ? nil : "Bold\ttaste"),
                                    \(creativeIndex == 1 ? "https://cdn.example/a.png" : nil), \(creativeIndex == 0 ? "shop_now" : "learn_more"),
                                    'https://example.com/?a=1&b=2', \(parent == nil ? 1 : 2), \(parent), now() + \(creativeIndex)::int * interval '1 second')
                            RETURNING id
                            """)[0].decode("id")
                        // The second creative of a unit revises the first: the first is no longer current.
                        parent = parent == nil ? creative : nil
                    }
                }
            }
        }
    }
}
