import Foundation
import Integrations
import Testing

/// Meta's error bodies become errors that say what to do.
@Suite struct MetaErrorParserTests {
    func parse(_ status: Int, _ body: String, headers: [String: String] = [:]) -> PlatformError? {
        MetaErrorParser.parse(PlatformResponse(status: status, headers: headers, body: Data(body.utf8)))
    }

    @Test func successIsNoError() {
        #expect(parse(200, #"{"id": "1"}"#) == nil)
    }

    @Test func tokenErrorsAskForANewToken() {
        #expect(parse(400, #"{"error": {"message": "Session has expired", "type": "OAuthException", "code": 190, "error_subcode": 463}}"#)
            == .tokenExpired(message: "Session has expired [code 190, subcode 463]"))
        if case .tokenExpired = parse(400, #"{"error": {"message": "x", "code": 102}}"#) {} else { Issue.record("102 is a session error") }
    }

    @Test func throttlingCodesAndHTTP429AreRateLimits() {
        for code in [4, 17, 32, 613, 80004] {
            guard case .rateLimited(let seconds, _) = parse(400, #"{"error": {"message": "slow down", "code": \#(code)}}"#) else {
                Issue.record("code \(code) is a rate limit"); continue
            }
            #expect(seconds == MetaErrorParser.defaultRetryAfter)
        }
        #expect(parse(429, "Too Many Requests", headers: ["Retry-After": "7"]) == .rateLimited(retryAfter: 7, message: "HTTP 429 Too Many Requests"))
        let usage = #"{"123": [{"type": "ads_management", "estimated_time_to_regain_access": 3}]}"#
        guard case .rateLimited(let seconds, _) = parse(400, #"{"error": {"message": "m", "code": 80004}}"#, headers: ["x-business-use-case-usage": usage]) else {
            Issue.record("80004 is a rate limit"); return
        }
        #expect(seconds == 180)
    }

    @Test func invalidParametersNameTheBlamedField() {
        #expect(parse(400, #"{"error": {"message": "Invalid parameter", "code": 100, "error_user_msg": "Too long", "error_data": {"blame_field_specs": [["object_story_spec", "link_data", "name"]]}}}"#)
            == .invalidRequest(message: "Invalid parameter (Too long) [code 100]", field: "object_story_spec.link_data.name"))
        // error_data may come as JSON text.
        #expect(parse(400, #"{"error": {"message": "Invalid parameter", "code": 100, "error_data": "{\"blame_field_specs\":[[\"daily_budget\"]]}"}}"#)
            == .invalidRequest(message: "Invalid parameter [code 100]", field: "daily_budget"))
    }

    @Test func unknownAndServiceErrorsAreTransientOthersPermanent() {
        #expect(parse(500, #"{"error": {"message": "Service", "code": 2}}"#) == .transient(message: "Service [code 2]"))
        #expect(parse(400, #"{"error": {"message": "Unknown", "code": 1}}"#) == .transient(message: "Unknown [code 1]"))
        #expect(parse(502, "<html>Bad gateway</html>") == .transient(message: "HTTP 502 from the Graph API"))
        #expect(parse(403, #"{"error": {"message": "Permission", "code": 10}}"#) == .permanent(message: "Permission [code 10]"))
    }
}
