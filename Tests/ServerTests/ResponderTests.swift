import Foundation
import Testing
import TestSupport

/// The responder through a real nginx, against a real database.
@Suite struct ResponderTests {
    @Test func healthzAnswersThroughNginx() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url)
        defer { server.stop() }
        let response = try await HTTPClient.send(server.url("/healthz"))
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func healthzReports503WhileTheDatabaseIsDownAndRecovers() async throws {
        let cluster = try TestCluster()
        defer { try? cluster.stop(mode: "immediate") }
        let server = try TestServer(databaseURL: cluster.url(database: "postgres"))
        defer { server.stop() }
        #expect(try await HTTPClient.send(server.url("/healthz")).status == 200)
        try cluster.stop()
        let down = try await HTTPClient.send(server.url("/healthz"))
        #expect(down.status == 503)
        let body = try down.json()
        #expect(body as NSDictionary == ["status": "unavailable", "reason": "DATABASE_UNAVAILABLE"])
        try cluster.start()
        #expect(try await HTTPClient.send(server.url("/healthz")).status == 200)
    }

    @Test func aBodyOverTheLimitIsRefusedWith413() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url, environment: ["CAMPAIGND_MAX_BODY_BYTES": "1024"])
        defer { server.stop() }
        let small = try await HTTPClient.send(server.url("/graphql"), method: "POST", headers: ["Content-Type": "application/json"], body: Data(repeating: 32, count: 1000))
        #expect(small.status != 413)
        let large = try await HTTPClient.send(server.url("/graphql"), method: "POST", headers: ["Content-Type": "application/json"], body: Data(repeating: 32, count: 4096))
        #expect(large.status == 413)
        #expect(try large.json()["errors"] != nil)
    }

    @Test func sixtyFourConcurrentRequestsAreAllAnswered() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url, environment: ["CAMPAIGND_THREADS": "4"])
        defer { server.stop() }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 {
                group.addTask { try await HTTPClient.send(server.url("/healthz")).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 64)
        #expect(statuses.allSatisfy { $0 == 200 })
    }

    @Test func unknownPathsAre404AndStaticPagesComeFromNginx() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url)
        defer { server.stop() }
        #expect(try await HTTPClient.send(server.url("/nothing-here")).status == 404)
        let page = try await HTTPClient.send(server.url("/"))
        #expect(page.status == 200)
        #expect(page.text.contains("<h1>Creative Studio</h1>"))
    }

    @Test func sigtermStopsTheResponderCleanly() async throws {
        let database = try TestCluster.shared.migratedDatabase()
        let server = try TestServer(databaseURL: database.url)
        defer { server.stop() }
        // Requests racing the shutdown are answered whole, by the responder or, once it is gone, by nginx.
        async let racing = withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await HTTPClient.send(server.url("/healthz")).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        try await Task.sleep(for: .milliseconds(20))
        let status = server.responder.stop(signal: SIGTERM, timeout: 10)
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: server.socketPath))
        #expect(server.responder.output.contains("campaignd: stopped"))
        let statuses = try await racing
        #expect(statuses.allSatisfy { $0 == 200 || $0 == 502 })
    }
}
