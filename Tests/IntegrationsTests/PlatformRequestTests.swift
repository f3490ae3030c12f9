import Foundation
@testable import Integrations
import Testing

@Suite struct PlatformRequestTests {
    @Test func secretsNeverShowInTheRedactedURL() {
        let request = PlatformRequest(
            method: "GET",
            url: URL(string: "https://graph.example/v1/me/adaccounts?fields=name&access_token=EAAB-secret&appsecret_proof=abc")!,
            secretHeaders: ["Authorization": "Bearer ya29-secret"])
        #expect(request.redactedURL == "https://graph.example/v1/me/adaccounts?fields=name&access_token=REDACTED&appsecret_proof=REDACTED")
        #expect(request.headers["Authorization"] == nil)
    }

    @Test func backoffGrowsExponentiallyWithinBoundsAndHonoursRetryAfter() {
        let policy = RetryPolicy(maximumAttempts: 5, baseDelay: 0.1, maximumDelay: 1)
        for _ in 0..<50 {
            let first = policy.delay(afterAttempt: 1)
            let third = policy.delay(afterAttempt: 3)
            #expect(first >= 0.05 && first <= 0.1)
            #expect(third >= 0.2 && third <= 0.4)
            #expect(policy.delay(afterAttempt: 10) <= 1)
        }
        #expect(policy.delay(afterAttempt: 1, retryAfter: 0.8) == 0.8)
    }

    @Test func formEncodingRoundTrips() {
        let fields = [("redirect_uri", "http://127.0.0.1:8080/cb?x=1"), ("code", "a b+c")]
        let encoded = FormEncoding.encode(fields)
        #expect(encoded == "redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fcb%3Fx%3D1&code=a%20b%2Bc")
        #expect(FormEncoding.decode(encoded).map { "\($0.0)=\($0.1)" } == ["redirect_uri=http://127.0.0.1:8080/cb?x=1", "code=a b+c"])
    }
}

@Suite struct PlatformRetryRuleTests {
    @Test func onlyRequestsSafeToRepeatAreRetriedAfterTransientFailures() {
        let url = URL(string: "https://example.test/v1/x")!
        let read = PlatformRequest(method: "GET", url: url)
        let create = PlatformRequest(method: "POST", url: url)
        let searchByPost = PlatformRequest(method: "POST", url: url, isSafeToRepeat: true)
        #expect(read.isSafeToRepeat && !create.isSafeToRepeat && searchByPost.isSafeToRepeat)
        let transient = PlatformError.transient(message: "500")
        let limited = PlatformError.rateLimited(retryAfter: 1, message: "slow down")
        #expect(PlatformHTTPClient.retries(transient, of: read))
        #expect(!PlatformHTTPClient.retries(transient, of: create))
        #expect(PlatformHTTPClient.retries(limited, of: create))
        #expect(!PlatformHTTPClient.retries(.tokenExpired(message: "expired"), of: read))
    }
}

@Suite struct PlatformRequestPrintingTests {
    @Test func printingARequestShowsNoSecret() {
        let request = PlatformRequest(
            method: "POST", url: URL(string: "https://oauth.example/token?code=abc")!,
            secretHeaders: ["Authorization": "Bearer ya29-secret"], body: .form([("client_secret", "s3cret")]))
        for text in ["\(request)", String(reflecting: request)] {
            #expect(text == "POST https://oauth.example/token?code=REDACTED")
        }
    }
}
