import Foundation
import Testing
import TestSupport

/// GraphQL over HTTP through nginx, the way standard clients use it.
@Suite struct GraphQLOverHTTPTests {
    @Test func aQueryIsAnsweredForTheKeysOrganizationOnly() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let tasty = try harness.organization(named: "Tasty Chips Co.")
        let other = try harness.organization(named: "Other Snacks Ltd.")
        let response = try await harness.post(["query": "{ organization { name } }"], key: tasty)
        #expect(response.status == 200)
        #expect(response.text == #"{"data":{"organization":{"name":"Tasty Chips Co."}}}"#)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
        let second = try await harness.post(["query": "query Who { organization { name } }", "operationName": "Who"], key: other)
        #expect(second.text == #"{"data":{"organization":{"name":"Other Snacks Ltd."}}}"#)
    }

    @Test func getCarriesTheQueryInTheURL() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        var components = URLComponents(url: harness.server.url("/graphql"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "query", value: "query($n: Boolean!) { organization { name @include(if: $n) } }"), URLQueryItem(name: "variables", value: #"{"n":true}"#)]
        let response = try await HTTPClient.send(components.url!, headers: ["Authorization": "Bearer \(key)"])
        #expect(response.status == 200)
        #expect(response.text == #"{"data":{"organization":{"name":"Tasty Chips Co."}}}"#)
    }

    @Test func aMissingOrUnknownKeyIs401Unauthenticated() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        for key in [nil, "cmk_not_a_key"] {
            let response = try await harness.post(["query": "{ organization { name } }"], key: key)
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == "Bearer")
            let errors = try #require(try response.json()["errors"] as? [[String: Any]])
            #expect((errors[0]["extensions"] as? [String: Any])?["code"] as? String == "UNAUTHENTICATED")
        }
    }

    @Test func malformedRequestsAre400WithAJSONError() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let url = harness.server.url("/graphql")
        let headers = ["Content-Type": "application/json", "Authorization": "Bearer \(key)"]
        let cases: [(Data, String)] = [
            (Data("{\"query\": ".utf8), "The request body is not valid JSON"),
            (Data("[1, 2]".utf8), "The request body must be a JSON object"),
            (Data(#"{"variables": {}}"#.utf8), "Missing \"query\""),
            (Data(#"{"query": "{ organization { name } }", "variables": [1]}"#.utf8), "\"variables\" must be a JSON object."),
            (Data(#"{"query": "{ organization { name } }", "operationName": 3}"#.utf8), "\"operationName\" must be a string."),
        ]
        for (body, message) in cases {
            let response = try await HTTPClient.send(url, method: "POST", headers: headers, body: body)
            #expect(response.status == 400)
            let errors = try #require(try response.json()["errors"] as? [[String: Any]])
            #expect((errors[0]["message"] as? String)?.hasPrefix(message) == true)
        }
    }

    @Test func unsupportedContentTypesAndMethodsAreRefused() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let url = harness.server.url("/graphql")
        let text = try await HTTPClient.send(url, method: "POST", headers: ["Content-Type": "text/plain", "Authorization": "Bearer \(key)"], body: Data("{ organization { name } }".utf8))
        #expect(text.status == 415)
        let put = try await HTTPClient.send(url, method: "PUT", headers: ["Content-Type": "application/json", "Authorization": "Bearer \(key)"], body: Data("{}".utf8))
        #expect(put.status == 405)
        #expect(put.header("Allow") == "GET, POST")
        let xml = try await harness.post(["query": "{ organization { name } }"], key: key, accept: "application/xml")
        #expect(xml.status == 406)
    }

    @Test func aMutationSentWithGetIs405AllowPostAndWritesNothing() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        var components = URLComponents(url: harness.server.url("/graphql"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(
            name: "query", value: #"mutation { createAudience(input: { name: "Via GET", locations: ["Berlin"], ageMin: 18, ageMax: 30 }) { id } }"#)]
        let response = try await HTTPClient.send(components.url!, headers: ["Authorization": "Bearer \(key)"])
        #expect(response.status == 405)
        #expect(response.header("Allow") == "POST")
        #expect(try harness.scalar("SELECT count(*)::bigint FROM audiences") == 0)
        let posted = try await harness.post(
            ["query": #"mutation { createAudience(input: { name: "Via POST", locations: ["Berlin"], ageMin: 18, ageMax: 30 }) { id } }"#], key: key)
        #expect(posted.status == 200)
        #expect(try harness.scalar("SELECT count(*)::bigint FROM audiences") == 1)
    }

    @Test func graphQLResponseMediaTypeUses400ForDocumentsThatDoNotValidate() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let modern = try await harness.post(["query": "{ organization { nme } }"], key: key, accept: "application/graphql-response+json")
        #expect(modern.status == 400)
        #expect(modern.header("Content-Type") == "application/graphql-response+json; charset=utf-8")
        let errors = try #require(try modern.json()["errors"] as? [[String: Any]])
        #expect(errors[0]["message"] as? String == #"Cannot query field "nme" on type "Organization". Did you mean "name"?"#)
        #expect(try modern.json()["data"] == nil)
        let syntax = try await harness.post(["query": "{ organization { "], key: key, accept: "application/graphql-response+json")
        #expect(syntax.status == 400)
        let legacy = try await harness.post(["query": "{ organization { nme } }"], key: key, accept: "application/json")
        #expect(legacy.status == 200)
        #expect(legacy.header("Content-Type") == "application/json; charset=utf-8")
        #expect((try legacy.json()["errors"] as? [[String: Any]])?.count == 1)
    }

    @Test func theStandardIntrospectionQueryWorksOverHTTP() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let query = try String(contentsOf: TestPaths.repository.appendingPathComponent("bench/graphql/introspection.graphql"), encoding: .utf8)
        let response = try await harness.post(["query": query], key: key)
        #expect(response.status == 200)
        let schema = try #require(((try response.json()["data"] as? [String: Any])?["__schema"]) as? [String: Any])
        #expect((schema["queryType"] as? [String: Any])?["name"] as? String == "Query")
        let types = (schema["types"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(types.contains("Organization") && types.contains("DateTime") && types.contains("__Schema"))
    }
}
