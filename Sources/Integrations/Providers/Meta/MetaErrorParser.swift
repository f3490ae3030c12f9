import Foundation

/// Reads the Graph API's error body, `{"error": {"message", "type", "code", "error_subcode",
/// "error_user_msg", "error_data", "fbtrace_id"}}`, into a `PlatformError` that says what to do.
public enum MetaErrorParser {
    /// Codes Meta uses for throttling: app (4), user (17), page (32), custom-level (613) and the
    /// business-use-case limits (80000-80014).
    static let rateLimitCodes: Set<Int> = [4, 17, 32, 613]
    /// When Meta does not say how long to wait.
    public static let defaultRetryAfter: Double = 1

    public static func parse(_ response: PlatformResponse) -> PlatformError? {
        let error = response.jsonObject?["error"] as? [String: Any]
        if (200..<300).contains(response.status), error == nil { return nil }
        guard let error else {
            if response.status == 429 { return .rateLimited(retryAfter: retryAfter(response), message: "HTTP 429 Too Many Requests") }
            if response.status >= 500 { return .transient(message: "HTTP \(response.status) from the Graph API") }
            return .permanent(message: "HTTP \(response.status) from the Graph API without an error body")
        }
        let code = integer(error["code"])
        let subcode = integer(error["error_subcode"])
        var message = (error["message"] as? String) ?? "Graph API error"
        if let userMessage = error["error_user_msg"] as? String, !userMessage.isEmpty, userMessage != message {
            message += " (\(userMessage))"
        }
        message += " [code \(code.map(String.init) ?? "?")\(subcode.map { ", subcode \($0)" } ?? "")]"
        switch code {
        case 190, 102:
            return .tokenExpired(message: message)
        case let code? where rateLimitCodes.contains(code) || (80000...80014).contains(code):
            return .rateLimited(retryAfter: retryAfter(response), message: message)
        case _ where response.status == 429:
            return .rateLimited(retryAfter: retryAfter(response), message: message)
        case 100:
            return .invalidRequest(message: message, field: blameField(error["error_data"]))
        case 1, 2:
            return .transient(message: message)
        default:
            if response.status >= 500 || (error["is_transient"] as? Bool) == true { return .transient(message: message) }
            return .permanent(message: message)
        }
    }

    /// A `Retry-After` header wins; else the longest `estimated_time_to_regain_access` (minutes) of the
    /// `X-Business-Use-Case-Usage` header; else `defaultRetryAfter`.
    static func retryAfter(_ response: PlatformResponse) -> Double {
        if let text = response.header("Retry-After"), let seconds = Double(text), seconds >= 0 { return seconds }
        if let text = response.header("X-Business-Use-Case-Usage"),
           let usage = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] {
            let minutes = usage.values.compactMap { $0 as? [[String: Any]] }.joined()
                .compactMap { integer($0["estimated_time_to_regain_access"]) }.max() ?? 0
            if minutes > 0 { return Double(minutes * 60) }
        }
        return defaultRetryAfter
    }

    /// The field Meta blames: `error_data.blame_field_specs` (`[["targeting", "geo_locations"]]`) or
    /// `error_data.blame_field`; `error_data` may itself be a JSON string.
    static func blameField(_ value: Any?) -> String? {
        var data = value as? [String: Any]
        if data == nil, let text = value as? String {
            data = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        }
        guard let data else { return nil }
        if let specs = data["blame_field_specs"] as? [[String]], let first = specs.first, !first.isEmpty {
            return first.joined(separator: ".")
        }
        if let specs = data["blame_field_specs"] as? [String], let first = specs.first { return first }
        return data["blame_field"] as? String
    }

    static func integer(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let number = value as? NSNumber { return number.intValue }
        if let text = value as? String { return Int(text) }
        return nil
    }
}
