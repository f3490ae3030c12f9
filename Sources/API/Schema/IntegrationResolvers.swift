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
            guard case .string(let redirectURI)? = context.argument("redirectUri") else { throw badInput("redirectUri is required.", field: "redirectUri") }
            return try request.services.oauth.start(
                platform: platform, redirectURI: redirectURI, organizationID: request.session.organizationID,
                on: request.session.connection)
        }
        resolvers.platformMutation("completeOAuth") { context, request in
            let platform = try platformArgument(context)
            guard case .string(let code)? = context.argument("code") else { throw badInput("code is required.", field: "code") }
            guard case .string(let state)? = context.argument("state") else { throw badInput("state is required.", field: "state") }
            let id = try request.services.oauth.complete(
                platform: platform, code: code, state: state, organizationID: request.session.organizationID,
                on: request.session.connection)
            guard let integration = try connections.integration(id, in: request.session) else { throw IntegrationError.integrationNotFound }
            return integration
        }
        resolvers.platformMutation("syncAdAccounts") { context, request in
            let id = try integrationID(context.argument("integrationId"))
            let ids = try request.services.accountSync.sync(
                integrationID: id, organizationID: request.session.organizationID, on: request.session.connection)
            let accounts = try connections.adAccounts(ids: ids, in: request.session)
            return ids.compactMap { accounts[$0] }
        }
        resolvers.platformMutation("disconnectIntegration") { context, request in
            let id = try integrationID(context.argument("id"))
            try request.services.oauth.disconnect(
                integrationID: id, organizationID: request.session.organizationID, on: request.session.connection)
            guard let integration = try connections.integration(id, in: request.session) else { throw IntegrationError.integrationNotFound }
            return integration
        }

        resolvers.field("OAuthStart", "authorizationUrl", on: OAuthStart.self) { start, _ in start.authorizationURL.absoluteString }
        resolvers.field("OAuthStart", "state", on: OAuthStart.self) { start, _ in start.state }
        resolvers.field("AdAccount", "removed", on: AdAccount.self) { account, _ in account.removed }
        return resolvers
    }

    static func platformArgument(_ context: FieldContext) throws -> Platform {
        guard case .string(let text)? = context.argument("platform"), let platform = Platform(apiName: text) else {
            throw badInput("platform must be GOOGLE_ADS or META_ADS.", field: "platform")
        }
        return platform
    }

    /// An Integration global id; anything else (malformed, another type, another organization's) is NOT_FOUND.
    static func integrationID(_ argument: JSON?) throws -> UUID {
        guard case .string(let text)? = argument, let id = GlobalID.decode(text, as: "Integration") else {
            throw IntegrationError.integrationNotFound
        }
        return id
    }

    static func badInput(_ message: String, field: String) -> UserError {
        UserError(message, code: "BAD_USER_INPUT", extensions: JSONObject([("field", .string(field))]))
    }
}

extension OAuthStart: GraphQLObject {
    public var graphQLTypeName: String? { "OAuthStart" }
}

extension APIServices {
    var tokens: TokenService { TokenService(providers: providers, encryptionKey: tokenEncryptionKey) }
    var oauth: OAuthService { OAuthService(providers: providers, encryptionKey: tokenEncryptionKey) }
    var accountSync: AccountSyncService { AccountSyncService(providers: providers, tokens: tokens) }
}

extension Resolvers {
    /// A `Mutation` field that talks to a platform. Like ``mutation(_:_:)`` it runs in a savepoint rolled back
    /// when the input is refused; but once a platform was involved, what was written stays even when the call
    /// fails: a consumed state, tokens the platform just rotated, an integration marked disconnected.
    /// Integration and platform errors become GraphQL errors with a code (see ``IntegrationErrorMapping``).
    mutating func platformMutation<T: ResolvedValueConvertible>(
        _ fieldName: String, _ resolve: @escaping @Sendable (FieldContext, RequestContext) throws -> T
    ) {
        field("Mutation", fieldName) { context in
            try ArgumentLimits.check(context)
            let request = try context.context(as: RequestContext.self)
            try MutationRateLimit.take(for: fieldName, in: request)
            let connection = try request.session.connection
            try connection.execute("SAVEPOINT platform_mutation")
            do {
                let value = try resolve(context, request)
                try connection.execute("RELEASE SAVEPOINT platform_mutation")
                return value
            } catch {
                if !IntegrationErrorMapping.keepsWrites(error) {
                    try connection.execute("ROLLBACK TO SAVEPOINT platform_mutation")
                }
                try connection.execute("RELEASE SAVEPOINT platform_mutation")
                throw IntegrationErrorMapping.graphQLError(error)
            }
        }
    }
}
