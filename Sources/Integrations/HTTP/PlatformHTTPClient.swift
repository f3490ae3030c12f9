import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The answer of a platform: status, headers and body.
public struct PlatformResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as a JSON object, or nil when it is not one.
    public var jsonObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// How often and how patiently retryable failures are retried.
public struct RetryPolicy: Sendable {
    public var maximumAttempts: Int
    public var baseDelay: Double
    public var maximumDelay: Double

    public init(maximumAttempts: Int = 4, baseDelay: Double = 0.2, maximumDelay: Double = 10) {
        self.maximumAttempts = maximumAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// Exponential backoff with full jitter; a platform's own Retry-After wins when it is longer.
    public func delay(afterAttempt attempt: Int, retryAfter: Double? = nil) -> Double {
        let exponential = min(maximumDelay, baseDelay * pow(2, Double(attempt - 1)))
        let jittered = Double.random(in: (exponential / 2)...exponential)
        return min(maximumDelay, max(jittered, retryAfter ?? 0))
    }
}

/// Told of each attempt of a platform request once it has an outcome: the platform, `ok` or the failure's kind
/// (`rate_limited`, `token_expired`, `transient`, ...), and the seconds it took.
public typealias PlatformRequestObserver = @Sendable (_ platform: AdPlatform, _ outcome: String, _ seconds: Double) -> Void

/// Sends platform requests over real HTTP with a timeout, turns failures into `PlatformError`s with the
/// platform's own error parser, and retries rate limits and transient failures with backoff.
public struct PlatformHTTPClient: Sendable {
    /// Reads a platform's error body; returns nil for a success.
    public typealias ErrorParser = @Sendable (PlatformResponse) -> PlatformError?

    public var timeout: Double
    public var retryPolicy: RetryPolicy
    private let parseError: ErrorParser
    private let session: URLSession
    private let platform: AdPlatform
    private let observe: PlatformRequestObserver?

    public init(platform: AdPlatform, timeout: Double = 30, retryPolicy: RetryPolicy = RetryPolicy(),
                observe: PlatformRequestObserver? = nil, parseError: @escaping ErrorParser) {
        self.platform = platform
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.observe = observe
        self.parseError = parseError
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// Sends `request`, retrying what may pass; returns the successful response or throws the last error.
    public func send(_ request: PlatformRequest) throws -> PlatformResponse {
        var attempt = 1
        while true {
            do {
                return try sendAttempt(request)
            } catch let error as PlatformError where Self.retries(error, of: request) && attempt < retryPolicy.maximumAttempts {
                var retryAfter: Double?
                if case .rateLimited(let seconds, _) = error { retryAfter = seconds }
                Thread.sleep(forTimeInterval: retryPolicy.delay(afterAttempt: attempt, retryAfter: retryAfter))
                attempt += 1
            }
        }
    }

    /// One attempt, reported to `observe` with its outcome.
    private func sendAttempt(_ request: PlatformRequest) throws -> PlatformResponse {
        let started = Date()
        do {
            let response = try sendOnce(request)
            if let error = parseError(response) { throw error }
            observe?(platform, "ok", Date().timeIntervalSince(started))
            return response
        } catch let error as PlatformError {
            observe?(platform, error.outcomeName, Date().timeIntervalSince(started))
            throw error
        }
    }

    static func retries(_ error: PlatformError, of request: PlatformRequest) -> Bool {
        switch error {
        case .rateLimited: return true
        case .transient: return request.isSafeToRepeat
        default: return false
        }
    }

    /// Sends `request` and decodes its JSON object body.
    public func sendJSON(_ request: PlatformRequest) throws -> [String: Any] {
        let response = try send(request)
        guard let object = response.jsonObject else {
            throw PlatformError.permanent(message: "the platform answered \(request.method) \(request.redactedURL) with a body that is not a JSON object")
        }
        return object
    }

    private func sendOnce(_ request: PlatformRequest) throws -> PlatformResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        urlRequest.httpMethod = request.method
        for (name, value) in request.headers.merging(request.secretHeaders, uniquingKeysWith: { $1 }) {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        switch request.body {
        case .none:
            break
        case .json(let data):
            urlRequest.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            urlRequest.httpBody = data
        case .form(let fields):
            urlRequest.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            urlRequest.httpBody = Data(FormEncoding.encode(fields).utf8)
        }
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                box.result = .failure(PlatformError.transient(message: "\(request.method) \(request.redactedURL): \(error.localizedDescription)"))
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name] = value }
                }
                box.result = .success(PlatformResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            } else {
                box.result = .failure(PlatformError.transient(message: "\(request.method) \(request.redactedURL): no HTTP response"))
            }
            semaphore.signal()
        }
        task.resume()
        semaphore.wait()
        return try box.result!.get()
    }
}

private final class ResultBox: @unchecked Sendable {
    var result: Result<PlatformResponse, Error>?
}

/// `application/x-www-form-urlencoded`, as OAuth token endpoints expect.
public enum FormEncoding {
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    public static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Parses a form or query string into ordered pairs ("+" is a space).
    public static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }
}
