import Foundation

/// One HTTP request to a platform, built before it is sent so that a dry run can show it unsent.
public struct PlatformRequest: Sendable, Equatable {
    public enum Body: Sendable, Equatable {
        case none
        case json(Data)
        case form([(String, String)])

        public static func == (lhs: Body, rhs: Body) -> Bool {
            switch (lhs, rhs) {
            case (.none, .none): return true
            case (.json(let a), .json(let b)): return a == b
            case (.form(let a), .form(let b)): return a.elementsEqual(b) { $0 == $1 }
            default: return false
            }
        }
    }

    public var method: String
    public var url: URL
    /// Headers safe to show (no secrets); `secretHeaders` are added only when sending.
    public var headers: [String: String]
    public var secretHeaders: [String: String]
    public var body: Body
    /// Whether sending it twice does no harm. A request that creates objects is not: after a 5xx or a timeout
    /// the platform may have created the object anyway, so repeating it could create a duplicate; the caller
    /// (a launch, which records every id it gets) decides instead. Rate-limited requests were not processed
    /// and are retried either way.
    public var isSafeToRepeat: Bool

    /// `isSafeToRepeat` defaults to true for every method but POST.
    public init(method: String, url: URL, headers: [String: String] = [:], secretHeaders: [String: String] = [:], body: Body = .none,
                isSafeToRepeat: Bool? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.secretHeaders = secretHeaders
        self.body = body
        self.isSafeToRepeat = isSafeToRepeat ?? (method != "POST")
    }

    /// A JSON body from a JSON-serializable value (`[String: Any]`, arrays, strings, numbers).
    public static func jsonBody(_ object: Any) -> Body {
        .json((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }

    /// The URL with secret query items (`access_token`, `client_secret`, ...) masked, for logs and dry runs.
    public var redactedURL: String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.queryItems = components.queryItems?.map { item in
            PlatformRequest.isSecret(item.name) ? URLQueryItem(name: item.name, value: "REDACTED") : item
        }
        return components.string ?? url.absoluteString
    }

    /// Whether a query or form field carries a secret that must never be shown or logged.
    public static func isSecret(_ name: String) -> Bool { secretNames.contains(name) }

    static let secretNames: Set<String> = [
        "access_token", "refresh_token", "client_secret", "fb_exchange_token", "code", "appsecret_proof",
    ]
}

extension PlatformRequest: CustomStringConvertible, CustomDebugStringConvertible {
    /// Method and redacted URL only: secret headers and bodies (which may carry codes or secrets) never print.
    public var description: String { "\(method) \(redactedURL)" }
    public var debugDescription: String { description }
}
