import Foundation
import Integrations
import Testing
import TestSupport

/// The simulator is test machinery: never on the API's origin, its control plane behind a secret, and its
/// consent pages redirecting only to registered redirect URIs, as the platforms' do.
@Suite struct SimulatorIsolationTests {
    @Test func theAPIOriginServesNoSimulatorAndTheControlPlaneWantsItsSecret() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url, simulator: true)
        defer { server.stop() }
        #expect(server.simulatorURL.port != server.baseURL.port)

        let onTheAPIOrigin = try await HTTPClient.send(server.url("/simulator/_control/state"), headers: TestSimulator.controlHeaders)
        #expect(onTheAPIOrigin.status == 404, "\(onTheAPIOrigin.text)")
        let reset = try await HTTPClient.send(server.url("/simulator/_control/reset"), method: "POST")
        #expect(reset.status == 404)

        let state = server.simulatorURL.appendingPathComponent("_control/state")
        let anonymous = try await HTTPClient.send(state)
        #expect(anonymous.status == 403)
        #expect(!anonymous.text.contains("accessTokens"))
        let wrong = try await HTTPClient.send(state, headers: ["X-Simulator-Secret": String(TestSimulator.controlSecret.dropLast()) + "x"])
        #expect(wrong.status == 403)
        let failures = try await HTTPClient.send(
            server.simulatorURL.appendingPathComponent("_control/failures"), method: "POST",
            headers: ["Content-Type": "application/json"], body: Data(#"{"platform":"meta_ads","failure":"server_error"}"#.utf8))
        #expect(failures.status == 403)
        let allowed = try await HTTPClient.send(state, headers: TestSimulator.controlHeaders)
        #expect(allowed.status == 200)
        #expect(try allowed.json()["meta_ads"] != nil)
    }

    @Test func consentPagesRedirectOnlyToRegisteredRedirectURIs() async throws {
        let server = try TestSimulatorServer()
        defer { server.stop() }
        let providers = PlatformProviders(settings: .simulator(server.url))
        for platform in AdPlatform.allCases {
            let connector = providers.connector(for: platform)
            let registered = try await HTTPClient.sendWithoutRedirects(
                connector.authorizationURL(state: "s-1", redirectURI: "http://127.0.0.1:9/oauth/callback"))
            #expect(registered.status == 302, "\(platform): \(registered.text)")

            for unregistered in ["https://evil.example/steal", "http://127.0.0.1:9/oauth/callback?x=1", "http://127.0.0.1:9/oauth/callbac"] {
                let refused = try await HTTPClient.sendWithoutRedirects(connector.authorizationURL(state: "s-2", redirectURI: unregistered))
                #expect(refused.status == 400, "\(platform) \(unregistered): \(refused.status)")
                #expect(refused.header("Location") == nil)
                switch platform {
                case .googleAds: #expect(try refused.json()["error"] as? String == "redirect_uri_mismatch")
                case .metaAds: #expect((try refused.json()["error"] as? [String: Any])?["code"] as? Int == 191)
                }
            }
        }
    }

    @Test func theSimulatorListenerMustBeLoopback() throws {
        let directory = try TestPaths.temporaryDirectory("nginx-conf")
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = TestPaths.script("nginx-conf.sh").path
        let arguments = ["127.0.0.1:8080", "/tmp/campaignd.sock", directory.path]
        let public_ = try runCommand(script, arguments, environment: ["SIMULATOR_LISTEN": "0.0.0.0:8081", "SIMULATOR_SOCKET": "/tmp/s.sock"])
        #expect(public_.status != 0)
        #expect(public_.output.contains("loopback"))
        let loopback = try runCommand(script, arguments, environment: ["SIMULATOR_LISTEN": "127.0.0.1:8081", "SIMULATOR_SOCKET": "/tmp/s.sock"])
        #expect(loopback.status == 0)
        let site = try String(contentsOf: directory.appendingPathComponent("sites/simulator.conf"), encoding: .utf8)
        #expect(site.contains("listen 127.0.0.1:8081;"))
        let without = try runCommand(script, arguments)
        #expect(without.status == 0)
        #expect(!without.output.contains("upstream simulator"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("sites/simulator.conf").path))
    }
}
