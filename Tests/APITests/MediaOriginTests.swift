import FastCGI
import Testing
@testable import API

/// The origin uploadMedia's URLs start with, from the parameters nginx passes.
@Suite struct MediaOriginTests {
    static func origin(_ parameters: [String: String]) -> String {
        GraphQLHTTPHandler.origin(of: FastCGIRequest(parameters: parameters, body: []))
    }

    @Test func aHostWithoutPortTakesTheServerPort() {
        #expect(Self.origin(["REQUEST_SCHEME": "http", "HTTP_HOST": "127.0.0.1", "SERVER_PORT": "8080"]) == "http://127.0.0.1:8080")
        #expect(Self.origin(["REQUEST_SCHEME": "https", "HTTP_HOST": "ads.example.com", "SERVER_PORT": "443"]) == "https://ads.example.com")
        #expect(Self.origin(["REQUEST_SCHEME": "http", "HTTP_HOST": "[::1]", "SERVER_PORT": "8080"]) == "http://[::1]:8080")
    }

    /// nginx's own fastcgi_params pass the Host header as sent, port included: it is not doubled.
    @Test func aHostWithItsPortIsKeptAsItIs() {
        #expect(Self.origin(["REQUEST_SCHEME": "http", "HTTP_HOST": "127.0.0.1:8080", "SERVER_PORT": "8080"]) == "http://127.0.0.1:8080")
        #expect(Self.origin(["REQUEST_SCHEME": "http", "HTTP_HOST": "localhost:9000", "SERVER_PORT": "8080"]) == "http://localhost:9000")
        #expect(Self.origin(["REQUEST_SCHEME": "http", "HTTP_HOST": "[::1]:8080", "SERVER_PORT": "8080"]) == "http://[::1]:8080")
    }
}
