import Foundation
import Jobs
import Postgres

/// The queue's claim rate: `noop` jobs queued in bulk, then run by in-process workers that claim one job at a
/// time through the same statements as `campaignd worker`.
enum JobsBench {
    static func run(jobs count: Int, workers: Int, threads: Int) throws -> Int32 {
        let configuration = try Configuration.fromEnvironment()
        let pool = PostgresPool(conninfo: configuration.databaseURL, maximumConnections: 2)
        let batch = "bench-\(UUID().uuidString.prefix(8))"
        try pool.withConnection { connection in
            try connection.query(
                """
                INSERT INTO jobs (kind, payload) SELECT 'noop', jsonb_build_object('bench', \(batch)::text, 'n', n)
                FROM generate_series(1, \(count)::integer) AS n
                """)
        }
        let started = Date()
        let running = (0..<workers).map { _ in
            Worker(pool: PostgresPool(conninfo: configuration.databaseURL, maximumConnections: threads + 2, waitTimeout: 30),
                   configuration: Worker.Configuration(threads: threads, pollInterval: 0.5, shutdownGrace: 10),
                   definitions: [JobKinds.noopDefinition(lease: 60)])
        }
        running.forEach { $0.start() }
        var remaining = count
        while remaining > 0 {
            Thread.sleep(forTimeInterval: 0.05)
            remaining = try pool.withConnection { connection in
                try connection.query(
                    "SELECT count(*)::bigint AS n FROM jobs WHERE kind = 'noop' AND payload ->> 'bench' = \(batch) AND state <> 'succeeded'")[0].decode("n")
            }
        }
        let seconds = Date().timeIntervalSince(started)
        running.forEach { $0.stop() }
        try pool.withConnection { connection in
            try connection.query("DELETE FROM jobs WHERE kind = 'noop' AND payload ->> 'bench' = \(batch)")
        }
        FileHandleOutput.standardOutput(String(
            format: "jobs bench: %d jobs, %d workers × %d threads: %.2f s, %.0f jobs/s\n",
            count, workers, threads, seconds, Double(count) / seconds))
        return 0
    }
}
