import Foundation
import Testing
import TestSupport
@testable import API

/// Apollo's automatic persisted queries, and the error codes clients switch on.
@Suite struct PersistedQueryTests {
    @Test func sha256MatchesTheStandardsVectors() {
        #expect(SHA256.hex("".utf8) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc".utf8) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func anUnknownHashIsNotFoundThenThePairStoresItAndTheHashAloneRunsIt() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let other = try harness.organization(named: "Other Co.")
        let query = "query Count { campaigns(first: 1) { totalCount } }"
        let hash = SHA256.hex(query.utf8)
        let persisted: [String: Any] = ["persistedQuery": ["version": 1, "sha256Hash": hash]]

        let unknown = try await harness.post(["extensions": persisted], key: key)
        #expect(unknown.status == 200)
        let error = try #require((try unknown.json()["errors"] as? [[String: Any]])?.first)
        #expect(error["message"] as? String == "PersistedQueryNotFound")
        #expect((error["extensions"] as? [String: Any])?["code"] as? String == "PERSISTED_QUERY_NOT_FOUND")

        let pair = try await harness.post(["query": query, "extensions": persisted], key: key)
        #expect(((try pair.json()["data"] as? [String: Any])?["campaigns"] as? [String: Any])?["totalCount"] as? Int == 0, "\(pair.text)")

        // The hash alone now runs it, for any organization (documents hold no data), and over GET too.
        let alone = try await harness.post(["extensions": persisted], key: other)
        #expect(((try alone.json()["data"] as? [String: Any])?["campaigns"] as? [String: Any])?["totalCount"] as? Int == 0, "\(alone.text)")
        var components = URLComponents(url: harness.server.url("/graphql"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "extensions", value: #"{"persistedQuery":{"version":1,"sha256Hash":"\#(hash)"}}"#)]
        let get = try await HTTPClient.send(components.url!, headers: ["Authorization": "Bearer \(key)"])
        #expect(get.status == 200 && get.text.contains(#""totalCount":0"#), "\(get.text)")
    }

    @Test func aHashThatDoesNotMatchOrAnotherVersionIsRefused() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let query = "{ __typename }"
        let wrong = try await harness.post(
            ["query": query, "extensions": ["persistedQuery": ["version": 1, "sha256Hash": String(repeating: "0", count: 64)]]], key: key)
        #expect(wrong.status == 400)
        #expect(firstError(try wrong.json()).code == "BAD_REQUEST")
        let version = try await harness.post(
            ["query": query, "extensions": ["persistedQuery": ["version": 2, "sha256Hash": SHA256.hex(query.utf8)]]], key: key)
        #expect(firstError(try version.json()).code == "PERSISTED_QUERY_NOT_SUPPORTED")
        let malformed = try await harness.post(["extensions": ["persistedQuery": ["version": 1, "sha256Hash": "ABC"]]], key: key)
        #expect(malformed.status == 400)
        // A refused pair stores nothing.
        let after = try await harness.post(["extensions": ["persistedQuery": ["version": 1, "sha256Hash": String(repeating: "0", count: 64)]]], key: key)
        #expect(firstError(try after.json()).code == "PERSISTED_QUERY_NOT_FOUND")
    }

    @Test func requestErrorsCarryTheCodesClientsSwitchOn() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        for (body, code) in [
            (["query": "{ campaigns("] as [String: Any], "GRAPHQL_PARSE_FAILED"),
            (["query": "{ nope }"], "GRAPHQL_VALIDATION_FAILED"),
            (["query": "query($n: Int!) { campaigns(first: $n) { totalCount } }", "variables": ["n": "five"]], "BAD_USER_INPUT"),
            (["query": "query A { __typename } query B { __typename }", "operationName": "C"], "OPERATION_RESOLUTION_FAILURE"),
            (["query": "query A { __typename } query B { __typename }"], "OPERATION_RESOLUTION_FAILURE"),
        ] {
            let response = try await harness.post(body, key: key)
            #expect(firstError(try response.json()).code == code, "\(body): \(response.text)")
        }
    }
}
