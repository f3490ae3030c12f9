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

    public init(
        pipeline: GraphQLPipeline, services: APIServices, publicOrigin: String, mediaDirectory: URL? = nil,
        mediaMaximumBytes: Int = 5 << 20
    ) {
        self.pipeline = pipeline
        self.services = services
        self.media = mediaDirectory.map { MediaStore(directory: $0, maximumBytes: mediaMaximumBytes) }
        self.publicOrigin = publicOrigin
    }

    /// The key is checked before the body is parsed: a request without a valid key costs one indexed lookup,
    /// whatever it carries.
    public func respond(_ request: FastCGIRequest) -> FastCGIResponse {
        guard let mediaType = ResponseMediaType.negotiate(accept: request.header("Accept")) else {
            return refusal(HTTPRefusal(status: 406, message: "Accept application/graphql-response+json or application/json.", code: "NOT_ACCEPTABLE"), as: .json)
        }
        if let refused = GraphQLHTTPRequest.refusalBeforeBody(request) { return refusal(refused, as: mediaType) }
        guard let key = Self.bearerToken(request.header("Authorization")) else {
            return refusal(.unauthenticated("Send an API key as Authorization: Bearer <key>."), as: mediaType)
        }
        do {
            return try pool.withConnection { connection in
                try connection.withTransaction { connection in
                    guard let session = try authenticator.session(forKey: key, timeouts: services.limits.timeouts, on: connection) else {
                        return refusal(.unauthenticated("The API key is not valid."), as: mediaType)
                    }
                    let parameters: GraphQLHTTPRequest
                    switch GraphQLHTTPRequest.parse(request) {
                    case .success(let parsed): parameters = parsed
                    case .failure(let refused): return refusal(refused, as: mediaType)
                    }
                    let response = pipeline.runSynchronously(
                        query: parameters.query, variables: parameters.variables, operationName: parameters.operationName,
                        context: RequestContext(
                            session: session, services: services, media: media, origin: publicOrigin),
                        allowMutations: !parameters.isReadOnly)
                    return encode(response, as: mediaType)
                }
            }
        } catch {
            FileHandle.standardError.write(Data("campaignd: /graphql failed: \(error)\n".utf8))
            return refusal(HTTPRefusal(status: 503, message: "The service is temporarily unavailable.", code: "SERVICE_UNAVAILABLE"), as: mediaType)
        }
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

    private func refusal(_ refusal: HTTPRefusal, as mediaType: ResponseMediaType) -> FastCGIResponse {
        var error = JSONObject()
        error["message"] = .string(refusal.message)
        error["extensions"] = .object(JSONObject([("code", .string(refusal.code))]))
        let body = JSON.object(JSONObject([("errors", .array([.object(error)]))]))
        let headers = [("Content-Type", mediaType.contentType), ("Cache-Control", "no-store")] + refusal.headers
        return FastCGIResponse(status: refusal.status, headers: headers, body: body.serializedBytes())
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

extension HTTPRefusal {
    static func unauthenticated(_ message: String) -> HTTPRefusal {
        HTTPRefusal(status: 401, message: message, code: "UNAUTHENTICATED", headers: [("WWW-Authenticate", "Bearer")])
    }
}
