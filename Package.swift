// swift-tools-version:6.0
import PackageDescription

/// One executable (`campaignd`) over small modules; dependencies point one way:
/// API → GraphQL, Campaigns, Integrations; Campaigns → Integrations → Postgres.
let package = Package(
    name: "campaignd",
    products: [
        .executable(name: "campaignd", targets: ["campaignd"]),
        .library(name: "GraphQL", targets: ["GraphQL"]),
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        .target(name: "FastCGI", dependencies: ["CFastCGI"]),
        .target(name: "GraphQL"),
        .target(name: "GraphQLFuzzing", dependencies: ["GraphQL"]),
        .executableTarget(name: "GraphQLFuzzer", dependencies: ["GraphQLFuzzing"]),
        .target(name: "Integrations", dependencies: ["Postgres"]),
        .target(name: "Simulator", dependencies: ["FastCGI"]),
        .target(name: "Campaigns", dependencies: ["Integrations", "Postgres"]),
        .target(name: "Jobs", dependencies: ["Postgres"]),
        .target(name: "Telemetry"),
        .target(name: "API", dependencies: ["GraphQL", "Campaigns", "Integrations", "FastCGI", "Postgres", "Jobs"]),
        .executableTarget(name: "campaignd", dependencies: [
            "Postgres", "FastCGI", "GraphQL", "Integrations", "Simulator", "Campaigns", "API", "Jobs", "Telemetry",
        ]),
        .target(name: "TestSupport", dependencies: ["Postgres"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "GraphQLTests", dependencies: ["GraphQL", "GraphQLFuzzing", "TestSupport"]),
        .testTarget(name: "ServerTests", dependencies: ["Postgres", "Telemetry", "TestSupport"]),
        .testTarget(name: "APITests", dependencies: ["API", "Campaigns", "Integrations", "Postgres", "TestSupport"]),
        .testTarget(name: "IntegrationsTests", dependencies: ["Integrations", "Campaigns", "Postgres", "Simulator", "TestSupport"]),
        .testTarget(name: "JobsTests", dependencies: ["Jobs", "Campaigns", "Integrations", "Simulator", "Postgres", "TestSupport"]),
        .testTarget(name: "StudioTests", dependencies: ["Campaigns", "Postgres", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
