import Campaigns
import Foundation
import GraphQL
import Integrations
import Postgres

/// `startOAuth`, `completeOAuth`, `syncAdAccounts`, `disconnectIntegration` and `AdAccount.removed`: the
/// Integrations module's services bound to the API. No token is ever returned.
enum IntegrationResolvers {
    static var all: Resolvers {
        var resolvers = Resolvers()
        let connections = ConnectionService()

        resolvers.platformMutation("startOAuth") { context, request in
            let platform = try platformArgument(context)
            guard case .string(let redirectURI)? = context.argument("redirectUri") else { throw UserError.badInput("redirectUri is required.", field: "redirectUri") }
            return try request.services.oauth.start(
                platform: platform, redirectURI: redirectURI, organizationID: request.session.organizationID,
                on: request.session.connection)
        }
        resolvers.platformMutation("completeOAuth") { context, request in
            let platform = try platformArgument(context)
            guard case .string(let code)? = context.argument("code") else { throw UserError.badInput("code is required.", field: "code") }
            guard case .string(let state)? = context.argument("state") else { throw UserError.badInput("state is required.", field: "state") }
            let id = try request.services.oauth.complete(
                platform: platform, code: code, state: state, organizationID: request.session.organizationID,
                on: request.session.connection)
            guard let integration = try connections.integration(id, in: request.session) else { throw IntegrationError.integrationNotFound }
            return integration
        }
        resolvers.platformMutation("syncAdAccounts") { context, request in
            let id = try context.id("integrationId", of: .integration)
            let ids = try request.services.accountSync.sync(
                integrationID: id, organizationID: request.session.organizationID, on: request.session.connection)
            let accounts = try connections.adAccounts(ids: ids, in: request.session)
            return ids.compactMap { accounts[$0] }
        }
        resolvers.platformMutation("disconnectIntegration") { context, request in
            let id = try context.id("id", of: .integration)
            try request.services.oauth.disconnect(
                integrationID: id, organizationID: request.session.organizationID, on: request.session.connection)
            guard let integration = try connections.integration(id, in: request.session) else { throw IntegrationError.integrationNotFound }
            return integration
        }

        resolvers.object("OAuthStart", of: OAuthStart.self) { object in
            object.field("authorizationUrl") { start, _ in start.authorizationURL.absoluteString }
            object.field("state") { start, _ in start.state }
        }
        return resolvers
    }

    static func platformArgument(_ context: FieldContext) throws -> Platform {
        guard case .string(let text)? = context.argument("platform"), let platform = Platform(apiName: text) else {
            throw UserError.badInput("platform must be GOOGLE_ADS or META_ADS.", field: "platform")
        }
        return platform
    }
}

extension OAuthStart: GraphQLObject {
    public var graphQLTypeName: String? { "OAuthStart" }
}

