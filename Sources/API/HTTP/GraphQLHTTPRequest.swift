import FastCGI
import GraphQL

/// The GraphQL parameters of one HTTP request (GraphQL over HTTP: a JSON body on POST, URL
/// parameters on GET).
struct GraphQLHTTPRequest: Sendable {
    /// The document; nil when the request names a persisted query by its hash only.
    var query: String?
    var variables: JSONObject?
    var operationName: String?
    var isReadOnly: Bool
    /// `extensions.persistedQuery`: the query's hash (checked against `query` when both are sent).
    var persistedQuery: PersistedQueryReference?

    /// The HTTP error that refuses the request by its method and headers alone, before its body is looked at
    /// (and before the API key is checked, so a client learns what to fix first).
    static func refusalBeforeBody(_ request: FastCGIRequest) -> HTTPRefusal? {
        switch request.method {
        case "GET":
            return nil
        case "POST":
            guard let contentType = request.contentType else {
                return HTTPRefusal(status: 415, message: "POST requests must have Content-Type: application/json.")
            }
            guard MediaType.essence(of: contentType) == "application/json" else {
                return HTTPRefusal(status: 415, message: "Unsupported Content-Type \"\(contentType)\"; send application/json.")
            }
            return nil
        default:
            return HTTPRefusal(status: 405, message: "Method \(request.method) is not allowed; use GET or POST.", headers: [("Allow", "GET, POST")])
        }
    }

    /// The most JSON values a request body may hold: far above any request the schema's limits let through
    /// (list arguments of 1,000 items, inputs of a few hundred entries), far below what fills memory.
    static let maxBodyValues = 100_000

    /// Reads the parameters, or the HTTP error that refuses the request.
    static func parse(_ request: FastCGIRequest) -> Result<GraphQLHTTPRequest, HTTPRefusal> {
        if let refusal = refusalBeforeBody(request) { return .failure(refusal) }
        if request.method == "GET" {
            let items = request.queryItems
            var fields = JSONObject()
            fields["query"] = items["query"].map(JSON.string)
            fields["operationName"] = items["operationName"].map(JSON.string)
            for name in ["variables", "extensions"] {
                guard let text = items[name] else { continue }
                guard let parsed = try? JSON.parse(text) else {
                    return .failure(.badRequest("The \"\(name)\" parameter must be a JSON object."))
                }
                fields[name] = parsed
            }
            return from(fields, isReadOnly: true)
        }
        let body: JSON
        do {
            body = try JSON.parse(request.body, maxValues: maxBodyValues)
        } catch {
            return .failure(.badRequest("The request body is not valid JSON: \(error.message)"))
        }
        guard case .object(let fields) = body else {
            return .failure(.badRequest("The request body must be a JSON object with a \"query\"."))
        }
        return from(fields, isReadOnly: false)
    }

    private static func from(_ fields: JSONObject, isReadOnly: Bool) -> Result<GraphQLHTTPRequest, HTTPRefusal> {
        switch fields["extensions"] {
        case nil, .null?, .object?: break
        default: return .failure(.badRequest("\"extensions\" must be a JSON object."))
        }
        let persisted: PersistedQueryReference?
        switch PersistedQueryReference.parse(fields["extensions"]) {
        case .success(let reference): persisted = reference
        case .failure(let refusal): return .failure(refusal)
        }
        var query: String?
        switch fields["query"] {
        case .string(let text)?: query = text
        case nil, .null?:
            guard persisted != nil else { return .failure(.badRequest("Missing \"query\": a GraphQL document is required.")) }
        default: return .failure(.badRequest("\"query\" must be a string."))
        }
        if let persisted, let query, SHA256.hex(query.utf8) != persisted.hash {
            return .failure(.badRequest("The persisted query's sha256Hash does not match the query sent with it."))
        }
        var variables: JSONObject?
        switch fields["variables"] {
        case nil, .null?: variables = nil
        case .object(let object)?: variables = object
        default: return .failure(.badRequest("\"variables\" must be a JSON object."))
        }
        var operationName: String?
        switch fields["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let name)?: operationName = name
        default: return .failure(.badRequest("\"operationName\" must be a string."))
        }
        return .success(GraphQLHTTPRequest(
            query: query, variables: variables, operationName: operationName, isReadOnly: isReadOnly, persistedQuery: persisted))
    }
}

/// A request refused before GraphQL runs, with its HTTP status.
struct HTTPRefusal: Error, Sendable {
    var status: Int
    var message: String
    var code: APIErrorCode = .badRequest
    var headers: [(String, String)] = []

    static func badRequest(_ message: String) -> HTTPRefusal {
        HTTPRefusal(status: 400, message: message)
    }
}
