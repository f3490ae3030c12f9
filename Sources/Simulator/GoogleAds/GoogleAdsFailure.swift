import FastCGI
import Foundation

/// An error as the Google Ads API reports it: an HTTP status, a gRPC status name and a GoogleAdsFailure
/// with one error (its `errorCode`, `message` and field path).
struct GoogleAdsFailure: Error {
    var httpStatus: Int
    var status: String
    /// e.g. `["fieldError": "REQUIRED"]`.
    var errorCode: [String: String]
    var message: String
    /// Proto field names with their index: `[("operations", 0), ("create", nil), ("name", nil)]`.
    var fieldPath: [(String, Int?)] = []
    var retryDelay: String?
    /// A body that does not parse as the request proto (an unknown field name): Google answers before any
    /// Google Ads check, with a `google.rpc.BadRequest` field violation instead of a GoogleAdsFailure.
    var payloadViolation: (field: String, description: String)?
    /// A policy finding's topics (`PROHIBITED`), reported in `details.policyFindingDetails`.
    var policyTopics: [String] = []

    /// `{"x": …}` where the message has no field `x`: "Invalid JSON payload received. Unknown name …".
    static func unknownField(_ name: String, at field: String) -> GoogleAdsFailure {
        let description = "Invalid JSON payload received. Unknown name \"\(name)\" at '\(field)': Cannot find field."
        var failure = GoogleAdsFailure(httpStatus: 400, status: "INVALID_ARGUMENT", errorCode: [:], message: description)
        failure.payloadViolation = (field, description)
        return failure
    }

    static func invalid(_ kind: String, _ code: String, _ message: String, at path: [(String, Int?)]) -> GoogleAdsFailure {
        GoogleAdsFailure(httpStatus: 400, status: "INVALID_ARGUMENT", errorCode: [kind: code], message: message, fieldPath: path)
    }

    static func required(_ path: [(String, Int?)]) -> GoogleAdsFailure {
        invalid("fieldError", "REQUIRED", "The required field was not present.", at: path)
    }

    static func unauthenticated(_ code: String, _ message: String) -> GoogleAdsFailure {
        GoogleAdsFailure(httpStatus: 401, status: "UNAUTHENTICATED", errorCode: ["authenticationError": code], message: message)
    }

    static func permissionDenied(_ code: String, _ message: String) -> GoogleAdsFailure {
        GoogleAdsFailure(httpStatus: 403, status: "PERMISSION_DENIED", errorCode: ["authorizationError": code], message: message)
    }

    /// The JSON body and status Google sends.
    var response: FastCGIResponse {
        if let payloadViolation {
            return .simulatorJSON(400, ["error": [
                "code": 400, "message": payloadViolation.description, "status": "INVALID_ARGUMENT",
                "details": [["@type": "type.googleapis.com/google.rpc.BadRequest",
                             "fieldViolations": [["field": payloadViolation.field, "description": payloadViolation.description]]]],
            ]])
        }
        var failure: [String: Any] = ["errorCode": errorCode, "message": message]
        if !fieldPath.isEmpty {
            failure["location"] = ["fieldPathElements": fieldPath.map { name, index -> [String: Any] in
                index.map { ["fieldName": name, "index": $0] } ?? ["fieldName": name]
            }]
        }
        if !policyTopics.isEmpty {
            failure["details"] = ["policyFindingDetails": ["policyTopicEntries": policyTopics.map { ["topic": $0, "type": "PROHIBITED"] }]]
        }
        if let retryDelay { failure["details"] = ["quotaErrorDetails": ["rateScope": "DEVELOPER", "rateName": "Number of operations for basic access", "retryDelay": retryDelay]] }
        let body: [String: Any] = ["error": [
            "code": httpStatus,
            "message": httpStatus == 400 ? "Request contains an invalid argument." : message,
            "status": status,
            "details": [[
                "@type": "type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure",
                "errors": [failure],
                "requestId": "sim-\(UInt32.random(in: 0...UInt32.max))",
            ]],
        ]]
        var headers: [(String, String)] = []
        if httpStatus == 401 { headers.append(("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")) }
        return .simulatorJSON(httpStatus, body, headers: headers)
    }
}

extension GoogleAdsSimulator {
    /// Injected failures, in the shape the real API uses for each (the token endpoint uses OAuth's shape).
    public func render(_ failure: InjectedFailure, for request: SimulatorRequest) -> FastCGIResponse {
        count(request)
        if request.prefix == "google-oauth" {
            switch failure {
            case .rateLimit: return .simulatorJSON(429, ["error": "rate_limit_exceeded", "error_description": "Rate limit exceeded."])
            case .serverError, .serverErrorAfterApply: return .simulatorJSON(500, ["error": "internal_failure", "error_description": "Backend error."])
            case .expiredToken: return .simulatorJSON(400, ["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
            }
        }
        switch failure {
        case .rateLimit:
            var quota = GoogleAdsFailure(httpStatus: 429, status: "RESOURCE_EXHAUSTED", errorCode: ["quotaError": "RESOURCE_EXHAUSTED"],
                                         message: "Too many requests. Retry in 1 seconds.")
            quota.retryDelay = "0.05s"
            return quota.response
        case .serverError, .serverErrorAfterApply:
            return GoogleAdsFailure(httpStatus: 500, status: "INTERNAL", errorCode: ["internalError": "INTERNAL_ERROR"],
                                    message: "An internal error has occurred.").response
        case .expiredToken:
            return GoogleAdsFailure.unauthenticated("OAUTH_TOKEN_EXPIRED", "Request had invalid authentication credentials. Expected OAuth 2 access token.").response
        }
    }
}
