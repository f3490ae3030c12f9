import FastCGI
import Postgres

/// `GET /healthz` (liveness: PostgreSQL answers) and `GET /readyz` (readiness: and its migrations are the ones
/// this build expects). The answer says `ok` or `unavailable` with a short reason code; the driver's error, which
/// names sockets and hosts, goes to the log only.
struct HealthCheck: Sendable {
    let pool: PostgresPool
    /// The newest migration version this build ships; nil when the migrations folder could not be read.
    let expectedMigration: Int?
    let log: RequestLog

    func respond(ready: Bool) -> FastCGIResponse {
        let headers = [("Cache-Control", "no-store")]
        do {
            let applied: Int? = try pool.withConnection { connection in
                guard ready else { return try connection.query("SELECT 1 AS ok")[0].decode("ok") }
                let exists: Bool = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS e")[0].decode("e")
                guard exists else { return nil }
                return try connection.query("SELECT max(version) AS version FROM schema_migrations")[0].decode("version")
            }
            if ready, let expectedMigration, (applied ?? 0) < expectedMigration {
                return .json(503, #"{"status":"unavailable","reason":"MIGRATIONS_PENDING"}"#, headers: headers)
            }
            return .json(200, #"{"status":"ok"}"#, headers: headers)
        } catch {
            log.failure("health_check", String(describing: error))
            return .json(503, #"{"status":"unavailable","reason":"DATABASE_UNAVAILABLE"}"#, headers: headers)
        }
    }
}
