import FastCGI
import GraphQL
import Postgres

/// `GET /healthz`: 200 when PostgreSQL answers a query, 503 with the reason when it does not.
struct HealthCheck: Sendable {
    let pool: PostgresPool

    func respond() -> FastCGIResponse {
        let headers = [("Cache-Control", "no-store")]
        do {
            let answer: Int = try pool.withConnection { try $0.query("SELECT 1 AS ok")[0].decode("ok") }
            guard answer == 1 else { throw PostgresError.connection("unexpected answer \(answer)") }
            return .json(200, #"{"status":"ok","database":"ok"}"#, headers: headers)
        } catch {
            let body = JSON.object(JSONObject([("status", .string("unavailable")), ("database", .string(String(describing: error)))]))
            return .json(503, body.serialized(), headers: headers)
        }
    }
}
