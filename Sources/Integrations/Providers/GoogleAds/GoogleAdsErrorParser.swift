import Foundation

/// Reads Google's error bodies into `PlatformError`s: the API's `{"error": {code, status, message, details:
/// [GoogleAdsFailure {errors: [{errorCode, message, location.fieldPathElements}]}]}}` and the OAuth token
/// endpoint's `{"error": "invalid_grant", "error_description": ...}`.
enum GoogleAdsErrorParser {
    static func parse(_ response: PlatformResponse) -> PlatformError? {
        guard !(200..<300).contains(response.status) else { return nil }
        let body = response.jsonObject
        if let code = body?["error"] as? String { return oauthError(code, body?["error_description"] as? String, status: response.status) }
        let error = body?["error"] as? [String: Any] ?? [:]
        let status = error["status"] as? String ?? ""
        let failures = failureDetails(error)
        let first = failures.first
        let message = [first?["message"] as? String ?? error["message"] as? String ?? "HTTP \(response.status)", errorCodeText(first)]
            .compactMap { $0 }.joined(separator: " ")
        let codes = failures.compactMap { ($0["errorCode"] as? [String: Any])?.values.first as? String }

        if response.status == 429 || status == "RESOURCE_EXHAUSTED" {
            return .rateLimited(retryAfter: retryDelay(error, response) ?? 1, message: "Google Ads: \(message)")
        }
        if response.status == 401 || status == "UNAUTHENTICATED" {
            if codes.contains(where: { $0.hasPrefix("DEVELOPER_TOKEN") }) {
                return .permanent(message: "Google Ads refused the developer token: \(message)")
            }
            return .tokenExpired(message: "Google Ads: \(message)")
        }
        if response.status == 403 || status == "PERMISSION_DENIED" {
            return .permanent(message: "Google Ads denied access: \(message)")
        }
        if response.status >= 500 { return .transient(message: "Google Ads answered \(response.status): \(message)") }
        if response.status == 400 || status == "INVALID_ARGUMENT" || status == "FAILED_PRECONDITION" {
            return .invalidRequest(message: "Google Ads: \(message)", field: fieldPath(first))
        }
        if response.status == 404 { return .permanent(message: "Google Ads: not found: \(message)") }
        return .permanent(message: "Google Ads answered \(response.status): \(message)")
    }

    private static func oauthError(_ code: String, _ description: String?, status: Int) -> PlatformError {
        let message = "Google OAuth: \(code)\(description.map { " (\($0))" } ?? "")"
        switch code {
        case "invalid_grant": return .reconnectRequired(message: message)
        case "invalid_client", "unauthorized_client": return .permanent(message: message)
        case "slow_down", "rate_limit_exceeded": return .rateLimited(retryAfter: 1, message: message)
        default: return status >= 500 ? .transient(message: message) : .invalidRequest(message: message, field: nil)
        }
    }

    /// The GoogleAdsFailure errors in `details`.
    private static func failureDetails(_ error: [String: Any]) -> [[String: Any]] {
        (error["details"] as? [[String: Any]] ?? []).flatMap { $0["errors"] as? [[String: Any]] ?? [] }
    }

    /// `quotaError: RESOURCE_EXHAUSTED` → "[quotaError: RESOURCE_EXHAUSTED]".
    private static func errorCodeText(_ failure: [String: Any]?) -> String? {
        guard let code = failure?["errorCode"] as? [String: Any], let (kind, value) = code.first else { return nil }
        return "[\(kind): \(value)]"
    }

    /// `operations[0].create.ad.responsive_search_ad.headlines[1].text`.
    static func fieldPath(_ failure: [String: Any]?) -> String? {
        guard let location = failure?["location"] as? [String: Any],
              let elements = location["fieldPathElements"] as? [[String: Any]], !elements.isEmpty else { return nil }
        return elements.map { element in
            let name = element["fieldName"] as? String ?? "?"
            return GoogleAdsJSON.int(element["index"]).map { "\(name)[\($0)]" } ?? name
        }.joined(separator: ".")
    }

    /// Seconds to wait: the failure's `quotaErrorDetails.retryDelay` ("30s"), else the Retry-After header.
    private static func retryDelay(_ error: [String: Any], _ response: PlatformResponse) -> Double? {
        for failure in failureDetails(error) {
            if let details = failure["details"] as? [String: Any], let quota = details["quotaErrorDetails"] as? [String: Any],
               let delay = quota["retryDelay"] as? String, let seconds = Double(delay.trimmingCharacters(in: CharacterSet(charactersIn: "s"))) {
                return seconds
            }
        }
        return response.header("Retry-After").flatMap(Double.init)
    }
}
