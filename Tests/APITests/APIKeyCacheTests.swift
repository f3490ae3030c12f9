import Foundation
import Testing
@testable import API
import TestSupport

/// Keys the database accepted are remembered for seconds, so a request starts without a round trip; the
/// request's first statement checks the key again, so a revoked key is refused there and forgotten.
@Suite struct APIKeyCacheTests {
    @Test func aRevokedKeyIsRefusedAtTheNextStatementAndThenForgotten() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let first = try await harness.post(["query": "{ organization { name } }"], key: key)
        #expect(first.status == 200 && first.text.contains("Tasty Chips Co."), "\(first.text)")
        // Cached now: a request that needs no statement answers from memory, one that needs the database checks again.
        let typename = try await harness.post(["query": "{ __typename }"], key: key)
        #expect(typename.status == 200 && typename.text.contains("Query"))
        try harness.sql("UPDATE api_keys SET revoked_at = now()")
        let refused = try await harness.post(["query": "{ organization { name } }"], key: key)
        #expect(refused.status == 401, "\(refused.text)")
        #expect(refused.text.contains("UNAUTHENTICATED"))
        #expect(!refused.text.contains("Tasty Chips"))
        // Forgotten: even a request without statements goes to the database, which refuses the key.
        let afterwards = try await harness.post(["query": "{ __typename }"], key: key)
        #expect(afterwards.status == 401, "\(afterwards.text)")
    }

    /// A planned read (its statement sent with the key check, in one round trip) is refused for a revoked key too.
    @Test func aRevokedKeyIsRefusedAtAPlannedRead() async throws {
        // Remembered for the whole test, however slow the machine: the second request must take the cached path.
        let harness = try APITestHarness(environment: ["CAMPAIGND_API_KEY_CACHE_SECONDS": "300"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let page = "{ campaigns(first: 5) { totalCount edges { node { name } } } }"
        let first = try await harness.post(["query": page], key: key)
        #expect(first.status == 200 && first.text.contains(#""totalCount":0"#), "\(first.text)")
        try harness.sql("UPDATE api_keys SET revoked_at = now()")
        let refused = try await harness.post(["query": page], key: key)
        #expect(refused.status == 401, "\(refused.text)")
        #expect(refused.text.contains("UNAUTHENTICATED"))
        #expect(try await plannedReads(harness.server) == 2)
    }

    /// A remembered key's request takes a connection at its first statement, not before: with the database gone (the
    /// PgBouncer in front of it stopped), `{ __typename }` still answers, and a read answers 503 as ever.
    @Test func aRequestWithoutStatementsTakesNoConnection() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let bouncer = try TestPgBouncer(cluster: TestCluster.shared, serverConnections: 2)
        let server = try TestServer(
            databaseURL: bouncer.url(database: database.name),
            environment: ["CAMPAIGND_DB_PREPARED_STATEMENTS": "off", "CAMPAIGND_API_KEY_CACHE_SECONDS": "300"])
        let harness = APITestHarness(database: database, server: server)
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let read = ["query": "{ campaigns(first: 1) { totalCount } }"]
        let remembered = try await harness.post(read, key: key)
        #expect(remembered.status == 200 && remembered.text.contains(#""totalCount":0"#), "\(remembered.text)")

        bouncer.stop()
        let typename = try await harness.post(["query": "{ __typename }"], key: key)
        #expect(typename.status == 200 && typename.text == #"{"data":{"__typename":"Query"}}"#, "\(typename.text)")
        let refused = try await harness.post(read, key: key)
        #expect(refused.status == 503 && refused.text.contains("SERVICE_UNAVAILABLE"), "\(refused.text)")
        #expect(!refused.text.contains("data\":{"), "no partial answer: \(refused.text)")
    }

    /// A mutation on a remembered key writes in the transaction its first statement began, and commits.
    @Test func aMutationOnARememberedKeyIsCommitted() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        _ = try await harness.post(["query": "{ __typename }"], key: key)
        let created = try await harness.post(["query": "mutation { createAudience(input: { name: \"Cached\", locations: [\"US\"], ageMin: 18, ageMax: 65 }) { id } }"], key: key)
        #expect(created.status == 200 && !created.text.contains("errors"), "\(created.text)")
        #expect(try harness.scalar("SELECT count(*)::int FROM audiences WHERE name = 'Cached'") == 1)
    }

    @Test func entriesExpireAreBoundedAndCanBeTurnedOff() {
        let cache = APIKeyCache(lifetime: 5, capacity: 3)
        let organization = UUID()
        cache.remember(organization, forKey: "cmk_a", now: 100)
        #expect(cache.organization(forKey: "cmk_a", now: 104.9) == organization)
        #expect(cache.organization(forKey: "cmk_a", now: 105) == nil, "expired after its lifetime")
        #expect(cache.organization(forKey: "cmk_other", now: 100) == nil)
        for (index, key) in ["k1", "k2", "k3", "k4"].enumerated() { cache.remember(organization, forKey: key, now: 200 + Double(index)) }
        #expect(cache.count <= 3)
        #expect(cache.organization(forKey: "k4", now: 203) == organization)
        cache.forget(key: "k4")
        #expect(cache.organization(forKey: "k4", now: 203) == nil)
        let off = APIKeyCache(lifetime: 0)
        off.remember(organization, forKey: "cmk_a", now: 0)
        #expect(off.organization(forKey: "cmk_a", now: 0) == nil)
    }
}
