import FastCGI
import Foundation

/// An error as the Graph API reports it:
/// `{"error": {"message", "type", "code", "error_subcode", "error_user_title", "error_user_msg", "error_data", "fbtrace_id"}}`.
struct MetaSimulatedError: Error {
    var status = 400
    var code: Int
    var subcode: Int?
    var type = "OAuthException"
    var message: String
    var userMessage: String?
    var userTitle = "Invalid parameter"
    /// The path of the blamed field (`["object_story_spec", "link_data", "name"]`).
    var blame: [String]?
    var isTransient = false
    var headers: [(String, String)] = []

    var response: FastCGIResponse {
        var error: [String: Any] = ["message": message, "type": type, "code": code, "fbtrace_id": Self.traceID(), "is_transient": isTransient]
        if let subcode { error["error_subcode"] = subcode }
        if let userMessage {
            error["error_user_title"] = userTitle
            error["error_user_msg"] = userMessage
        }
        if let blame { error["error_data"] = ["blame_field_specs": [blame]] }
        return .simulatorJSON(status, ["error": error], headers: headers)
    }

    /// A missing or malformed parameter (code 100), naming the field.
    static func invalidParameter(_ field: [String], _ userMessage: String, subcode: Int = 1_487_390) -> MetaSimulatedError {
        MetaSimulatedError(code: 100, subcode: subcode, message: "Invalid parameter", userMessage: userMessage, blame: field)
    }

    static func missing(_ field: String) -> MetaSimulatedError {
        invalidParameter([field], "The parameter \(field) is required.", subcode: 1_487_534)
    }

    static func unknownObject(_ id: String) -> MetaSimulatedError {
        MetaSimulatedError(code: 100, subcode: 33, type: "GraphMethodException",
                           message: "Unsupported request. Object with ID '\(id)' does not exist, cannot be loaded due to missing permissions, or does not support this operation.")
    }

    static let expiredToken = MetaSimulatedError(
        code: 190, subcode: 463, message: "Error validating access token: Session has expired.")
    static let invalidToken = MetaSimulatedError(
        code: 190, subcode: 460,
        message: "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.")
    static let missingToken = MetaSimulatedError(code: 104, message: "An access token is required to request this resource.")

    static func traceID() -> String {
        String((0..<11).map { _ in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".randomElement()! })
    }
}
