import FastCGI

/// Which other origins' pages may call `/graphql` from a browser (a hosted GraphQL explorer, a frontend deployed
/// apart): none by default. The API is authorized by a bearer key, never by cookies, so no origin is ever told
/// credentials are allowed, and an origin not listed gets no CORS header at all (the browser then refuses).
public struct CORSPolicy: Sendable {
    public let allowedOrigins: Set<String>

    public init(allowedOrigins: Set<String> = []) {
        self.allowedOrigins = allowedOrigins
    }

    /// The origins of a setting such as `https://explorer.example, https://app.example` (scheme://host[:port], no
    /// path); anything else is refused so that a typo does not silently open the API.
    public static func parse(_ text: String) -> Result<CORSPolicy, CORSPolicyError> {
        var origins = Set<String>()
        for part in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 3, ["http:", "https:"].contains(pieces[0]), pieces[1].isEmpty, !pieces[2].isEmpty else {
                return .failure(CORSPolicyError(origin: part))
            }
            origins.insert(part.lowercased())
        }
        return .success(CORSPolicy(allowedOrigins: origins))
    }

    /// The allowed `Origin` of the request, or nil.
    func allowedOrigin(of request: FastCGIRequest) -> String? {
        guard let origin = request.header("Origin")?.lowercased(), allowedOrigins.contains(origin) else { return nil }
        return origin
    }

    /// The headers a response to an allowed origin carries.
    func headers(for request: FastCGIRequest) -> [(String, String)] {
        guard let origin = allowedOrigin(of: request) else { return allowedOrigins.isEmpty ? [] : [("Vary", "Origin")] }
        return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
    }

    /// The answer to a preflight (`OPTIONS` with `Access-Control-Request-Method`): 204 with what may be sent for an
    /// allowed origin, 403 for any other.
    func preflight(_ request: FastCGIRequest) -> FastCGIResponse {
        guard allowedOrigin(of: request) != nil else {
            return .json(403, #"{"errors":[{"message":"This origin may not call the API from a browser.","extensions":{"code":"\#(APIErrorCode.originNotAllowed.rawValue)"}}]}"#)
        }
        return FastCGIResponse(status: 204, headers: headers(for: request) + [
            ("Access-Control-Allow-Methods", "GET, POST"),
            ("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept"),
            ("Access-Control-Max-Age", "600"),
        ])
    }
}

public struct CORSPolicyError: Error, Sendable {
    public let origin: String
}
