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
        var limits = QueryLimits.standard
        limits.maxListArgumentLength = configuration.maxListArgument
        let pipeline = GraphQLPipeline(schema: schema, configuration: GraphQLPipelineConfiguration(
            limits: limits, maxResponseBytes: configuration.maxResponseBytes,
            documentCacheCapacity: configuration.documentCacheBytes > 0 ? 512 : 0, documentCacheMaxBytes: configuration.documentCacheBytes,
            logInternalError: { error, path in
                FileHandleOutput.standardError("campaignd: internal error at \(path): \(error)\n")
            },
            presentError: DatabaseLimitErrors.present))
        let services = APIServices(
            pool: pool, platformSettings: configuration.platforms, tokenEncryptionKey: try configuration.requireTokenKey(),
            limits: configuration.requestLimits)
        let graphQL = GraphQLHTTPHandler(
            pipeline: pipeline, services: services, publicOrigin: try configuration.requirePublicURL(),
            mediaDirectory: URL(fileURLWithPath: configuration.mediaDirectory), mediaMaximumBytes: configuration.mediaMaximumBytes)
        // /healthz has a connection of its own: it answers while API requests hold every connection of theirs.
        let healthPool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1, waitTimeout: 2)
        let router = Router(pool: healthPool, graphQL: graphQL)
        let server = FastCGIServer(
            .init(address: configuration.socket, threads: configuration.threads, maximumBodyBytes: configuration.maximumBodyBytes),
            handler: router.respond)
        try server.start()
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { server.stop() }
        FileHandleOutput.standardError("campaignd: serving FastCGI on \(configuration.socket) with \(configuration.threads) threads\n")
        server.wait()
        signals.cancel()
        pool.drain()
        healthPool.drain()
        FileHandleOutput.standardError("campaignd: stopped\n")
        return 0
    }
}
