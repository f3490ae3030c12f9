import Foundation
import Postgres
import Testing
import TestSupport

extension APITestHarness {
    /// The server with the platform simulator behind the same nginx.
    init(environment: [String: String] = [:], simulatorEnvironment: [String: String] = [:]) throws {
        database = try TestCluster.shared.migratedDatabase()
        server = try TestServer(databaseURL: database.url, environment: environment, simulator: true, simulatorEnvironment: simulatorEnvironment)
    }

    /// The simulator's whole state (`GET /simulator/_control/state`).
    func simulatorState() async throws -> [String: Any] {
        try await HTTPClient.send(server.simulatorURL.appendingPathComponent("_control/state"), headers: TestSimulator.controlHeaders).json()
    }

    /// `POST /simulator/_control/<path>` with a JSON body; expects 200.
    func simulatorControl(_ path: String, _ body: [String: Any] = [:]) async throws {
        let response = try await HTTPClient.send(
            server.simulatorURL.appendingPathComponent("_control/\(path)"), method: "POST",
            headers: TestSimulator.controlHeaders.merging(["Content-Type": "application/json"]) { $1 },
            body: JSONSerialization.data(withJSONObject: body))
        #expect(response.status == 200, "simulator control \(path): \(response.text)")
    }

    /// Every token the simulator has issued in the token tables named `tables` (`accessTokens`, `refreshTokens`
    /// in TokenIssuer's snapshot), wherever the platform's state nests them.
    func simulatorTokens(tables: Set<String> = ["accessTokens", "refreshTokens"]) async throws -> Set<String> {
        var tokens = Set<String>()
        func collect(_ value: Any) {
            switch value {
            case let object as [String: Any]:
                for (key, child) in object {
                    if tables.contains(key), let table = child as? [String: Any] {
                        tokens.formUnion(table.keys)
                    }
                    collect(child)
                }
            case let array as [Any]: array.forEach(collect)
            default: break
            }
        }
        collect(try await simulatorState())
        return tokens
    }

    /// The simulator's access tokens only.
    func simulatorAccessTokens() async throws -> Set<String> {
        try await simulatorTokens(tables: ["accessTokens"])
    }

    /// The integration's tokens decrypted with the test server's key, and whether the raw columns hold them in clear.
    func storedTokens(_ integrationID: UUID) throws -> (access: String?, refresh: String?, plainInColumns: Bool) {
        try database.pool(maximumConnections: 1).withConnection { connection in
            let row = try connection.query(
                """
                SELECT pgp_sym_decrypt(access_token, \(TestServer.tokenKey)) AS access, pgp_sym_decrypt(refresh_token, \(TestServer.tokenKey)) AS refresh,
                       coalesce(position(convert_to(pgp_sym_decrypt(access_token, \(TestServer.tokenKey)), 'UTF8') IN access_token) > 0, false)
                    OR coalesce(position(convert_to(pgp_sym_decrypt(refresh_token, \(TestServer.tokenKey)), 'UTF8') IN refresh_token) > 0, false) AS plain
                FROM integrations WHERE id = \(integrationID)
                """)[0]
            return (try row.decode("access", as: String?.self), try row.decode("refresh", as: String?.self), try row.decode("plain"))
        }
    }

    /// Runs SQL as the database owner (bypassing the API), e.g. to age a state or a token.
    func sql(_ statement: PostgresQuery) throws {
        try database.pool(maximumConnections: 1).withConnection { try $0.query(statement) }
    }
}

/// Everything the API answered during a test, to prove no token ever left the server.
final class Transcript: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func append(_ text: String) { lock.withLock { texts.append(text) } }
    var all: String { lock.withLock { texts.joined(separator: "\n") } }
}

/// A client of one organization going through the OAuth connect flow against the simulator.
struct OAuthClient {
    let harness: APITestHarness
    let key: String
    let transcript = Transcript()
    static let redirectURI = "https://app.example.test/oauth/callback"
    static let integrationFields =
        "id platform connected expiresAt lastSyncedAt adAccounts { id externalAccountId name currency platform removed }"

    func send(_ query: String, _ variables: [String: Any] = [:]) async throws -> [String: Any] {
        let response = try await harness.post(["query": query, "variables": variables], key: key)
        transcript.append(response.text)
        #expect(response.status == 200, "\(response.text)")
        return try response.json()
    }

    /// `startOAuth`: the authorization URL and the state.
    func start(_ platform: String, redirectURI: String = OAuthClient.redirectURI) async throws -> (url: URL, state: String) {
        let body = try await send(
            "mutation($p: Platform!, $r: String!) { startOAuth(platform: $p, redirectUri: $r) { authorizationUrl state } }",
            ["p": platform, "r": redirectURI])
        let start = try #require(data(body, "startOAuth") as? [String: Any], "\(body)")
        let text = try #require(start["authorizationUrl"] as? String)
        let url = try #require(URL(string: text))
        return (url, try #require(start["state"] as? String))
    }

    /// Opens the consent page without following its redirect; returns the code and state of the Location.
    func authorize(_ url: URL, redirectURI: String = OAuthClient.redirectURI) async throws -> (code: String, state: String) {
        let response = try await HTTPClient.sendWithoutRedirects(url)
        #expect(response.status == 302, "\(response.status) \(response.text)")
        let location = try #require(response.header("Location"), "no Location: \(response.headers)")
        #expect(location.hasPrefix(redirectURI + "?"), "\(location)")
        let items = URLComponents(string: location)?.queryItems ?? []
        let code = try #require(items.first { $0.name == "code" }?.value, "\(location)")
        let state = try #require(items.first { $0.name == "state" }?.value, "\(location)")
        return (code, state)
    }

    func complete(_ platform: String, code: String, state: String) async throws -> [String: Any] {
        try await send(
            "mutation($p: Platform!, $c: String!, $s: String!) { completeOAuth(platform: $p, code: $c, state: $s) { \(Self.integrationFields) } }",
            ["p": platform, "c": code, "s": state])
    }

    /// The whole flow; returns the connected integration as the API shows it.
    func connect(_ platform: String) async throws -> [String: Any] {
        let (url, state) = try await start(platform)
        let redirect = try await authorize(url)
        #expect(redirect.state == state)
        let body = try await complete(platform, code: redirect.code, state: redirect.state)
        #expect(body["errors"] == nil, "\(body)")
        return try #require(data(body, "completeOAuth") as? [String: Any], "\(body)")
    }

    func sync(_ integrationID: String) async throws -> [String: Any] {
        try await send(
            "mutation($id: ID!) { syncAdAccounts(integrationId: $id) { id externalAccountId name currency platform removed } }",
            ["id": integrationID])
    }

    func integration(_ id: String) async throws -> [String: Any] {
        let body = try await send("query($id: ID!) { node(id: $id) { ... on Integration { \(Self.integrationFields) } } }", ["id": id])
        return try #require(data(body, "node") as? [String: Any], "\(body)")
    }
}

/// The UUID inside an Integration's global id.
func integrationUUID(_ globalID: Any?) throws -> UUID {
    let text = try #require(globalID as? String)
    let plain = String(decoding: try #require(Data(base64Encoded: text)), as: UTF8.self)
    return try #require(UUID(uuidString: String(plain.dropFirst("Integration:".count))))
}
