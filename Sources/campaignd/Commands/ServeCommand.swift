import API
import FastCGI
import GraphQL
import Foundation
import Postgres

/// `campaignd serve`: the FastCGI responder behind nginx.
enum ServeCommand {
    static let help = """
        usage: campaignd serve

        Answers FastCGI requests from nginx on CAMPAIGND_SOCKET until SIGTERM or SIGINT, then lets
        requests in flight finish and exits 0.

        \(Configuration.environmentHelp)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        let options = try CommandOptions(arguments, command: "serve", valued: [])
        if options.wantsHelp { FileHandleOutput.standardOutput(help + "\n"); return 0 }
        let configuration = try Configuration.fromEnvironment()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: configuration.databasePoolSize, waitTimeout: 5)
        let schema = try APISchema.load(from: URL(fileURLWithPath: configuration.schemaFile))
        let pipeline = GraphQLPipeline(schema: schema, configuration: GraphQLPipelineConfiguration(
            logInternalError: { error, path in
                FileHandleOutput.standardError("campaignd: internal error at \(path): \(error)\n")
            }))
        let services = APIServices(pool: pool, platformSettings: configuration.platforms, tokenEncryptionKey: try configuration.requireTokenKey())
        let router = Router(pool: pool, graphQL: GraphQLHTTPHandler(pipeline: pipeline, services: services))
        let server = FastCGIServer(
            .init(address: configuration.socket, threads: configuration.threads, maximumBodyBytes: configuration.maximumBodyBytes),
            handler: router.respond)
        try server.start()
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { server.stop() }
        FileHandleOutput.standardError("campaignd: serving FastCGI on \(configuration.socket) with \(configuration.threads) threads\n")
        server.wait()
        signals.cancel()
        pool.drain()
        FileHandleOutput.standardError("campaignd: stopped\n")
        return 0
    }
}
