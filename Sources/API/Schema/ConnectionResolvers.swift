import Campaigns
import Foundation
import GraphQL
import Integrations

/// `Query.integrations`, `Query.adAccounts`, `Integration` and `AdAccount`. No token is ever selected.
enum ConnectionResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let service = ConnectionService()

        resolvers.query("integrations") { context in
            let session = try context.session
            return try service.integrations(in: session)
        }
        resolvers.query("adAccounts") { context in
            let session = try context.session
            var platform: Platform?
            if case .string(let text)? = context.argument("platform") { platform = Platform(apiName: text) }
            return try service.adAccounts(platform: platform, in: session)
        }

        resolvers.object("Integration", of: Integration.self) { object in
            object.field("id") { integration, _ in GlobalID.encode(.integration, integration.id) }
            object.field("platform") { integration, _ in integration.platform.apiName }
            object.field("connected") { integration, _ in integration.connected }
            object.field("health") { integration, _ in
                ConnectionHealth.of(platform: integration.platform, connected: integration.connected, expiresAt: integration.expiresAt).apiName
            }
            object.field("expiresAt") { integration, _ in integration.expiresAt?.graphQLDateTime }
            object.field("lastSyncedAt") { integration, _ in integration.lastSyncedAt?.graphQLDateTime }
            object.batch("adAccounts") { integrations, session in
                let accounts = try service.adAccounts(ofIntegrations: integrations.map(\.id), in: session)
                return integrations.map { accounts[$0.id] ?? [] }
            }
        }

        resolvers.object("AdAccount", of: AdAccount.self) { object in
            object.field("id") { account, _ in GlobalID.encode(.adAccount, account.id) }
            object.field("externalAccountId") { account, _ in account.externalAccountID }
            object.field("name") { account, _ in account.name }
            object.field("currency") { account, _ in account.currency }
            object.field("platform") { account, _ in account.platform.apiName }
            object.field("page") { account, _ in account.page }
            object.field("euTransparency") { account, _ in account.transparency }
            object.field("removed") { account, _ in account.removed }
        }
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
