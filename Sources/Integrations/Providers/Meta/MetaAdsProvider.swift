import Foundation

/// The Meta Marketing (Graph) API over HTTP: OAuth, ad accounts, campaigns, ad sets, creatives, ads,
/// status changes and insights. It formats requests, adds the access token (as a Bearer header, never in a
/// URL it builds), parses answers and errors, and nothing more.
public struct MetaAdsProvider: PlatformConnector {
    public let settings: PlatformSettings
    public let requests: MetaRequestBuilder
    let client: PlatformHTTPClient

    public var platform: AdPlatform { .metaAds }

    public init(settings: PlatformSettings) {
        self.settings = settings
        requests = MetaRequestBuilder(graphURL: settings.meta.graphURL)
        client = PlatformHTTPClient(
            platform: .metaAds, timeout: settings.timeout, retryPolicy: settings.retryPolicy, observe: settings.observeRequest,
            parseError: MetaErrorParser.parse)
    }

    /// Sends `request` as the holder of `accessToken`; returns the JSON answer.
    public func send(_ request: PlatformRequest, accessToken: String) throws -> [String: Any] {
        try client.sendJSON(Self.authorized(request, accessToken: accessToken))
    }

    /// Reads every page of a list edge, following `paging.next` while it stays on the Graph API's host.
    public func sendPaged(_ request: PlatformRequest, accessToken: String, maximumPages: Int = 1_000) throws -> [[String: Any]] {
        var rows: [[String: Any]] = []
        var next: PlatformRequest? = request
        var visited: Set<URL> = []
        while let current = next {
            // A next link seen before, or no end in sight, would page forever.
            guard visited.insert(current.url).inserted, visited.count <= maximumPages else {
                throw PlatformError.permanent(message: "the Graph API's paging does not end (\(visited.count) pages)")
            }
            let page = try send(current, accessToken: accessToken)
            rows += page["data"] as? [[String: Any]] ?? []
            next = nil
            if let text = (page["paging"] as? [String: Any])?["next"] as? String, let url = URL(string: text) {
                guard url.scheme == settings.meta.graphURL.scheme, url.host == settings.meta.graphURL.host,
                      url.port == settings.meta.graphURL.port else {
                    throw PlatformError.permanent(message: "the Graph API's next page points at another host (\(url.host ?? "?"):\(url.port.map(String.init) ?? "")); not sending the token there")
                }
                next = PlatformRequest(method: "GET", url: url)
            }
        }
        return rows
    }

    static func authorized(_ request: PlatformRequest, accessToken: String) -> PlatformRequest {
        var request = request
        request.secretHeaders["Authorization"] = "Bearer \(accessToken)"
        return request
    }

    /// The `id` of a created object.
    static func createdID(_ object: [String: Any], what: String) throws -> String {
        if let id = object["id"] as? String, !id.isEmpty { return id }
        if let id = object["id"] as? NSNumber { return id.stringValue }
        throw PlatformError.permanent(message: "the Graph API created a \(what) but returned no id")
    }
}
