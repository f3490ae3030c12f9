import Foundation
import Testing
import TestSupport

/// Pages of other origins call the API only when their origin is listed (none by default), never with credentials;
/// a browser tab opening /graphql lands on the explorer.
@Suite struct CORSTests {
    func preflight(_ harness: APITestHarness, origin: String) async throws -> HTTPResponse {
        try await HTTPClient.send(harness.server.url("/graphql"), method: "OPTIONS", headers: [
            "Origin": origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type",
        ])
    }

    @Test func aListedOriginIsAllowedAndAnyOtherIsNot() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_CORS_ORIGINS": "https://explorer.example, https://app.example"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")

        let allowed = try await preflight(harness, origin: "https://explorer.example")
        #expect(allowed.status == 204)
        #expect(allowed.header("Access-Control-Allow-Origin") == "https://explorer.example")
        #expect(allowed.header("Access-Control-Allow-Headers")?.contains("Authorization") == true)
        #expect(allowed.header("Access-Control-Allow-Methods") == "GET, POST")
        #expect(allowed.header("Access-Control-Allow-Credentials") == nil)
        let refused = try await preflight(harness, origin: "https://evil.example")
        #expect(refused.status == 403)
        #expect(refused.header("Access-Control-Allow-Origin") == nil)

        for (origin, expected) in [("https://app.example", "https://app.example" as String?), ("https://evil.example", nil)] {
            let response = try await HTTPClient.send(
                harness.server.url("/graphql"), method: "POST",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer \(key)", "Origin": origin],
                body: Data(#"{"query":"{ __typename }"}"#.utf8))
            #expect(response.status == 200)
            #expect(response.header("Access-Control-Allow-Origin") == expected, "\(origin)")
            #expect(response.header("Vary") == "Origin")
        }
    }

    @Test func noOriginIsAllowedByDefault() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let refused = try await preflight(harness, origin: "https://explorer.example")
        #expect(refused.status == 403)
        let response = try await HTTPClient.send(harness.server.url("/graphql"), method: "GET", headers: ["Origin": "https://explorer.example", "Accept": "application/json"])
        #expect(response.header("Access-Control-Allow-Origin") == nil)
    }

    @Test func aBrowserTabOpeningTheEndpointLandsOnTheExplorer() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let tab = try await HTTPClient.sendWithoutRedirects(
            harness.server.url("/graphql"), headers: ["Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"])
        #expect(tab.status == 302)
        #expect(tab.header("Location") == "/explorer/")
        let page = try await HTTPClient.send(harness.server.url("/explorer/"))
        #expect(page.status == 200 && page.text.contains("GraphQL explorer"))
    }
}
