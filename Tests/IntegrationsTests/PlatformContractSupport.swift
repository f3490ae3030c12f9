import Foundation
import Integrations
import TestSupport

/// Sends a provider-built request as it is, bypassing the provider's error parsing, so a contract test can
/// read the platform's own error body (codes, subcodes, field paths).
enum RawPlatformRequest {
    static func send(_ request: PlatformRequest, bearer token: String? = nil) async throws -> HTTPResponse {
        var headers = request.headers.merging(request.secretHeaders) { _, secret in secret }
        if let token { headers["Authorization"] = "Bearer \(token)" }
        var body: Data?
        switch request.body {
        case .none: break
        case .json(let data):
            body = data
            headers["Content-Type"] = "application/json"
        case .form(let fields):
            body = Data(FormEncoding.encode(fields).utf8)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        }
        return try await HTTPClient.send(request.url, method: request.method, headers: headers, body: body)
    }
}
