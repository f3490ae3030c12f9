import Campaigns
import Foundation
import GraphQL
import Integrations

/// `Query.integrations`, `Query.adAccounts`, `Integration` and `AdAccount`. No token is ever selected.
enum ConnectionResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = ConnectionService()

        resolvers.field("Query", "integrations") { context in
            let session = try context.context(as: RequestContext.self).session
            return try service.integrations(in: session)
        }
        resolvers.field("Query", "adAccounts") { context in
            let session = try context.context(as: RequestContext.self).session
            var platform: Platform?
            if case .string(let text)? = context.argument("platform") { platform = Platform(apiName: text) }
            return try service.adAccounts(platform: platform, in: session)
        }

        resolvers.field("Integration", "id", on: Integration.self) { integration, _ in GlobalID.encode("Integration", integration.id) }
        resolvers.field("Integration", "platform", on: Integration.self) { integration, _ in integration.platform.apiName }
        resolvers.field("Integration", "connected", on: Integration.self) { integration, _ in integration.connected }
        resolvers.field("Integration", "health", on: Integration.self) { integration, _ in
            ConnectionHealth.of(platform: integration.platform, connected: integration.connected, expiresAt: integration.expiresAt).apiName
        }
        resolvers.field("Integration", "expiresAt", on: Integration.self) { integration, _ in integration.expiresAt?.graphQLDateTime }
        resolvers.field("Integration", "lastSyncedAt", on: Integration.self) { integration, _ in integration.lastSyncedAt?.graphQLDateTime }
        resolvers.batch("Integration", "adAccounts", on: Integration.self) { integrations, session in
            let accounts = try service.adAccounts(ofIntegrations: integrations.map(\.id), in: session)
            return integrations.map { accounts[$0.id] ?? [] }
        }

        resolvers.field("AdAccount", "id", on: AdAccount.self) { account, _ in GlobalID.encode("AdAccount", account.id) }
        resolvers.field("AdAccount", "externalAccountId", on: AdAccount.self) { account, _ in account.externalAccountID }
        resolvers.field("AdAccount", "name", on: AdAccount.self) { account, _ in account.name }
        resolvers.field("AdAccount", "currency", on: AdAccount.self) { account, _ in account.currency }
        resolvers.field("AdAccount", "platform", on: AdAccount.self) { account, _ in account.platform.apiName }
        return resolvers
    }
}

extension Integration: GraphQLObject {
    public var graphQLTypeName: String? { "Integration" }
}

extension AdAccount: GraphQLObject {
    public var graphQLTypeName: String? { "AdAccount" }
}

/// Stored enum values are lower snake case; the API's are upper snake case.
protocol APIEnum: RawRepresentable where RawValue == String {}

extension APIEnum {
    var apiName: String { rawValue.uppercased() }
    init?(apiName: String) { self.init(rawValue: apiName.lowercased()) }
}

extension Platform: APIEnum {}

extension ConnectionHealth {
    /// The GraphQL enum value: `EXPIRES_SOON` for `expiresSoon`.
    var apiName: String {
        switch self {
        case .ok: "OK"
        case .expiresSoon: "EXPIRES_SOON"
        case .reconnectRequired: "RECONNECT_REQUIRED"
        }
    }
}
