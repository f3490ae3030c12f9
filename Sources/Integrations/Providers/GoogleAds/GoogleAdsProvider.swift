import Foundation

/// The Google Ads REST API and Google's OAuth endpoints, over real HTTP. It formats requests, adds the access
/// token and Google's headers, parses answers and errors — and knows nothing of campaigns.
public struct GoogleAdsProvider: Sendable {
    public let settings: PlatformSettings
    let client: PlatformHTTPClient

    public init(settings: PlatformSettings) {
        self.settings = settings
        client = PlatformHTTPClient(
            platform: .googleAds, timeout: settings.timeout, retryPolicy: settings.retryPolicy, observe: settings.observeRequest,
            parseError: GoogleAdsErrorParser.parse)
    }

    /// Sends a request and returns its JSON object, with every secret of ours (the configured ones and
    /// `secrets`: the token or code sent) scrubbed from any error message.
    func sendJSON(_ request: PlatformRequest, accessToken: String? = nil, secrets: [String] = []) throws -> [String: Any] {
        try countOperations(of: request)
        return try scrubbingSecrets(accessToken: accessToken, extra: secrets) { try client.sendJSON(request) }
    }

    /// Sends a request whose answer is a JSON array (searchStream answers with an array of batches).
    func sendJSONArray(_ request: PlatformRequest, accessToken: String) throws -> [[String: Any]] {
        try countOperations(of: request)
        return try scrubbingSecrets(accessToken: accessToken) {
            let response = try client.send(request)
            guard let array = (try? JSONSerialization.jsonObject(with: response.body)) as? [[String: Any]] else {
                throw PlatformError.permanent(message: "Google Ads answered \(request.method) \(request.redactedURL) with a body that is not a JSON array")
            }
            return array
        }
    }

    /// Takes the request's operations from the daily quota, as Google counts them ("Rate sheet"): each item of a
    /// mutate, one for a query or any other API request; OAuth's token endpoint is not the Google Ads API.
    private func countOperations(of request: PlatformRequest) throws {
        guard let quota = settings.googleOperationQuota, !request.url.absoluteString.hasPrefix(settings.google.tokenURL.absoluteString) else { return }
        var operations = 1
        if request.url.path.hasSuffix(":mutate"),
           case .json(let body) = request.body, let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] {
            operations = max(1, ((object["mutateOperations"] ?? object["operations"]) as? [Any])?.count ?? 1)
        }
        try quota.take(.googleAds, operations: operations)
    }

    /// A platform may echo what it was sent; no error of ours may carry a secret onwards.
    private func scrubbingSecrets<T>(accessToken: String?, extra: [String] = [], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PlatformError {
            let secrets = ([accessToken, settings.google.clientSecret, settings.google.developerToken].compactMap { $0 } + extra).filter { !$0.isEmpty }
            throw Self.redact(secrets, in: error)
        }
    }
}

extension GoogleAdsProvider {
    /// The same error with each of `secrets` replaced by "REDACTED" in its message.
    static func redact(_ secrets: [String], in error: PlatformError) -> PlatformError {
        func clean(_ text: String) -> String {
            secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "REDACTED") }
        }
        switch error {
        case .tokenExpired(let message): return .tokenExpired(message: clean(message))
        case .reconnectRequired(let message): return .reconnectRequired(message: clean(message))
        case .rateLimited(let seconds, let message): return .rateLimited(retryAfter: seconds, message: clean(message))
        case .invalidRequest(let message, let field): return .invalidRequest(message: clean(message), field: field)
        case .transient(let message): return .transient(message: clean(message))
        case .permanent(let message): return .permanent(message: clean(message))
        }
    }
}
