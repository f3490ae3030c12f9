import FastCGI
import Foundation
import Simulator

/// `campaignd simulate`: the ad platforms' HTTP APIs, for local runs and tests, served by nginx under `/simulator/`
/// on a loopback listener of its own.
enum SimulateCommand {
    static let help = """
        usage: campaignd simulate

        Speaks the Google Ads and Meta Marketing APIs (OAuth, accounts, campaigns, ad groups/ad sets, ads,
        status changes, daily metrics) in memory, as a FastCGI responder on CAMPAIGND_SIMULATOR_SOCKET that
        nginx serves under /simulator/ on a loopback listener (never the API's). Control endpoints under
        /simulator/_control/ inject failures, expire or revoke tokens and show the state, to callers that send
        CAMPAIGND_SIMULATOR_SECRET in the X-Simulator-Secret header. Stops on SIGTERM or SIGINT.

        Environment:
          CAMPAIGND_SIMULATOR_SOCKET          FastCGI socket (default .local/run/simulator.sock)
          CAMPAIGND_SIMULATOR_SECRET          the control plane's secret (unset: the control plane is closed)
          CAMPAIGND_SIMULATOR_REDIRECT_URIS   the OAuth redirect URIs registered for both simulated apps, separated
                                              by spaces; consent pages refuse any other, as the platforms do
          CAMPAIGND_SIMULATOR_TOKEN_LIFETIME  seconds an issued access token lives (default: an hour on Google,
                                              60 days for Meta's long-lived tokens)
          CAMPAIGND_SIMULATOR_STATE           a JSON file the state is read from at start and written to at stop
                                              (default: none, the state lives in memory only)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: "simulate", valued: [])
        if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
        let environment = ProcessInfo.processInfo.environment
        let socket = environment["CAMPAIGND_SIMULATOR_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? ".local/run/simulator.sock"
        // Google access tokens live an hour and Meta's long-lived tokens about 60 days, as on the platforms;
        // CAMPAIGND_SIMULATOR_TOKEN_LIFETIME sets both, for tests that watch tokens expire.
        var googleLifetime: TimeInterval = 3600
        var metaLifetime: TimeInterval = 60 * 86_400
        if let text = environment["CAMPAIGND_SIMULATOR_TOKEN_LIFETIME"], !text.isEmpty {
            guard let seconds = TimeInterval(text), seconds > 0 else {
                throw UsageError("CAMPAIGND_SIMULATOR_TOKEN_LIFETIME must be a positive number of seconds, got \"\(text)\"")
            }
            googleLifetime = seconds
            metaLifetime = seconds
        }
        let redirectURIs = Set((environment["CAMPAIGND_SIMULATOR_REDIRECT_URIS"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init))
        let simulator = SimulatorServer(
            platforms: simulatedPlatforms(googleLifetime: googleLifetime, metaLifetime: metaLifetime, redirectURIs: redirectURIs),
            controlSecret: environment["CAMPAIGND_SIMULATOR_SECRET"])
        let stateFile = environment["CAMPAIGND_SIMULATOR_STATE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        if let stateFile { try simulator.loadState(from: stateFile) }
        // Meta image uploads carry up to 5 MB of image in base64.
        let server = FastCGIServer(.init(address: socket, threads: 4, maximumBodyBytes: 16 << 20), handler: simulator.respond)
        try server.start()
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { server.stop() }
        FileHandleOutput.standardError("campaignd: simulating ad platforms on \(socket)\n")
        server.wait()
        signals.cancel()
        if let stateFile { try simulator.saveState(to: stateFile) }
        return 0
    }

    /// Each platform the simulator speaks for.
    static func simulatedPlatforms(googleLifetime: TimeInterval, metaLifetime: TimeInterval, redirectURIs: Set<String>) -> [any SimulatedPlatform] {
        [GoogleAdsSimulator(tokenLifetime: googleLifetime, redirectURIs: redirectURIs),
         MetaSimulator(tokenLifetime: metaLifetime, redirectURIs: redirectURIs)]
    }
}
