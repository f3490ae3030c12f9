import Foundation
import Jobs
import Postgres
import Testing
import TestSupport

/// `campaignd worker` and `campaignd jobs` as processes: signals, a killed worker's job, the operator's view.
@Suite struct WorkerProcessTests {
    static let tokenKey = "test-token-key-0123456789abcdef"

    func environment(_ harness: JobsHarness, _ extra: [String: String] = [:]) -> [String: String] {
        var settings = [
            "DATABASE_URL": harness.database.url,
            "CAMPAIGND_TOKEN_KEY": Self.tokenKey,
            "CAMPAIGND_SCHEDULER": "off",
            "CAMPAIGND_WORKER_POLL_SECONDS": "0.2",
            "CAMPAIGND_WORKER_THREADS": "2",
        ]
        settings.merge(extra) { $1 }
        return settings
    }

    func startWorker(_ harness: JobsHarness, _ extra: [String: String] = [:]) throws -> ChildProcess {
        let log = try TestPaths.temporaryDirectory("campaignd-worker").appendingPathComponent("worker.log")
        let worker = try ChildProcess(TestPaths.campaignd, ["worker"], environment: environment(harness, extra), logFile: log)
        #expect(eventually { worker.output.contains("running") || !worker.isRunning }, "\(worker.output)")
        try #require(worker.isRunning, "\(worker.output)")
        return worker
    }

    @Test func sigtermFinishesAShortJobGivesBackALongOneAndExitsZero() throws {
        let harness = try JobsHarness()
        let worker = try startWorker(harness, ["CAMPAIGND_WORKER_SHUTDOWN_SECONDS": "5"])
        let long = try harness.enqueue("noop", payload: #"{"sleepSeconds": 60}"#).job.id
        #expect(try eventually { try harness.job(long).state == .running })
        let short = try harness.enqueue("noop", payload: #"{"sleepSeconds": 0.5}"#).job.id
        #expect(try eventually { try harness.job(short).state == .running })
        let status = worker.stop(signal: SIGTERM, timeout: 15)
        #expect(status == 0, "\(worker.output)")
        #expect(worker.output.contains("stopped"))
        #expect(try harness.job(short).state == .succeeded)
        let released = try harness.job(long)
        #expect(released.state == .queued)
        #expect(released.attempts == 0)
        #expect(released.lockedBy == nil)
    }

    @Test func sigintAlsoStopsAnIdleWorkerWithStatusZero() throws {
        let harness = try JobsHarness()
        let worker = try startWorker(harness)
        #expect(worker.stop(signal: SIGINT, timeout: 10) == 0, "\(worker.output)")
    }

    @Test func aKilledWorkersJobIsTakenByAnotherWorkerAfterItsLease() throws {
        let harness = try JobsHarness()
        let lease = ["CAMPAIGND_JOB_LEASE_SECONDS": "1"]
        let first = try startWorker(harness, lease)
        let id = try harness.enqueue("noop", payload: #"{"sleepSeconds": 2}"#).job.id
        #expect(try eventually { try harness.job(id).state == .running })
        let holder = try #require(try harness.job(id).lockedBy)
        #expect(first.stop(signal: SIGKILL, timeout: 5) == 128 + SIGKILL)
        // Nobody finishes it while the dead worker's lease lasts; then the second worker takes it over.
        let second = try startWorker(harness, lease)
        defer { second.stop() }
        let succeeded = try eventually(timeout: 20) { try harness.job(id).state == .succeeded }
        #expect(succeeded, "\(second.output)")
        let job = try harness.job(id)
        #expect(job.attempts == 2)
        #expect(job.lastError == "lease expired: \(holder) stopped before finishing")
    }

    @Test func twoWorkerProcessesWithSchedulersQueueAndRunEachPeriodOnce() throws {
        let harness = try JobsHarness()
        let schedule = [
            "CAMPAIGND_SCHEDULER": "on", "CAMPAIGND_SYNC_METRICS_INTERVAL": "1",
            "CAMPAIGND_REFRESH_TOKENS_INTERVAL": "3600", "CAMPAIGND_SYNC_AD_ACCOUNTS_INTERVAL": "3600",
        ]
        let started = Date()
        let workers = try (0..<2).map { _ in try startWorker(harness, schedule) }
        Thread.sleep(forTimeInterval: 3)
        for worker in workers { #expect(worker.stop(signal: SIGTERM, timeout: 15) == 0, "\(worker.output)") }
        let periods = Int(Date().timeIntervalSince1970) - Int(started.timeIntervalSince1970) + 1
        let syncs = try harness.count("SELECT count(*) FROM jobs WHERE kind = 'syncCampaignMetrics'")
        #expect(syncs >= 2 && syncs <= periods, "\(syncs) syncs in \(periods) periods")
        #expect(try harness.count("SELECT count(DISTINCT unique_key) FROM jobs WHERE kind = 'syncCampaignMetrics'") == syncs)
        // The hourly kinds ran once in all, not once per worker.
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'refreshExpiringTokens'") == 1)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'syncAdAccounts'") == 1)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE kind = 'pruneJobs'") == 1)
        // With no organizations, every one of them ran and succeeded (or was given back, queued, at the stop).
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE state NOT IN ('succeeded', 'queued')") == 0)
        #expect(try harness.count("SELECT count(*) FROM jobs WHERE state = 'succeeded'") >= 4)
    }

    @Test func jobsCommandShowsCountsByKindAndStateAndTheLatestFailures() throws {
        let harness = try JobsHarness()
        let queued = try runCommand(TestPaths.campaignd.path, ["jobs", "enqueue", "--kind", "noop", "--unique-key", "once"],
                                    environment: environment(harness))
        #expect(queued.status == 0)
        #expect(queued.output.hasPrefix("queued noop "))
        let again = try runCommand(TestPaths.campaignd.path, ["jobs", "enqueue", "--kind", "noop", "--unique-key", "once"],
                                   environment: environment(harness))
        #expect(again.output.hasPrefix("already pending noop "))
        let failing = try harness.enqueue("mystery", maxAttempts: 1).job.id
        _ = try harness.pool.withConnection { connection in
            _ = try harness.queue.claim(leases: ["mystery": 30], limit: 1, workerID: "w", on: connection)
            try harness.queue.fail(failing, workerID: "w", error: "the platform is down\nsecond line", retryDelay: 1, on: connection)
        }
        let status = try runCommand(TestPaths.campaignd.path, ["jobs"], environment: environment(harness))
        #expect(status.status == 0)
        let lines = status.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].split(separator: " ") == ["kind", "queued", "running", "succeeded", "failed", "dead"])
        #expect(lines[1].split(separator: " ") == ["mystery", "0", "0", "0", "0", "1"])
        #expect(lines[2].split(separator: " ") == ["noop", "1", "0", "0", "0", "0"])
        #expect(lines.contains("latest failures:"))
        #expect(status.output.contains("mystery  \(failing.uuidString.lowercased())  dead after 1/1  the platform is down\n"))
        #expect(!status.output.contains("second line"))
    }

    @Test func helpAndUsageMistakes() throws {
        for command in [["worker", "--help"], ["jobs", "--help"], ["jobs", "status", "--help"], ["jobs", "bench", "--help"]] {
            let result = try runCommand(TestPaths.campaignd.path, command)
            #expect(result.status == 0)
            #expect(result.output.hasPrefix("usage: campaignd \(command[0])"))
        }
        let top = try runCommand(TestPaths.campaignd.path, ["--help"])
        #expect(top.output.contains("worker") && top.output.contains("jobs"))
        for (arguments, message) in [
            (["jobs", "enqueue"], "campaignd: jobs enqueue: --kind is required (see --help)\n"),
            (["jobs", "frobnicate"], "campaignd: unknown jobs command \"frobnicate\" (see campaignd jobs --help)\n"),
            (["worker", "--bogus"], "campaignd: worker: unknown option --bogus (see --help)\n"),
        ] {
            let result = try runCommand(TestPaths.campaignd.path, arguments)
            #expect(result.status == 2)
            #expect(result.output == message)
        }
        let badThreads = try runCommand(TestPaths.campaignd.path, ["worker"], environment: ["CAMPAIGND_WORKER_THREADS": "many"])
        #expect(badThreads.status == 2)
        #expect(badThreads.output == "campaignd: CAMPAIGND_WORKER_THREADS must be an integer in 1...64, got \"many\"\n")
        // A lease shorter than the heartbeat's renewals would expire under running jobs.
        let shortLease = try runCommand(TestPaths.campaignd.path, ["worker"], environment: ["CAMPAIGND_JOB_LEASE_SECONDS": "0.1"])
        #expect(shortLease.status == 2)
        #expect(shortLease.output == "campaignd: CAMPAIGND_JOB_LEASE_SECONDS must be a number of seconds in [1, 86400], got \"0.1\"\n")
    }
}
