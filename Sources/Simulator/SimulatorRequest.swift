import FastCGI
import Foundation

/// A request to one simulated platform, with the `/simulator/<prefix>` part of the path removed.
public struct SimulatorRequest: Sendable {
    public var method: String
    /// The first path segment after `/simulator/`, which picked the platform (e.g. `google-ads`).
    public var prefix: String
    /// The rest of the path, starting with "/" (e.g. `/v21/customers:listAccessibleCustomers`).
    public var path: String
    public var query: [String: String]
    public var body: [UInt8]
    private let fastCGI: FastCGIRequest

    init(_ request: FastCGIRequest, prefix: String, path: String) {
        fastCGI = request
        method = request.method
        self.prefix = prefix
        self.path = path.isEmpty ? "/" : path
        query = request.queryItems
        body = request.body
    }

    public func header(_ name: String) -> String? { fastCGI.header(name) }

    /// `host:port` the client reached, for absolute URLs in answers (paging links): the Host header's name
    /// and nginx's SERVER_PORT (clients leave the port out of Host at times).
    public var authority: String? {
        guard let host = header("Host")?.split(separator: ":").first else { return nil }
        guard let port = fastCGI.parameters["SERVER_PORT"], !port.isEmpty else { return String(host) }
        return "\(host):\(port)"
    }

    /// The token of an `Authorization: Bearer …` header, else of an `access_token` query or form field (Meta).
    public var accessToken: String? {
        if let authorization = header("Authorization"), authorization.lowercased().hasPrefix("bearer ") {
            return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        return query["access_token"] ?? form["access_token"]
    }

    /// The body as a JSON object, or nil.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// The body as form fields (`application/x-www-form-urlencoded`); the last value of a repeated name wins.
    public var form: [String: String] {
        guard let contentType = fastCGI.contentType, contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else { return [:] }
        var fields: [String: String] = [:]
        for (name, value) in SimulatorForm.decode(String(decoding: body, as: UTF8.self)) { fields[name] = value }
        return fields
    }

    /// Form fields and query items together, the way Graph API endpoints accept parameters in either.
    public var parameters: [String: String] {
        query.merging(form) { $1 }
    }
}

/// Form decoding for the simulator (it depends on nothing of the product's).
enum SimulatorForm {
    static func decode(_ text: String) -> [(String, String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func unescape(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }
}

extension FastCGIResponse {
    /// A JSON response from a JSON-serializable value.
    public static func simulatorJSON(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> FastCGIResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return .json(status, String(decoding: data, as: UTF8.self), headers: headers)
    }

    /// A 302 to `location`.
    public static func redirect(_ location: String) -> FastCGIResponse {
        FastCGIResponse(status: 302, headers: [("Location", location), ("Cache-Control", "no-store")])
    }
}
