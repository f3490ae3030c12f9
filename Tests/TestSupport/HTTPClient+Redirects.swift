import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HTTPClient {
    /// Sends a request and returns the first response as it is, a redirect included (its `Location` is
    /// what an OAuth test reads), instead of following it.
    public static func sendWithoutRedirects(_ url: URL, method: String = "GET", headers: [String: String] = [:]) async throws -> HTTPResponse {
        var request = URLRequest(url: url)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        return try await withCheckedThrowingContinuation { continuation in
            let task = noRedirectSession.dataTask(with: request) { data, response, error in
                if let error { return continuation.resume(throwing: error) }
                guard let http = response as? HTTPURLResponse else {
                    return continuation.resume(throwing: TestSupportError("not an HTTP response"))
                }
                var headers: [String: String] = [:]
                for (name, value) in http.allHeaderFields { headers[String(describing: name)] = String(describing: value) }
                continuation.resume(returning: HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
            }
            task.resume()
        }
    }

    private static let noRedirectSession: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
    }()
}

/// Answers every redirect with "do not follow", so the redirect response itself completes the task.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
