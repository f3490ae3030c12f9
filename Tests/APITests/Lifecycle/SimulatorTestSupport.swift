import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport

/// Connecting through the real OAuth flow, and reading and steering the platform simulator.
extension APITestHarness {
    /// startOAuth → the simulator's consent page (which approves at once and redirects back with `code` and
    /// `state`) → completeOAuth. Returns the integration id and its ad accounts (external id → our id).
    func connect(_ platform: String, key: String) async throws -> (integration: String, accounts: [String: String]) {
        let redirect = server.url("/healthz").absoluteString
        let start = try await succeed(
            "mutation($p: Platform!, $r: String!) { startOAuth(platform: $p, redirectUri: $r) { authorizationUrl state } }",
            ["p": platform.uppercased(), "r": redirect], key: key)
        let authorization = try #require((start["startOAuth"] as? [String: Any])?["authorizationUrl"] as? String)
        // Follow the consent page's redirect to our own URL and read the code and state off where it ended.
        let (_, response) = try await URLSession(configuration: .ephemeral).data(from: try #require(URL(string: authorization)))
        let landed = try #require((response as? HTTPURLResponse)?.url)
        let query = URLComponents(url: landed, resolvingAgainstBaseURL: false)?.queryItems ?? []
        let code = try #require(query.first { $0.name == "code" }?.value, "\(landed)")
        let state = try #require(query.first { $0.name == "state" }?.value, "\(landed)")
        let done = try await succeed(
            "mutation($p: Platform!, $c: String!, $s: String!) { completeOAuth(platform: $p, code: $c, state: $s) { id adAccounts { id externalAccountId } } }",
            ["p": platform.uppercased(), "c": code, "s": state], key: key)
        let integration = try #require(done["completeOAuth"] as? [String: Any])
        var accounts: [String: String] = [:]
        for account in integration["adAccounts"] as? [[String: Any]] ?? [] {
            accounts[account["externalAccountId"] as? String ?? ""] = account["id"] as? String
        }
        return (try #require(integration["id"] as? String), accounts)
    }

    /// One platform's objects and tokens from the simulator's whole state.
    func simulatorState(_ platform: String) async throws -> [String: Any] {
        try #require(try await simulatorState()[platform] as? [String: Any])
    }

    /// Fails the next `times` POSTs whose path contains `path`, after letting `after` matching requests through.
    /// One server error surfaces from a create (the HTTP client does not repeat creates); status changes and rate limits are retried, so it takes four failures to outlast them.
    func failNext(_ platform: String, path: String, after: Int = 0, failure: String = "server_error", times: Int = 1) async throws {
        try await simulatorControl("failures", ["platform": platform, "path": path, "method": "POST", "failure": failure, "times": times, "after": after])
    }
}

/// The simulator's objects of one platform, by kind, in a platform-independent form.
struct SimulatedObjects {
    struct Object {
        var id: String
        var fields: [String: Any]
    }

    var campaigns: [Object] = []
    var budgets: [Object] = []
    var adGroups: [Object] = []
    var ads: [Object] = []
    /// Meta ad creatives; Google location criteria.
    var extras: [Object] = []

    init(_ state: [String: Any], platform: String) {
        if platform == "google_ads" {
            for (name, fields) in state["objects"] as? [String: [String: Any]] ?? [:] {
                let object = Object(id: name, fields: fields)
                if name.contains("/campaigns/") { campaigns.append(object) }
                else if name.contains("/campaignBudgets/") { budgets.append(object) }
                else if name.contains("/adGroups/") { adGroups.append(object) }
                else if name.contains("/adGroupAds/") { ads.append(object) }
                else if name.contains("/campaignCriteria/") { extras.append(object) }
            }
        } else {
            for object in state["objects"] as? [[String: Any]] ?? [] {
                let item = Object(id: object["id"] as? String ?? "", fields: object["fields"] as? [String: Any] ?? [:])
                switch object["kind"] as? String {
                case "campaign": campaigns.append(item)
                case "adset": adGroups.append(item)
                case "ad": ads.append(item)
                case "adcreative": extras.append(item)
                default: break
                }
            }
        }
    }

    var counts: [Int] { [campaigns.count, adGroups.count, ads.count] }
}
