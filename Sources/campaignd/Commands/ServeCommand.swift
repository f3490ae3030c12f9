import API
import Campaigns
import FastCGI
import GraphQL
import Foundation
import Postgres
import Telemetry

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
        var configuration = try Configuration.fromEnvironment()
        let metrics = ServerMetrics()
        // Request lines go out in batches; what is buffered is written before the process exits.
        let logOutput = BatchedLogOutput { FileHandleOutput.standardError($0) }
        let log = RequestLog(write: logOutput.append)
        configuration.platforms = configuration.platformSettings(share: 1)
        configuration.platforms.observeRequest = metrics.recordPlatformRequest
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: configuration.databasePoolSize, waitTimeout: 5,
            preparesStatements: configuration.databasePreparedStatements)
        let schema = try APISchema.load(from: URL(fileURLWithPath: configuration.schemaFile))
        var limits = QueryLimits.standard
        limits.maxListArgumentLength = configuration.maxListArgument
        var pipelineConfiguration = GraphQLPipelineConfiguration(
            limits: limits, maxResponseBytes: configuration.maxResponseBytes,
            documentCacheCapacity: configuration.documentCacheBytes > 0 ? 512 : 0, documentCacheMaxBytes: configuration.documentCacheBytes,
            logInternalError: { error, path in log.failure("internal_error", "at \(path): \(error)") },
            presentError: APIErrorPresentation.present)
        pipelineConfiguration.requestErrorCodes = true
        pipelineConfiguration.reportDeprecations = true
        let pipeline = GraphQLPipeline(schema: schema, configuration: pipelineConfiguration)
        let publicOrigin = try configuration.requirePublicURL()
        let mediaDirectory = URL(fileURLWithPath: configuration.mediaDirectory)
        let services = APIServices(
            pool: pool, platformSettings: configuration.platforms, tokenEncryptionKey: try configuration.requireTokenKey(),
            limits: configuration.requestLimits, media: MediaLibrary(directory: mediaDirectory, publicOrigin: publicOrigin),
            plansReads: configuration.plansReads)
        let graphQL = GraphQLHTTPHandler(
            pipeline: pipeline, services: services, publicOrigin: publicOrigin,
            mediaDirectory: mediaDirectory, mediaMaximumBytes: configuration.mediaMaximumBytes,
            observe: { request in
                metrics.record(request)
                log.record(request)
            },
            cors: configuration.cors, apiKeyCacheSeconds: Double(configuration.apiKeyCacheSeconds))
        // /healthz, /readyz and /metrics have a connection of their own: they answer while API requests hold every
        // connection of theirs.
        let healthPool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 1, waitTimeout: 2,
            preparesStatements: configuration.databasePreparedStatements)
        let expectedMigration = (try? Migration.load(from: URL(fileURLWithPath: configuration.migrationsDirectory)))?.map(\.version).max()
        let router = Router(
            health: HealthCheck(pool: healthPool, expectedMigration: expectedMigration, log: log), graphQL: graphQL,
            metrics: MetricsEndpoint(metrics: metrics, apiPool: pool, ownPool: healthPool, pipeline: pipeline, log: log))
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
        logOutput.flush()
        FileHandleOutput.standardError("campaignd: stopped\n")
        return 0
    }
}
