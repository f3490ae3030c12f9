import Campaigns
import FastCGI
import Foundation
import GraphQL
import Postgres

/// `/graphql`: GraphQL over HTTP, authenticated by API key, each request in one transaction
/// scoped to the caller's organization.
public struct GraphQLHTTPHandler: Sendable {
    let pipeline: GraphQLPipeline
    let services: APIServices
    var pool: PostgresPool { services.pool }
    let authenticator = APIKeyAuthenticator()
    /// Where `uploadMedia` stores images, and the public origin their URLs start with: configured, never taken
    /// from the request's Host header, which any client sets.
    let media: MediaStore?
    let publicOrigin: String
    /// Told how each request went, for the request log and the metrics.
    let observe: (@Sendable (GraphQLRequestRecord) -> Void)?
    /// Documents stored by hash for automatic persisted queries.
    let persistedQueries: PersistedQueries
    /// The other origins whose pages may call the API from a browser.
    let cors: CORSPolicy
    /// Keys the database accepted in the last seconds, so their requests begin without a round trip.
    let keyCache: APIKeyCache

    public init(
        pipeline: GraphQLPipeline, services: APIServices, publicOrigin: String, mediaDirectory: URL? = nil,
        mediaMaximumBytes: Int = 5 << 20, observe: (@Sendable (GraphQLRequestRecord) -> Void)? = nil,
        persistedQueries: PersistedQueries = PersistedQueries(), cors: CORSPolicy = CORSPolicy(), apiKeyCacheSeconds: Double = 5
    ) {
        self.keyCache = APIKeyCache(lifetime: apiKeyCacheSeconds)
        self.observe = observe
        self.cors = cors
        self.persistedQueries = persistedQueries
        self.pipeline = pipeline
        self.services = services
        self.media = mediaDirectory.map { MediaStore(directory: $0, maximumBytes: mediaMaximumBytes) }
        self.publicOrigin = publicOrigin
    }

    /// The key is checked before the body is parsed: a request without a valid key costs one indexed lookup,
    /// whatever it carries. `observe`, when set, is told how each request went.
    public func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        if request.method == "OPTIONS", request.header("Access-Control-Request-Method") != nil { return cors.preflight(request) }
        // A browser tab opening /graphql asks for HTML and names no JSON type: it gets the explorer, not an error.
        if request.method == "GET", let accept = request.header("Accept")?.lowercased(), accept.contains("text/html"),
           !accept.contains("json") {
            return FastCGIResponse(status: 302, headers: [("Location", "/explorer/"), ("Cache-Control", "no-store")])
        }
        let started = DispatchTime.now().uptimeNanoseconds
        var record = GraphQLRequestRecord()
        record.requestID = request.parameters["REQUEST_ID"].flatMap { $0.isEmpty ? nil : $0 }
        var response = respond(request, recording: &record)
        response.headers += cors.headers(for: request)
        record.status = response.status
        record.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        observe?(record)
        return response
    }

    private func respond(_ request: FastCGIRequest, recording record: inout GraphQLRequestRecord) -> FastCGIResponse {
        guard let mediaType = ResponseMediaType.negotiate(accept: request.header("Accept")) else {
            return refusal(HTTPRefusal(status: 406, message: "Accept application/graphql-response+json or application/json.", code: .notAcceptable),
                           as: .json, recording: &record)
        }
        if let refused = GraphQLHTTPRequest.refusalBeforeBody(request) { return refusal(refused, as: mediaType, recording: &record) }
        guard let key = Self.bearerToken(request.header("Authorization")) else {
            return refusal(.unauthenticated("Send an API key as Authorization: Bearer <key>."), as: mediaType, recording: &record)
        }
        let timeouts = services.limits.timeouts
        do {
            // A key accepted moments ago: the transaction begins at the request's first statement, if any, and only then
            // takes a connection from the pool.
            if let organizationID = keyCache.organization(forKey: key) {
                let transaction = DeferredTenantTransaction(organizationID: organizationID, key: key, timeouts: timeouts, pool: pool)
                let response: FastCGIResponse
                do {
                    response = try execute(request, in: TenantSession(deferred: transaction), as: mediaType, recording: &record)
                    try transaction.finish(failed: transaction.keyWasRefused)
                    transaction.release(after: nil)
                } catch {
                    try? transaction.finish(failed: true)
                    transaction.release(after: error)
                    throw error
                }
                // No connection to be had: the request's statements were refused, which is the service being unavailable.
                if let unavailable = transaction.unavailable { throw unavailable }
                if transaction.keyWasRefused {
                    keyCache.forget(key: key)
                    return refusal(.unauthenticated("The API key is not valid."), as: mediaType, recording: &record)
                }
                return response
            }
            return try pool.withConnection { connection in
                try connection.withTransaction { connection in
                    guard let session = try authenticator.session(forKey: key, timeouts: timeouts, on: connection) else {
                        return refusal(.unauthenticated("The API key is not valid."), as: mediaType, recording: &record)
                    }
                    keyCache.remember(session.organizationID, forKey: key)
                    return try execute(request, in: session, as: mediaType, recording: &record)
                }
            }
        } catch {
            record.outcome = .unavailable
            record.failure = String(describing: error)
            return refusal(HTTPRefusal(status: 503, message: "The service is temporarily unavailable.", code: .serviceUnavailable),
                           as: mediaType, recording: &record)
        }
    }

    /// The request, parsed and executed in the caller's organization.
    private func execute(_ request: FastCGIRequest, in session: TenantSession, as mediaType: ResponseMediaType,
                         recording record: inout GraphQLRequestRecord) throws -> FastCGIResponse {
        record.organizationID = session.organizationID
        let parameters: GraphQLHTTPRequest
        switch GraphQLHTTPRequest.parse(request) {
        case .success(let parsed): parameters = parsed
        case .failure(let refused): return refusal(refused, as: mediaType, recording: &record)
        }
        record.operationName = parameters.operationName
        guard let query = parameters.query ?? parameters.persistedQuery.flatMap({ persistedQueries.document(forHash: $0.hash) }) else {
            // Apollo's clients send the query on this answer; it is a request error of the new media type.
            return refusal(HTTPRefusal(status: mediaType == .json ? 200 : 400, message: "PersistedQueryNotFound", code: .persistedQueryNotFound),
                           as: mediaType, recording: &record)
        }
        let context = RequestContext(session: session, services: services, media: media, origin: publicOrigin)
        let response = pipeline.runSynchronously(
            query: query, variables: parameters.variables, operationName: parameters.operationName, context: context,
            allowMutations: !parameters.isReadOnly)
        record.operationType = response.operationType?.rawValue
        record.plannedReads = context.tally.plannedReads
        record.deprecations = response.deprecations
        if let persisted = parameters.persistedQuery, parameters.query != nil, !response.isParseOrValidationFailure {
            persistedQueries.store(query, hash: persisted.hash)
        }
        if let first = response.result.errors.first {
            record.outcome = .errors
            record.errorCode = first.code
        }
        return encode(response, as: mediaType)
    }

    private func encode(_ response: GraphQLResponse, as mediaType: ResponseMediaType) -> FastCGIResponse {
        var status = 200
        var headers = [("Content-Type", mediaType.contentType), ("Cache-Control", "no-store")]
        if response.phase == .operationNotAllowed {
            status = 405
            headers.append(("Allow", "POST"))
        } else if mediaType == .graphQLResponse && !response.result.hasData {
            status = 400
        }
        return FastCGIResponse(status: status, headers: headers, body: response.serializedBytes())
    }

    private func refusal(_ refusal: HTTPRefusal, as mediaType: ResponseMediaType,
                         recording record: inout GraphQLRequestRecord) -> FastCGIResponse {
        if record.outcome != .unavailable { record.outcome = .refused }
        record.errorCode = refusal.code.rawValue
        var error = JSONObject()
        error["message"] = .string(refusal.message)
        error["extensions"] = .object(JSONObject([("code", .string(refusal.code.rawValue))]))
        let body = JSON.object(JSONObject([("errors", .array([.object(error)]))]))
        let headers = [("Content-Type", mediaType.contentType), ("Cache-Control", "no-store")] + refusal.headers
        return FastCGIResponse(status: refusal.status, headers: headers, body: body.serializedBytes())
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingHTTPWhitespace
        return token.isEmpty ? nil : String(token)
    }
}

extension HTTPRefusal {
    static func unauthenticated(_ message: String) -> HTTPRefusal {
        HTTPRefusal(status: 401, message: message, code: .unauthenticated, headers: [("WWW-Authenticate", "Bearer")])
    }
}
