import Foundation
import Postgres
import Testing
import TestSupport

/// What an operator relies on: health and readiness with reason codes, Prometheus metrics, one JSON log line per
/// request with nginx's request id, logs that hold no secret and do not flood, and public URLs from configuration.
@Suite struct OperatorEndpointsTests {
    static func logLines(_ server: TestServer, event: String) -> [[String: Any]] {
        server.responder.output.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("{"), let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["event"] as? String == event else { return nil }
            return object
        }
    }

    /// The lines of `event` once `written` holds for them: the responder writes its log in batches, within 0.2 s.
    static func logLines(_ server: TestServer, event: String, once written: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(10)
        while true {
            let lines = logLines(server, event: event)
            if written(lines) || Date() > deadline { return lines }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    @Test func healthAndReadinessSayOkOrWhyNot() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let health = try await HTTPClient.send(harness.server.url("/healthz"))
        #expect(health.status == 200)
        #expect(try health.json() as NSDictionary == ["status": "ok"])
        #expect(health.header("X-Request-Id")?.count == 32)
        let ready = try await HTTPClient.send(harness.server.url("/readyz"))
        #expect(ready.status == 200, "\(ready.text)")

        // A migration this build ships is missing from the database: alive, not ready.
        try harness.sql("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
        let pending = try await HTTPClient.send(harness.server.url("/readyz"))
        #expect(pending.status == 503)
        #expect(try pending.json() as NSDictionary == ["status": "unavailable", "reason": "MIGRATIONS_PENDING"])
        #expect(try await HTTPClient.send(harness.server.url("/healthz")).status == 200)
    }

    /// The database is gone: health says so with a code, never the driver's text (sockets, hosts); every request
    /// fails, and the log says why once per 10 s, not once per request.
    @Test func anOutageIsReportedWithACodeAndLoggedWithoutFlooding() async throws {
        let directory = try TestPaths.temporaryDirectory("no-database")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try TestServer(databaseURL: "postgresql:///campaignd?host=\(directory.path)&connect_timeout=1")
        defer { server.stop() }
        let health = try await HTTPClient.send(server.url("/healthz"))
        #expect(health.status == 503)
        #expect(try health.json() as NSDictionary == ["status": "unavailable", "reason": "DATABASE_UNAVAILABLE"])
        #expect(!health.text.contains(directory.path) && !health.text.contains("socket"))

        let started = Date()
        for _ in 0..<40 {
            let response = try await HTTPClient.send(
                server.url("/graphql"), method: "POST",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer cmk_some_key"],
                body: Data(#"{"query":"{ __typename }"}"#.utf8))
            #expect(response.status == 503)
            #expect(!response.text.contains(directory.path))
        }
        // One line per 10 s of outage (a loaded machine may take longer than 10 s for the 40 requests).
        let failures = try await Self.logLines(server, event: "graphql_request") { $0.contains { $0["failure"] != nil } }
            .filter { $0["failure"] != nil }
        let windows = Int(Date().timeIntervalSince(started) / 10) + 1
        #expect(failures.count >= 1 && failures.count <= windows, "\(failures.count) lines in \(windows) windows: \(server.responder.output)")
        #expect(Self.logLines(server, event: "graphql_request").count == failures.count, "requests that failed alike are not logged one by one")
        #expect(Self.logLines(server, event: "health_check").count == 1)
    }

    @Test func eachRequestIsOneJSONLineWithNginxsRequestIdAndNoSecret() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let organization = try harness.organizationID(key: key)
        let response = try await harness.post(
            ["query": "query Dashboard($n: Int!) { campaigns(first: $n) { totalCount } }", "variables": ["n": 5],
             "operationName": "Dashboard"], key: key)
        #expect(response.status == 200)
        let requestID = try #require(response.header("X-Request-Id"))
        let refused = try await harness.post(["query": "{ __typename }"], key: "cmk_wrong_key_never_logged")
        #expect(refused.status == 401)

        let lines = try await Self.logLines(harness.server, event: "graphql_request") { lines in
            lines.contains { $0["request_id"] as? String == refused.header("X-Request-Id") }
        }
        let line = try #require(lines.first { $0["request_id"] as? String == requestID }, "\(lines)")
        #expect(line["organization_id"] as? String == organization.uuidString.lowercased())
        #expect(line["operation_name"] as? String == "Dashboard")
        #expect(line["operation_type"] as? String == "query")
        #expect(line["status"] as? Int == 200)
        #expect(line["outcome"] as? String == "ok")
        #expect((line["duration_ms"] as? Double ?? -1) >= 0)
        let refusal = try #require(lines.first { $0["request_id"] as? String == refused.header("X-Request-Id") })
        #expect(refusal["outcome"] as? String == "refused" && refusal["error_code"] as? String == "UNAUTHENTICATED")
        let log = harness.server.responder.output
        #expect(!log.contains(key) && !log.contains("cmk_wrong_key_never_logged") && !log.contains("campaigns(first"))
    }

    @Test func metricsAreInThePrometheusTextFormat() async throws {
        let harness = try APITestHarness()
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        _ = try await harness.post(["query": "{ campaigns(first: 1) { totalCount } }"], key: key)
        _ = try await harness.post(["query": "{ campaigns(first: 1) { totalCount } }"], key: key)
        _ = try await harness.post(["query": "{ nope }"], key: key)
        try harness.sql("INSERT INTO jobs (kind, run_at) VALUES ('syncCampaignMetrics', now() - interval '90 seconds')")

        let response = try await HTTPClient.send(harness.server.url("/metrics"))
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let text = response.text
        #expect(text.contains("# TYPE campaignd_graphql_requests_total counter"))
        #expect(text.contains(#"campaignd_graphql_requests_total{operation_type="query",outcome="ok",status="200"} 2"#), "\(text)")
        #expect(text.contains(#"campaignd_graphql_requests_total{operation_type="none",outcome="errors",status="#), "\(text)")
        #expect(text.contains(#"campaignd_graphql_request_duration_seconds_count{operation_type="query"} 2"#))
        #expect(text.contains(#"campaignd_graphql_request_duration_seconds_bucket{operation_type="query",le="+Inf"} 2"#))
        #expect(text.contains(#"campaignd_database_connections{state="max"} 16"#))
        #expect(text.contains(#"campaignd_document_cache_lookups_total{result="hit"} 1"#), "\(text)")
        #expect(text.contains(#"campaignd_jobs{kind="syncCampaignMetrics",state="queued"} 1"#))
        let age = text.split(separator: "\n").first { $0.hasPrefix(#"campaignd_job_oldest_age_seconds{kind="syncCampaignMetrics",state="queued"}"#) }
        #expect((age?.split(separator: " ").last.flatMap { Double($0) } ?? 0) >= 90)
        #expect(text.contains("campaignd_metrics_database_up 1"))
    }

    /// Uploads' URLs start with CAMPAIGND_PUBLIC_URL, whatever Host the client sends.
    @Test func uploadURLsComeFromConfigurationNotTheHostHeader() async throws {
        let harness = try APITestHarness(environment: ["CAMPAIGND_PUBLIC_URL": "https://ads.example.com"])
        defer { harness.stop() }
        let key = try harness.organization(named: "Tasty Chips Co.")
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                        0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE])
        let body = try JSONSerialization.data(withJSONObject: [
            "query": "mutation($input: UploadMediaInput!) { uploadMedia(input: $input) { url } }",
            "variables": ["input": ["filename": "a.png", "contentType": "image/png", "dataBase64": png.base64EncodedString()]],
        ])
        let response = try await HTTPClient.send(
            harness.server.url("/graphql"), method: "POST",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer \(key)", "Host": "evil.example"], body: body)
        let url = ((try response.json()["data"] as? [String: Any])?["uploadMedia"] as? [String: Any])?["url"] as? String
        #expect(url?.hasPrefix("https://ads.example.com/media/") == true, "\(response.text)")
    }
}
